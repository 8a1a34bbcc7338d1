"""Real workers killed and cut off from the database mid-work (issue 11, acceptance 6),
each test with its own Redis and its own SMTP server on their own ports:

- a worker SIGKILLed while a mail server holds its answer to an enrolment e-mail: after
  the beat sweep, every learner has exactly one confirmed e-mail;
- PostgreSQL connections of a running worker terminated again and again while certificate
  issues are in flight: every certificate is issued afterwards, once, without a click.

The test process plays beat: it runs the outbox sweep (`queue_due_effects`) as beat would
every `KOPA_EFFECT_SWEEP_SECONDS`."""

import os
import signal
import time

import pytest
from django.db import connection, transaction

from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from certificates.services.issuing import record_issue
from cms.models import Effect
from cms.services import queue_due_effects
from courses import services as courses
from courses.models import Enrollment, EnrollmentEvent
from tests.faults.services import private_redis
from tests.faults.smtp import Sink
from tests.worker import celery_worker, publishing_to, wait_for

pytestmark = [
    pytest.mark.fault, pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_root"),
]
# A worker gives up a claim after this long; the sweep re-queues what waited as long.
QUICK = {"KOPA_EFFECT_LEASE_SECONDS": "3", "KOPA_EFFECT_RETRY_SECONDS": "1",
         "KOPA_EFFECT_RETRY_MAX_SECONDS": "2", "CELERY_VISIBILITY_TIMEOUT": "3"}


WORKER_APP = "kopa-fault-worker"


def sweep_until(done, *, timeout: float) -> bool:
    """Beat's outbox sweep, once a second, until `done()`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if done():
            return True
        queue_due_effects()
        time.sleep(1)
    return bool(done())


def output(process) -> str:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    return process.communicate(timeout=20)[0].decode(errors="replace")[-3000:]


@pytest.fixture
def quick_sweep(settings):
    settings.KOPA_EFFECT_REQUEUE_SECONDS = 2


def test_a_worker_killed_mid_email_leaves_every_learner_one_email(
        run, make_user, tmp_path, quick_sweep):
    learners = [make_user(username=f"mail{i}", email=f"mail{i}@example.lv")
                for i in range(4)]
    with private_redis(tmp_path, persistent=True) as redis, Sink() as sink, \
            publishing_to(redis.url):
        for learner in learners:
            courses.enroll(user=learner, run=run, by=learner,
                           method=Enrollment.Method.SELF)
        assert Effect.objects.filter(kind="courses.enrolment_notices").count() == 4
        mail = {**QUICK, "KOPA_TEST_EMAIL_BACKEND":
                "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink.port),
                "EMAIL_TIMEOUT": "60", "KOPA_VAR_DIR": str(tmp_path / "worker")}
        sink.hold.set()
        with celery_worker(redis.url, queue="celery", extra_env=mail) as (process, _q):
            if not sink.held.wait(90):
                pytest.fail(output(process))
            os.killpg(process.pid, signal.SIGKILL)  # the mail server has the message
            process.wait(timeout=10)
            killed = time.monotonic()
        sink.hold.clear()
        assert sink.recipients() == []  # nothing was confirmed
        with celery_worker(redis.url, queue="celery", extra_env=mail) as (process, _q):
            sent = sweep_until(lambda: not EnrollmentEvent.objects.filter(
                notified_at__isnull=True).exists(), timeout=120)
            if not sent:
                pytest.fail(output(process))
            recovered = time.monotonic() - killed
            time.sleep(2)  # anything sent twice would arrive now
    assert sorted(sink.recipients()) == sorted(learner.email for learner in learners)
    print(f"mid-e-mail kill: {len(learners)} learners, {len(sink.recipients())} e-mails "
          f"confirmed, all sent {recovered:.1f} s after the kill (claims last "
          f"{QUICK['KOPA_EFFECT_LEASE_SECONDS']} s), "
          f"tries {list(Effect.objects.values_list('attempts', flat=True))}")
    assert not Effect.objects.filter(delivered_at__isnull=True).exists()


@pytest.mark.postgres
def test_certificates_in_flight_survive_the_database_cutting_off_the_worker(
        run, tmp_path, quick_sweep):
    if connection.vendor != "postgresql":
        pytest.skip("terminates PostgreSQL backends: set DATABASE_URL to PostgreSQL")
    enrollments = [CompletedEnrollmentFactory(run=run) for _ in range(6)]
    var_dir = tmp_path / "worker"
    # The worker's connections carry their own name (libpq reads PGAPPNAME), so only they
    # are cut, never another test's (a live server's idle connection, say).
    slow = {**QUICK, "KOPA_VAR_DIR": str(var_dir), "KOPA_TEST_RENDER_DELAY": "1",
            "PGAPPNAME": WORKER_APP}
    terminated = 0
    with private_redis(tmp_path, persistent=True) as redis, publishing_to(redis.url):
        for enrollment in enrollments:
            with transaction.atomic():
                record_issue(enrollment.pk)  # as completing the course does
        with celery_worker(redis.url, queue="celery", concurrency=2, extra_env=slow,
                           app="tests.slow_render") as (process, _q):
            if not wait_for(lambda: Certificate.objects.exists(), timeout=90):
                pytest.fail(output(process))
            deadline = time.monotonic() + 6
            while time.monotonic() < deadline:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND application_name = %s",
                        [WORKER_APP])
                    terminated += cursor.fetchone()[0]
                time.sleep(0.3)
            issued = sweep_until(lambda: Certificate.objects.filter(
                state=Certificate.State.ISSUED).count() == len(enrollments), timeout=180)
            if not issued:
                pytest.fail(output(process))
    assert terminated > 0
    certificates = Certificate.objects.filter(enrollment__in=enrollments)
    assert sorted(certificates.values_list("enrollment_id", flat=True)) == sorted(
        enrollment.pk for enrollment in enrollments)
    pdfs = sorted((var_dir / "test-private" / "certificates").glob("*/*.pdf"))
    assert len(pdfs) == len(enrollments)
    # The cut-offs hit deliveries in flight: some issues took more than one try.
    tries = list(Effect.objects.filter(kind="certificates.issue")
                 .values_list("attempts", flat=True))
    assert sum(tries) > len(enrollments)
    print(f"database cut-offs: {terminated} worker connections terminated, "
          f"{len(pdfs)} of {len(enrollments)} certificates issued once, tries {tries}")
