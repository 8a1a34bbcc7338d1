"""Writes about enrolments that courses owns: completion (asked of the criteria other apps
register) and the teacher's sign-off."""

from django.db import transaction
from django.utils import timezone

from cms.services import queue_task
from courses.models import Enrollment, EnrollmentEvent
from courses.registry import completion_listeners
from courses.selectors.completion import completion_status


def record_event(*, enrollment: Enrollment, kind: str, actor=None,
                 note: str = "") -> EnrollmentEvent:
    return EnrollmentEvent.objects.create(enrollment=enrollment, kind=kind, actor=actor,
                                          note=note[:255])


def queue_completion_check(enrollment_id: int) -> None:
    """Called after any event that can change the outcome (a mark, a graded attempt, a lesson
    done, a sign-off); the check runs in the worker once this transaction commits."""
    from courses.tasks import check_enrollment_completion

    queue_task(check_enrollment_completion, enrollment_id)


@transaction.atomic
def check_completion(*, enrollment_id: int) -> bool:
    """Marks an active enrolment completed when every rule that applies holds. Idempotent:
    a completed or withdrawn enrolment is left as it is. Returns whether it is completed."""
    enrollment = (Enrollment.objects.select_for_update()
                  .select_related("run__course").filter(pk=enrollment_id).first())
    if enrollment is None:
        return False
    if enrollment.state == Enrollment.State.COMPLETED:
        return True
    if enrollment.state != Enrollment.State.ACTIVE:
        return False
    results = completion_status(enrollment)
    if not results or not all(result.met for result in results):
        return False
    enrollment.state = Enrollment.State.COMPLETED
    enrollment.completed_at = timezone.now()
    enrollment.save(update_fields=["state", "completed_at", "updated_at"])
    record_event(enrollment=enrollment, kind=EnrollmentEvent.Kind.COMPLETED)
    for listener in completion_listeners():
        transaction.on_commit(lambda listener=listener: listener(enrollment.pk))
    return True


@transaction.atomic
def sign_off(*, enrollment: Enrollment, by) -> Enrollment:
    """Idempotent: the row is locked, so two teachers signing off at once (or a double
    click) record one sign-off and one event."""
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if locked.signed_off_at is None:
        locked.signed_off_at = timezone.now()
        locked.signed_off_by = by
        locked.save(update_fields=["signed_off_at", "signed_off_by", "updated_at"])
        record_event(enrollment=locked, kind=EnrollmentEvent.Kind.SIGNED_OFF, actor=by)
        queue_completion_check(locked.pk)
    enrollment.signed_off_at = locked.signed_off_at
    enrollment.signed_off_by_id = locked.signed_off_by_id
    return enrollment
