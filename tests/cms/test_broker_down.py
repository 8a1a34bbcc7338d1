"""With the broker unreachable, a write that has committed is never answered with a 500:
enrolling, starting a timed quiz and marking attendance succeed, and what the broker would
have carried is an outbox effect that the beat sweep delivers once the broker is back."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cms.models import Effect
from cms.services import queue_due_effects, send_task
from tests.worker import publishing_to

pytestmark = pytest.mark.django_db(transaction=True)
NOBODY = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def unreachable_broker():
    return publishing_to(NOBODY)


@pytest.fixture
def broker_down():
    with unreachable_broker():
        yield


def test_sending_a_task_says_false_instead_of_raising(broker_down):
    from cms.tasks import record_worker_heartbeat

    started = timezone.now()
    assert send_task(record_worker_heartbeat, "token", started.isoformat()) is False
    assert timezone.now() - started < datetime.timedelta(seconds=10)


def test_enrolling_succeeds_with_the_broker_down(broker_down, client, run, learner):
    from courses.models import Enrollment

    client.force_login(learner)
    response = client.post(f"/groups/{run.pk}/enrol/")
    assert response.status_code in (200, 302)
    assert Enrollment.objects.filter(run=run, user=learner).exists()


def test_a_timed_quiz_starts_and_its_deadline_is_kept_by_the_sweep(client, module,
                                                                   enrollment):
    from quizzes.factories import KIND_FACTORIES, add_quiz
    from quizzes.models import Attempt
    from tests.outbox import pass_deadline

    quiz = add_quiz(module, questions=[KIND_FACTORIES["true_false"]()], time_limit_minutes=5)
    client.force_login(enrollment.user)
    with unreachable_broker():
        response = client.post(f"/quizzes/{quiz.pk}/start/")
        assert response.status_code in (200, 302)
        attempt = Attempt.objects.get(quiz=quiz, user=enrollment.user)
        assert pass_deadline(attempt) == 0  # due, but the broker takes nothing
    assert queue_due_effects() == 1  # the next sweep, the broker back
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED


def test_an_enrolment_email_lost_with_the_broker_is_sent_by_the_sweep(client, run,
                                                                       learner):
    client.force_login(learner)
    with unreachable_broker():
        assert client.post(f"/groups/{run.pk}/enrol/").status_code in (200, 302)
        assert queue_due_effects() == 0
    assert mail.outbox == []
    effect = Effect.objects.get(kind="courses.enrolment_notices")
    assert effect.queued_at is None and effect.delivered_at is None  # the sweep's to find
    assert queue_due_effects() == 1
    assert [m.to for m in mail.outbox] == [[learner.email]]
    assert queue_due_effects() == 0  # delivered: never again


def test_marking_attendance_succeeds_with_the_broker_down(broker_down, client, run, teacher,
                                                          enrollment):
    from attendance.factories import ClassSessionFactory
    from attendance.models import AttendanceMark

    start = timezone.now() - datetime.timedelta(hours=1)
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=90))
    client.force_login(teacher)
    response = client.post(f"/attendance/sessions/{session.pk}/")
    assert response.status_code in (200, 302)
    assert AttendanceMark.objects.filter(session=session).count() == 1
