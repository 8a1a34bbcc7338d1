from celery import shared_task

from attendance import services


@shared_task(name="attendance.recount_run")
def recount_run(run_id: int, completion: bool = True) -> None:
    services.refresh_warnings(run_id=run_id)
    if completion:
        from courses.models import Enrollment
        from courses.services import check_completion

        for enrollment_id in (Enrollment.objects.filter(run_id=run_id,
                                                        state=Enrollment.State.ACTIVE)
                              .values_list("pk", flat=True)):
            check_completion(enrollment_id=enrollment_id)


@shared_task(name="attendance.send_warning_notices")
def send_warning_notices(enrollment_ids: list[int]) -> None:
    services.send_warning_notices(enrollment_ids=enrollment_ids)
