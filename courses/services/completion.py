"""Writes about enrolments that courses owns: completion (asked of the criteria other apps
register) and the teacher's sign-off."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from cms.services import record_effects
from courses.models import Enrollment, EnrollmentEvent
from courses.registry import completion_listeners
from courses.selectors.completion import completion_status


def record_event(*, enrollment: Enrollment, kind: str, actor: User | None = None,
                 note: str = "") -> EnrollmentEvent:
    return EnrollmentEvent.objects.create(enrollment=enrollment, kind=kind, actor=actor,
                                          note=note[:255])


COMPLETION_EFFECT = "courses.check_completion"


def queue_completion_check(enrollment_id: int) -> None:
    """Called after any event that can change the outcome (a mark, a graded attempt, a lesson
    done, a sign-off): the check is recorded in this transaction and runs in the worker."""
    queue_completion_checks([enrollment_id])


def queue_completion_checks(enrollment_ids: Iterable[int]) -> None:
    """Many at once in a fixed number of queries (a whole session's marks). One pending
    check per enrolment: asked for again while pending or running, it runs once more."""
    record_effects(COMPLETION_EFFECT, {f"courses:completion:{pk}": {"enrollment_id": pk}
                                       for pk in dict.fromkeys(enrollment_ids)}, repeat=True)


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
    # In this transaction: a listener records its effect with the completion, so neither
    # can be lost without the other.
    for listener in completion_listeners():
        listener(enrollment.pk)
    return True


@transaction.atomic
def sign_off(*, enrollment: Enrollment, by: User) -> Enrollment:
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
