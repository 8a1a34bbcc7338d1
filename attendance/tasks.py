"""Messages older releases queued, still understood while they drain: recounts and
warning e-mails now go through the outbox (`cms.deliver_effect`)."""

from celery import shared_task

from attendance import services


@shared_task(name="attendance.recount_run")
def recount_run(run_id: int, completion: bool = True) -> None:
    services.recount_run(run_id=run_id, completion=completion)


@shared_task(name="attendance.send_warning_notices")
def send_warning_notices(enrollment_ids: list[int]) -> None:
    services.send_warning_notices(enrollment_ids=enrollment_ids)
