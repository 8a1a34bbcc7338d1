"""Starts a real Celery worker process against a real broker and the test database, for tests
that must see a task go through the broker (not eager mode)."""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from cms.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    """The URL of the database the tests are using, for the worker to use too."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def embedded_broker_url(tmp_path: Path) -> str:
    return f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"


@contextmanager
def celery_worker(broker_url: str, *, queue: str | None = None, concurrency: int = 1,
                  pool: str = "prefork", extra_env: dict | None = None, app: str = "cms"):
    """Yields (process, queue); the worker consumes only its own queue, so messages left by
    other runs on a shared Redis cannot reach it."""
    queue = queue or f"test-{uuid.uuid4().hex[:10]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": test_database_url(),
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "KOPA_VAR_DIR": str(settings.VAR_DIR),
        "PYTHONUNBUFFERED": "1",
        **(extra_env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", app, "worker", "-Q", queue,
         f"--concurrency={concurrency}", f"--pool={pool}", "--without-gossip",
         "--without-mingle", "--without-heartbeat", "-l", "WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process, queue
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(predicate, *, timeout: float = 60.0, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


@contextmanager
def publishing_to(broker_url: str):
    """This process publishes tasks to `broker_url` (a broker nobody runs, or a private
    one), not eagerly; the app's own connection pools are set aside and put back untouched,
    so later code publishes as before."""
    app = celery_app
    saved = (app.conf.broker_url, app.conf.task_always_eager, app._pool,
             app.amqp._producer_pool)
    app.conf.broker_url, app.conf.task_always_eager = broker_url, False
    app._pool = app.amqp._producer_pool = None
    try:
        yield
    finally:
        # Not closed: kombu keeps pools by broker address, and a closed one would be handed
        # to the next test that publishes there.
        (app.conf.broker_url, app.conf.task_always_eager, app._pool,
         app.amqp._producer_pool) = saved
