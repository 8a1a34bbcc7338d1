"""The outbox: side effects recorded with their cause, delivered by the worker.

`record_effect` writes the row inside the causing transaction and, once it commits, asks
the broker to deliver it now. `deliver_effect` claims the row (a lease, so two workers
never run it at once), runs the handler its app registered, and marks it delivered with
a conditional UPDATE; any error is recorded (its class name only) and the effect is tried
again after a growing pause. `queue_due_effects`, run by beat, queues what is due and has
no message waiting (never queued, or its last try failed), was queued long ago (the broker
lost the message) or whose worker died (its lease ran out). So each effect is delivered at least
once, whatever the broker keeps, and applied once by its handler's own check."""

import datetime
import logging
from collections.abc import Mapping

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from cms.models import Effect
from cms.registry import effect_handler

logger = logging.getLogger(__name__)

WAITING = Effect.WAITING


def _free(now: datetime.datetime) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def _seconds(name: str) -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, name))


def record_effect(kind: str, key: str, args: Mapping[str, object], *,
                  due_at: datetime.datetime | None = None, repeat: bool = False) -> None:
    """Records one effect in the current transaction (see `record_effects`)."""
    record_effects(kind, {key: args}, due_at=due_at, repeat=repeat)


def record_effects(kind: str, items: Mapping[str, Mapping[str, object]], *,
                   due_at: datetime.datetime | None = None, repeat: bool = False) -> None:
    """Records effects by key in the current transaction, in three queries however many:
    a key recorded before is the same effect (an e-mail is sent once). With `repeat`, an
    effect that may be wanted again (a completion check after each new mark) is asked for
    anew: delivered or not, it will run after this transaction. `args` hold ids only."""
    if not items:
        return
    now = timezone.now()
    due = due_at or now
    queued = now if due <= now else None
    Effect.objects.bulk_create(
        [Effect(kind=kind, key=key, args=dict(args), due_at=due, next_try_at=due,
                queued_at=queued) for key, args in items.items()],
        ignore_conflicts=True)
    if repeat:
        Effect.objects.filter(key__in=list(items)).update(
            version=F("version") + 1, delivered_at=None, gave_up_at=None, attempts=0,
            last_error="", due_at=due, next_try_at=due, queued_at=queued)
    if queued:
        keys = list(items)
        transaction.on_commit(lambda: _nudge(keys))


def _nudge(keys: list[str]) -> None:
    """After commit: asks the broker to deliver now. Whatever fails here (broker or
    database down) only delays the effect until the sweep; the request has committed."""
    from cms.services import send_task
    from cms.tasks import deliver_effect_task

    try:
        ids = list(Effect.objects.filter(WAITING, key__in=keys).values_list("pk", flat=True))
        for index, effect_id in enumerate(ids):
            if not send_task(deliver_effect_task, effect_id):
                # Not queued: the sweep picks these up as soon as the broker is back.
                Effect.objects.filter(pk__in=ids[index:]).update(queued_at=None)
                return
    except DatabaseError as error:
        logger.warning("effects not queued now (%s); the sweep will", type(error).__name__)


def deliver_effect(*, effect_id: int) -> bool:
    """Runs one effect if it is due and nobody else is running it; returns whether its
    handler ran to the end. Safe to call any number of times (a redelivered message)."""
    now = timezone.now()
    lease = now + _seconds("KOPA_EFFECT_LEASE_SECONDS")
    if not Effect.objects.filter(WAITING, _free(now), pk=effect_id,
                                 next_try_at__lte=now).update(
            claimed_until=lease, attempts=F("attempts") + 1):
        return False
    effect = Effect.objects.get(pk=effect_id)
    try:
        effect_handler(effect.kind)(**effect.args)
    except Exception as error:  # any error is "not yet": tried again after a pause
        _record_failure(effect, error)
        return False
    if not Effect.objects.filter(pk=effect.pk, version=effect.version).update(
            delivered_at=timezone.now(), claimed_until=None, last_error=""):
        _run_again(effect)
    return True


def _record_failure(effect: Effect, error: Exception) -> None:
    now = timezone.now()
    pause = min(_seconds("KOPA_EFFECT_RETRY_SECONDS") * 2 ** max(effect.attempts - 1, 0),
                _seconds("KOPA_EFFECT_RETRY_MAX_SECONDS"))
    give_up = effect.attempts >= settings.KOPA_EFFECT_MAX_ATTEMPTS
    name = type(error).__name__[:200]
    logger.warning("effect %s (%s) failed, try %d: %s%s", effect.pk, effect.kind,
                   effect.attempts, name, "; given up" if give_up else "")
    if not Effect.objects.filter(pk=effect.pk, version=effect.version).update(
            # No message is left for it: the sweep queues the next try when it is due.
            claimed_until=None, queued_at=None, last_error=name, next_try_at=now + pause,
            gave_up_at=now if give_up else None):
        _run_again(effect)


def _run_again(effect: Effect) -> None:
    """The effect was asked for anew while this delivery ran (its version moved on), so
    this run may have read the state from before the new cause: run it once more."""
    from cms.services import queue_task
    from cms.tasks import deliver_effect_task

    Effect.objects.filter(pk=effect.pk).update(claimed_until=None)
    queue_task(deliver_effect_task, effect.pk)


def queue_due_effects(*, now: datetime.datetime | None = None, limit: int = 1000) -> int:
    """For beat: queues effects that are due and have no live message. Stops at the first
    refusal of the broker (the next sweep goes on). Returns how many were queued."""
    from cms.services import send_task
    from cms.tasks import deliver_effect_task

    now = now or timezone.now()
    lost = now - _seconds("KOPA_EFFECT_REQUEUE_SECONDS")
    due = (Effect.objects.filter(WAITING, _free(now), next_try_at__lte=now)
           .filter(Q(queued_at__isnull=True) | Q(queued_at__lt=lost)
                   | Q(claimed_until__lt=now)))
    ids = list(due.order_by("next_try_at").values_list("pk", flat=True)[:limit])
    sent = []
    for effect_id in ids:
        if not send_task(deliver_effect_task, effect_id):
            break
        sent.append(effect_id)
    if sent:
        Effect.objects.filter(_free(now), pk__in=sent).update(queued_at=now,
                                                               claimed_until=None)
        logger.info("queued %d due effect(s)", len(sent))
    return len(sent)


def retry_given_up(*, kind: str | None = None) -> int:
    """An operator's second chance after fixing the cause (the mail server, a template):
    effects given up on are tried again from their first pause."""
    given_up = Effect.objects.filter(Effect.GIVEN_UP)
    if kind:
        given_up = given_up.filter(kind=kind)
    return given_up.update(gave_up_at=None, attempts=0, next_try_at=timezone.now(),
                           queued_at=None, claimed_until=None)


def prune_delivered_effects(*, now: datetime.datetime | None = None) -> int:
    """For beat: forgets effects delivered more than KOPA_EFFECT_KEEP_DAYS ago, so the
    table holds what is owed and a month of history, not every e-mail ever sent. A key
    recorded again after that is a new effect; handlers check their own marks, so a
    repeated completion check or notice does nothing twice."""
    now = now or timezone.now()
    kept_from = now - datetime.timedelta(days=settings.KOPA_EFFECT_KEEP_DAYS)
    deleted, _ = Effect.objects.filter(delivered_at__lt=kept_from).delete()
    return deleted
