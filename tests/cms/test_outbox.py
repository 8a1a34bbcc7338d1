"""The outbox: a side effect is a row written with its cause, delivered by the worker at
least once whatever the broker and the mail server do, and applied once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from cms.models import Effect
from cms.registry import register_temporarily
from cms.services import deliver_effect, queue_due_effects, record_effect
from courses import services as courses
from courses.models import Enrollment, EnrollmentEvent

pytestmark = pytest.mark.django_db
SELF = Enrollment.Method.SELF


def make_due(effect: Effect) -> None:
    """The pause before the next try has passed."""
    past = timezone.now() - datetime.timedelta(seconds=1)
    Effect.objects.filter(pk=effect.pk).update(next_try_at=past)


def smtp_down(settings) -> None:
    """A real SMTP connection to a port nobody listens on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2


def test_an_effect_is_recorded_with_its_cause_and_rolled_back_with_it(run, learner):
    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        courses.enroll(user=learner, run=run, by=learner, method=SELF)
        assert Effect.objects.filter(kind="courses.enrolment_notices").count() == 1
        raise Refused
    assert not Effect.objects.exists() and not Enrollment.objects.exists()
    courses.enroll(user=learner, run=run, by=learner, method=SELF)
    effect = Effect.objects.get()
    event = EnrollmentEvent.objects.get()
    assert effect.args == {"event_ids": [event.pk]}  # ids, never personal data
    assert effect.key == f"courses:notices:{event.pk}"


def test_recording_one_key_twice_is_one_effect():
    for _ in range(2):
        record_effect("tests.nothing", "tests:once", {"id": 1})
    assert Effect.objects.filter(key="tests:once").count() == 1


def test_a_mail_server_down_is_retried_with_growing_pauses_then_sent_once(
        run, learner, settings):
    courses.enroll(user=learner, run=run, by=learner, method=SELF)
    effect = Effect.objects.get()
    smtp_down(settings)
    pauses = []
    for _ in range(3):
        before = timezone.now()
        assert deliver_effect(effect_id=effect.pk) is False
        effect.refresh_from_db()
        pauses.append((effect.next_try_at - before).total_seconds())
        assert effect.delivered_at is None and effect.claimed_until is None
        assert effect.last_error == "ConnectionRefusedError"  # the class, no address
        assert deliver_effect(effect_id=effect.pk) is False  # not due yet: not tried
        make_due(effect)
    # 30 s, then doubling (plus the second or two the refused connection took).
    assert [round(pause / 30) for pause in pauses] == [1, 2, 4]
    assert EnrollmentEvent.objects.get().notified_at is None  # not marked before sent
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert queue_due_effects() == 1  # the beat sweep finds it
    effect.refresh_from_db()
    assert effect.delivered_at is not None and effect.attempts == 4
    assert [m.to for m in mail.outbox] == [[learner.email]]
    assert EnrollmentEvent.objects.get().notified_at is not None


def test_a_database_error_in_a_handler_is_retried_until_it_goes_through():
    done = []

    def flaky(*, item: int) -> None:
        if len(done) < 2:
            done.append("failed")
            # A real error from the database. A worker runs in autocommit, where the failed
            # statement is its own transaction; in this test's transaction a savepoint
            # stands for that, so the bookkeeping after it can still write.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT * FROM table_that_is_not_there")
        done.append(item)

    with register_temporarily("tests.flaky", flaky):
        record_effect("tests.flaky", "tests:flaky", {"item": 7})
        effect = Effect.objects.get()
        for _ in range(2):
            assert deliver_effect(effect_id=effect.pk) is False
            effect.refresh_from_db()
            assert effect.last_error in ("OperationalError", "ProgrammingError")
            make_due(effect)
        assert deliver_effect(effect_id=effect.pk) is True
    assert done == ["failed", "failed", 7]


def test_delivered_twice_is_applied_once(run, learner):
    courses.enroll(user=learner, run=run, by=learner, method=SELF)
    effect = Effect.objects.get()
    assert deliver_effect(effect_id=effect.pk) is True
    assert deliver_effect(effect_id=effect.pk) is False  # a redelivered message
    # A worker killed after sending, before the effect was marked: the handler's own mark
    # (the event notified after its send) keeps the second run from sending again.
    Effect.objects.filter(pk=effect.pk).update(delivered_at=None)
    assert deliver_effect(effect_id=effect.pk) is True
    assert len(mail.outbox) == 1


def test_an_effect_held_by_a_live_worker_is_not_run_again(run, learner):
    courses.enroll(user=learner, run=run, by=learner, method=SELF)
    effect = Effect.objects.get()
    Effect.objects.filter(pk=effect.pk).update(
        claimed_until=timezone.now() + datetime.timedelta(minutes=4))
    assert deliver_effect(effect_id=effect.pk) is False
    assert queue_due_effects() == 0
    assert mail.outbox == []


def test_an_effect_whose_worker_died_is_queued_again_when_its_lease_runs_out(run, learner):
    courses.enroll(user=learner, run=run, by=learner, method=SELF)
    effect = Effect.objects.get()
    # Claimed by a worker that was killed: its lease ran out, nothing was marked.
    Effect.objects.filter(pk=effect.pk).update(
        attempts=1, claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    assert queue_due_effects() == 1
    effect.refresh_from_db()
    assert effect.delivered_at is not None and effect.attempts == 2
    assert len(mail.outbox) == 1


def test_a_message_the_broker_lost_is_queued_again(run, learner, settings):
    courses.enroll(user=learner, run=run, by=learner, method=SELF)
    effect = Effect.objects.get()
    assert queue_due_effects() == 0  # queued a moment ago: its message may be on its way
    lost_after = datetime.timedelta(seconds=settings.KOPA_EFFECT_REQUEUE_SECONDS + 1)
    long_ago = timezone.now() - lost_after
    Effect.objects.filter(pk=effect.pk).update(queued_at=long_ago)
    assert queue_due_effects() == 1
    assert len(mail.outbox) == 1


def test_a_check_asked_for_again_while_it_runs_runs_once_more(
        django_capture_on_commit_callbacks):
    runs = []

    def check(*, item: int) -> None:
        runs.append(item)
        if len(runs) == 1:  # a new cause commits while the first run is under way
            record_effect("tests.check", "tests:check", {"item": item}, repeat=True)

    with register_temporarily("tests.check", check), \
            django_capture_on_commit_callbacks(execute=True):
        record_effect("tests.check", "tests:check", {"item": 1}, repeat=True)
        deliver_effect(effect_id=Effect.objects.get().pk)
    assert runs == [1, 1]
    assert Effect.objects.get().delivered_at is not None


def test_an_effect_is_given_up_on_after_its_tries_and_can_be_retried(settings, capsys):
    settings.KOPA_EFFECT_MAX_ATTEMPTS = 2

    def broken(**_args) -> None:
        raise ValueError("never")

    with register_temporarily("tests.broken", broken):
        record_effect("tests.broken", "tests:broken", {})
        effect = Effect.objects.get()
        for _ in range(2):
            make_due(effect)
            deliver_effect(effect_id=effect.pk)
        effect.refresh_from_db()
        assert effect.gave_up_at is not None and effect.attempts == 2
        assert queue_due_effects() == 0
        call_command("effects")
        expected = f"given up: #{effect.pk} tests:broken after 2 tries (ValueError)"
        assert expected in capsys.readouterr().out
        call_command("effects", "--retry")
        effect.refresh_from_db()
        assert effect.gave_up_at is None and effect.attempts == 0


def test_an_unknown_kind_is_recorded_as_a_failure_not_lost():
    record_effect("tests.nobody_handles_this", "tests:orphan", {})
    effect = Effect.objects.get()
    assert deliver_effect(effect_id=effect.pk) is False
    effect.refresh_from_db()
    assert effect.last_error == "LookupError" and effect.delivered_at is None


def test_a_deadline_is_submitted_once_by_the_sweep_and_a_stale_message(module, learner):
    from quizzes.factories import KIND_FACTORIES, add_quiz
    from quizzes.models import Attempt
    from quizzes.services import start_attempt
    from quizzes.tasks import submit_when_due
    from tests.outbox import pass_deadline

    quiz = add_quiz(module, questions=[KIND_FACTORIES["true_false"]()], time_limit_minutes=5)
    attempt = start_attempt(quiz=quiz, user=learner)
    assert pass_deadline(attempt) == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    submitted = attempt.submitted_at
    effect = Effect.objects.get(key=f"quizzes:deadline:{attempt.pk}")
    # The same message again (held past the visibility timeout), an old release's message
    # and the next sweep: nothing more happens.
    assert deliver_effect(effect_id=effect.pk) is False
    submit_when_due(attempt.pk)
    assert queue_due_effects() == 0
    attempt.refresh_from_db()
    assert attempt.submitted_at == submitted
    effect.refresh_from_db()
    assert effect.attempts == 1


def test_marks_record_one_completion_check_per_learner_however_often(
        run, teacher, enrollment):
    from attendance.factories import ClassSessionFactory
    from attendance.services import MarkInput, set_marks

    start = timezone.now() - datetime.timedelta(hours=1)
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=90))
    for status in ("present", "absent", "present"):
        set_marks(session_id=session.pk, by=teacher,
                  marks=[MarkInput(enrollment_id=enrollment.pk, status=status)])
    checks = Effect.objects.filter(kind="courses.check_completion")
    assert [c.key for c in checks] == [f"courses:completion:{enrollment.pk}"]
    assert checks.get().version == 4  # asked for three times (the first made it, at 2)
    assert Effect.objects.filter(kind="attendance.recount").count() == 1


def test_delivered_effects_are_forgotten_after_the_kept_days_and_owed_ones_never(settings):
    from cms.services import prune_delivered_effects

    now = timezone.now()
    old = now - datetime.timedelta(days=settings.KOPA_EFFECT_KEEP_DAYS + 1)
    for key, delivered in (("old", old), ("recent", now), ("owed", None)):
        Effect.objects.create(kind="tests.k", key=key, due_at=old, next_try_at=old,
                              delivered_at=delivered)
    Effect.objects.create(kind="tests.k", key="given-up", due_at=old, next_try_at=old,
                          gave_up_at=old)
    assert prune_delivered_effects() == 1
    assert sorted(Effect.objects.values_list("key", flat=True)) == [
        "given-up", "owed", "recent"]
