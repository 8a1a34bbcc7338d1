"""Runs the development web server and a Celery worker together (what `make run` starts):
if either stops, or on Ctrl-C, both stop."""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.services import queue_heartbeat


def signal_group(process: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


class Command(BaseCommand):
    help = "Run the web server and a Celery worker together; Ctrl-C stops both."

    def add_arguments(self, parser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options) -> None:
        # --beat runs the housekeeping schedule (settings.CELERY_BEAT_SCHEDULE) inside this
        # one worker; an installation with several workers runs one `celery beat` instead.
        worker = [sys.executable, "-m", "celery", "-A", "cms", "worker", "--loglevel=INFO",
                  f"--concurrency={settings.CELERY_WORKER_CONCURRENCY}", "--beat"]
        if settings.CELERY_BROKER_URL.startswith("sqla+"):
            # The embedded broker has no fan-out exchanges for worker-to-worker chatter.
            worker += ["--without-gossip", "--without-mingle"]
        web = [sys.executable, "manage.py", "runserver", addrport]
        # Each in its own process group, so stopping one also stops what it started
        # (runserver's autoreloader runs the server in a child process).
        processes = [subprocess.Popen(command, start_new_session=True)  # noqa: S603
                     for command in (worker, web)]
        # The first heartbeat goes through the broker as soon as the worker is up, so
        # /health/ shows at once whether the background worker works.
        queue_heartbeat()
        stopping = False

        def stop(signum, frame) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(p.poll() is None for p in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes:
                signal_group(process, signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    signal_group(process, signal.SIGKILL)
        self.stdout.write("Kopā stopped: web server and worker.")
