"""Through a real worker: a certificate is issued end to end, and a worker killed with
SIGKILL in the middle of rendering leaves, after redelivery, exactly one certificate row
and one PDF (PostgreSQL + Redis, as in production)."""

import os
import signal
import time
from pathlib import Path

import pytest
from kombu import Connection

from certificates import services
from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from cms.celery import app
from tests.faults.services import private_redis
from tests.worker import celery_worker, embedded_broker_url, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_root"),
    # send_task, on purpose: see send().
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]

VISIBILITY_TIMEOUT = 3


def send(connection, task: str, object_id: int, queue: str) -> None:
    # send_task, not apply_async: unit tests run tasks eagerly, and this one must go
    # through the broker to the worker.
    app.send_task(task, args=[object_id], queue=queue, connection=connection)


def worker_pdfs(var_dir: Path) -> list[Path]:
    return sorted((var_dir / "test-private" / "certificates").glob("*/*.pdf"))


def failure_output(process) -> str:
    if process.poll() is None:
        process.terminate()
    return process.communicate(timeout=20)[0].decode(errors="replace")[-3000:]


def test_a_real_worker_issues_the_certificate(run, learner_without_email, tmp_path):
    enrollment = CompletedEnrollmentFactory(run=run, user=learner_without_email)
    url = embedded_broker_url(tmp_path)
    var_dir = tmp_path / "worker"
    with celery_worker(url, extra_env={"KOPA_VAR_DIR": str(var_dir)}) as (process, queue), \
            Connection(url) as connection:
        send(connection, "certificates.issue_certificate", enrollment.pk, queue)
        issued = wait_for(lambda: Certificate.objects.filter(
            enrollment=enrollment, state=Certificate.State.ISSUED).first(), timeout=90)
        if issued is None:
            pytest.fail(failure_output(process))
    assert [path.name for path in worker_pdfs(var_dir)] == [f"{issued.code}-r1.pdf"]
    assert worker_pdfs(var_dir)[0].read_bytes().startswith(b"%PDF")


@pytest.mark.fault
def test_a_worker_killed_mid_render_leaves_one_certificate_after_redelivery(
        run, learner_without_email, tmp_path):
    """On a Redis of its own (tests/faults/services.py), killed with nothing else."""
    enrollment = CompletedEnrollmentFactory(run=run, user=learner_without_email)
    certificate = services.request_certificate(enrollment=enrollment, queue=False)
    with private_redis(tmp_path, persistent=True) as redis:
        _kill_mid_render_and_redeliver(redis.url, certificate, tmp_path / "worker")


def _kill_mid_render_and_redeliver(url: str, certificate, var_dir: Path) -> None:
    enrollment = certificate.enrollment
    slow = {"KOPA_VAR_DIR": str(var_dir), "KOPA_TEST_RENDER_DELAY": "60"}
    with celery_worker(url, extra_env=slow, app="tests.slow_render") as (process, queue), \
            Connection(url) as connection:
        send(connection, "certificates.render_certificate", certificate.pk, queue)
        started = wait_for(lambda: Certificate.objects.filter(
            pk=certificate.pk, render_started_at__isnull=False).exists(), timeout=90)
        if not started:
            pytest.fail(failure_output(process))
        time.sleep(1)  # inside the render now
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.PENDING and certificate.attempts == 1
    assert not certificate.pdf

    # The message stays unacknowledged in Redis; a new worker with a short visibility
    # timeout takes it back once it is older than that.
    time.sleep(VISIBILITY_TIMEOUT + 1)
    quick = {"KOPA_VAR_DIR": str(var_dir),
             "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT)}
    with celery_worker(url, queue=queue, extra_env=quick) as (process, _queue):
        issued = wait_for(lambda: Certificate.objects.filter(
            pk=certificate.pk, state=Certificate.State.ISSUED).first(), timeout=120)
        if issued is None:
            pytest.fail(failure_output(process))
    assert issued.attempts == 2
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert [path.name for path in worker_pdfs(var_dir)] == [f"{issued.code}-r1.pdf"]
