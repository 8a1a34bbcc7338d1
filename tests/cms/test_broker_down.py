"""With the broker unreachable, a write that has committed is never answered with a 500:
enrolling, starting a timed quiz and marking attendance succeed, and what the broker would
have carried is found again by its sweep (the timed attempt is submitted by
`submit_overdue_attempts`; certificates by `requeue_stalled`)."""

import datetime

import pytest
from django.utils import timezone

from cms.celery import app
from cms.services import send_task

pytestmark = pytest.mark.django_db(transaction=True)
NOBODY = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


@pytest.fixture
def broker_down():
    """The app publishes to a broker nobody runs; its own connection pools are set aside
    and put back untouched, so later tests publish as before."""
    saved = (app.conf.broker_url, app.conf.task_always_eager, app._pool,
             app.amqp._producer_pool)
    app.conf.broker_url, app.conf.task_always_eager = NOBODY, False
    app._pool = app.amqp._producer_pool = None
    yield
    # Not closed: kombu keeps pools by broker address, and a closed one would be handed
    # to the next test that publishes there.
    (app.conf.broker_url, app.conf.task_always_eager, app._pool,
     app.amqp._producer_pool) = saved


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


def test_a_timed_quiz_starts_and_its_deadline_is_kept_by_the_sweep(broker_down, client,
                                                                   module, enrollment):
    from quizzes.factories import KIND_FACTORIES, add_quiz
    from quizzes.models import Attempt
    from quizzes.services import submit_overdue_attempts

    quiz = add_quiz(module, questions=[KIND_FACTORIES["true_false"]()], time_limit_minutes=5)
    client.force_login(enrollment.user)
    response = client.post(f"/quizzes/{quiz.pk}/start/")
    assert response.status_code in (200, 302)
    attempt = Attempt.objects.get(quiz=quiz, user=enrollment.user)
    assert submit_overdue_attempts(now=timezone.now() + datetime.timedelta(minutes=6)) == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED


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
