"""A message older releases queued for a timed quiz's deadline, still understood while
such messages drain: deadlines are now outbox effects (`cms.deliver_effect`)."""

import contextlib

from celery import shared_task

from quizzes import services
from quizzes.services.attempts import DeadlineNotReached


@shared_task(name="quizzes.submit_when_due")
def submit_when_due(attempt_id: int) -> None:
    # Early: its effect (recorded by the migration) submits it when due.
    with contextlib.suppress(DeadlineNotReached):
        services.submit_when_due(attempt_id=attempt_id)
