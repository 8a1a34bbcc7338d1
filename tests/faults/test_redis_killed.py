"""A Redis broker killed (SIGKILL: no chance to save) with certificate tasks queued and no
worker yet: restarted from its append-only file, it still holds every task, and a worker
started afterwards issues every certificate — once. This is why README asks for
`appendonly yes` on the broker's Redis."""

import pytest
from kombu import Connection

from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from cms.celery import app
from tests.faults.services import private_redis
from tests.worker import celery_worker, wait_for

pytestmark = [
    pytest.mark.fault, pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_root"),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]
LEARNERS = 6


def test_tasks_queued_before_a_redis_crash_are_all_delivered_after_its_restart(
        run, tmp_path):
    enrollments = [CompletedEnrollmentFactory(run=run) for _ in range(LEARNERS)]
    queue = "fault-redis-crash"
    with private_redis(tmp_path, persistent=True) as redis:
        with Connection(redis.url) as connection:
            for enrollment in enrollments:
                # send_task: unit tests run apply_async eagerly; this must go through Redis.
                app.send_task("certificates.issue_certificate", args=[enrollment.pk],
                              queue=queue, connection=connection)
        redis.kill()
        redis.start()
        worker_env = {"KOPA_VAR_DIR": str(tmp_path / "worker")}
        with celery_worker(redis.url, queue=queue, extra_env=worker_env) as (process, _q):
            issued = wait_for(lambda: Certificate.objects.filter(
                state=Certificate.State.ISSUED).count() == LEARNERS, timeout=120)
            if not issued:
                process.terminate()
                pytest.fail(process.communicate(timeout=20)[0].decode(errors="replace"))
    assert sorted(Certificate.objects.values_list("enrollment_id", flat=True)) == sorted(
        enrollment.pk for enrollment in enrollments)
