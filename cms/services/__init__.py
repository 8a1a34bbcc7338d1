"""Site-wide writes."""

import logging
import secrets
import socket
from datetime import datetime
from typing import Protocol

from django.db import transaction
from django.utils import timezone

from cms.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


class Task(Protocol):
    """What of a Celery task we use (Celery ships no types)."""

    name: str

    def apply_async(self, *, args: tuple[object, ...], **options: object) -> object: ...

# Publishing a task with the broker down: two quick tries, then give up (within about a
# second), so a request whose write has committed answers at once instead of hanging.
PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2,
                 "interval_max": 0.5}


def send_task(task: Task, *args: object, **options: object) -> bool:
    """Hands a task to the broker now; False when the broker cannot take it. Callers queue
    only effects a periodic sweep finds again (or that may be lost, such as a heartbeat),
    so an unreachable broker delays an effect, never turns a committed write into a 500.
    Logged without the arguments: they may be personal ids."""
    from kombu.exceptions import KombuError

    try:
        task.apply_async(args=args, retry=True, retry_policy=PUBLISH_RETRY, **options)
    except (KombuError, OSError) as error:  # kombu wraps the transports' own errors
        logger.warning("broker unreachable: %s not queued now (%s)", task.name,
                       type(error).__name__)
        return False
    return True


def queue_task(task: Task, *args: object, **options: object) -> None:
    """`send_task` once the current transaction commits (the worker must see the rows)."""
    transaction.on_commit(lambda: send_task(task, *args, **options))


def record_heartbeat(*, token: str, queued_at: datetime) -> WorkerHeartbeat:
    """Idempotent: a redelivered heartbeat finds its row and changes nothing."""
    heartbeat, _created = WorkerHeartbeat.objects.get_or_create(
        token=token, defaults={"hostname": socket.gethostname()[:255], "queued_at": queued_at})
    return heartbeat


def queue_heartbeat() -> str:
    """Queues a heartbeat once the current transaction commits; returns its token."""
    from cms.tasks import record_worker_heartbeat

    token = secrets.token_hex(16)
    queued_at = timezone.now().isoformat()
    queue_task(record_worker_heartbeat, token, queued_at)
    return token


def publish_scheduled() -> None:
    """Publishes what editors scheduled (a page's "go live" date) and unpublishes what
    expired, as Wagtail's `publish_scheduled` command does; beat runs it every minute."""
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)


from cms.services.effects import (  # noqa: E402 (after send_task, which it uses)
    deliver_effect,
    prune_delivered_effects,
    queue_due_effects,
    record_effect,
    record_effects,
    retry_given_up,
)

__all__ = ["deliver_effect", "prune_delivered_effects", "publish_scheduled",
           "queue_due_effects", "queue_heartbeat",
           "queue_task", "record_effect", "record_effects", "record_heartbeat",
           "retry_given_up", "send_task"]
