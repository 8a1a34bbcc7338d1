"""The Celery app for a worker whose certificate renders take a while (`-A
tests.slow_render`): the worker-kill test needs a real render in progress to kill. The
pause lives here, in the tests, not in the renderer; the render itself is the real one."""

import os
import time

from celery.signals import worker_process_init

from cms.celery import app

__all__ = ["app"]


@worker_process_init.connect
def _slow_down_renders(**_kwargs) -> None:
    from certificates import rendering

    real = rendering.render_pdf
    delay = float(os.environ.get("KOPA_TEST_RENDER_DELAY", "60"))

    def slow_render_pdf(certificate):
        time.sleep(delay)
        return real(certificate)

    rendering.render_pdf = slow_render_pdf
