"""Time passing for the outbox in tests: a timed attempt's deadline moved into the past,
and its effect with it, then the beat sweep run (tasks run eagerly in unit tests)."""

import datetime

from django.utils import timezone

from cms.models import Effect
from cms.services import queue_due_effects


def pass_deadline(attempt) -> int:
    """Returns how many effects the sweep queued."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    type(attempt).objects.filter(pk=attempt.pk).update(deadline=past)
    Effect.objects.filter(key=f"quizzes:deadline:{attempt.pk}").update(
        due_at=past, next_try_at=past)
    return queue_due_effects()
