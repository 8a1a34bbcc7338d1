from celery import shared_task

from courses import services


@shared_task(name="courses.check_enrollment_completion")
def check_enrollment_completion(enrollment_id: int) -> None:
    services.check_completion(enrollment_id=enrollment_id)


# A mail server that is down is retried with growing pauses; sent e-mails are not resent.
@shared_task(name="courses.send_enrolment_notices", autoretry_for=(OSError,),
             retry_backoff=30, retry_backoff_max=1800, max_retries=8)
def send_enrolment_notices(event_ids: list[int]) -> None:
    from courses.services.notices import send_enrolment_notices as send

    send(event_ids=event_ids)
