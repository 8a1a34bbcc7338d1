"""A real worker process consumes a real broker: the embedded SQLite transport everywhere,
and Redis where REDIS_URL is set (as in CI)."""

import os

import pytest
from django.conf import settings
from django.utils import timezone
from kombu import Connection

from cms.celery import app
from cms.models import WorkerHeartbeat
from cms.tasks import record_worker_heartbeat
from tests.worker import celery_worker, embedded_broker_url, wait_for
from tests.worker import test_database_url as worker_database_url

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


BROKERS = [
    pytest.param("embedded", id="embedded-sqlite"),
    pytest.param("redis", id="redis", marks=pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL")),
]


@pytest.mark.parametrize("broker", BROKERS)
def test_worker_runs_a_task_end_to_end(broker, tmp_path):
    url = embedded_broker_url(tmp_path) if broker == "embedded" else os.environ["REDIS_URL"]
    with celery_worker(url) as (process, queue), Connection(url) as connection:
        # send_task, not apply_async: test settings run apply_async eagerly, in-process,
        # and this test is about the broker and the worker.
        app.send_task("cms.record_worker_heartbeat",
                      args=[f"beat-{broker}", timezone.now().isoformat()], queue=queue,
                      connection=connection)
        beat = wait_for(lambda: WorkerHeartbeat.objects.filter(token=f"beat-{broker}").first())
        if beat is None:
            process.terminate()
            pytest.fail(process.communicate(timeout=20)[0].decode(errors="replace")[-3000:])
    assert beat.hostname


def test_running_a_heartbeat_twice_leaves_one_row(db):
    now = timezone.now().isoformat()
    record_worker_heartbeat.apply(args=["same", now])
    record_worker_heartbeat.apply(args=["same", now])
    assert WorkerHeartbeat.objects.filter(token="same").count() == 1


def test_celery_is_configured_for_redelivery():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    if conf.broker_url.startswith("redis"):
        assert conf.broker_transport_options["visibility_timeout"] <= 600
    assert settings.CELERY_VISIBILITY_TIMEOUT <= 600


def test_without_redis_the_broker_is_embedded():
    if os.environ.get("REDIS_URL"):
        assert os.environ["REDIS_URL"] == settings.CELERY_BROKER_URL
    else:
        assert settings.CELERY_BROKER_URL.startswith("sqla+sqlite:///")


def test_make_runs_web_and_worker_together_and_stops_both(tmp_path):
    """What `make run` starts: both answer, and one signal stops both with their children."""
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
           "DATABASE_URL": worker_database_url(), "KOPA_VAR_DIR": str(tmp_path),
           "CELERY_BROKER_URL": embedded_broker_url(tmp_path)}
    runner = subprocess.Popen([sys.executable, "manage.py", "run_with_worker",
                               f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        def health():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/") as response:
                    return response.status == 200
            except OSError:
                return False

        assert wait_for(health, timeout=60)
        # The start-up heartbeat goes through the broker and the worker.
        assert wait_for(lambda: WorkerHeartbeat.objects.exists(), timeout=60)
        runner.send_signal(signal.SIGTERM)
        output = runner.communicate(timeout=40)[0].decode(errors="replace")
    finally:
        if runner.poll() is None:
            runner.kill()
    assert "celery@" in output and "stopped: web server and worker" in output
    assert "beat: Starting" in output  # the housekeeping schedule runs with it
    assert not health()
