"""Messages older releases queued, still understood while they drain: completion checks
and notices now go through the outbox (`cms.deliver_effect`)."""

from celery import shared_task

from courses import services


@shared_task(name="courses.check_enrollment_completion")
def check_enrollment_completion(enrollment_id: int) -> None:
    services.check_completion(enrollment_id=enrollment_id)


@shared_task(name="courses.send_enrolment_notices")
def send_enrolment_notices(event_ids: list[int]) -> None:
    from courses.services.notices import send_enrolment_notices as send

    send(event_ids=event_ids)
