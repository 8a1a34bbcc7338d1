from celery import shared_task
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt


@shared_task(name="quizzes.submit_when_due")
def submit_when_due(attempt_id: int) -> None:
    """Queued for the deadline when a timed attempt starts; does nothing if it came early or
    the learner already submitted."""
    attempt = Attempt.objects.filter(pk=attempt_id, state=Attempt.State.IN_PROGRESS).first()
    if attempt and attempt.deadline and \
            timezone.now() > attempt.deadline + services.attempts.DEADLINE_GRACE:
        services.submit_attempt(attempt_id=attempt_id)


@shared_task(name="quizzes.submit_overdue_attempts")
def submit_overdue_attempts() -> int:
    return services.submit_overdue_attempts()
