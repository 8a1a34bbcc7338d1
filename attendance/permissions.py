"""Who may see or change what in attendance, decided here for views, the API and services
alike: teachers of a group and managers mark and see a group's attendance; a learner sees
and checks in only to their own."""

from django.db.models import Q

from cms.errors import NotAllowed
from courses.models import CourseRun, Enrollment
from courses.permissions import is_manager

SEAT_STATES = (Enrollment.State.ACTIVE, Enrollment.State.COMPLETED)


def teaches(user, run_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return CourseRun.teachers.through.objects.filter(courserun_id=run_id,
                                                     user_id=user.pk).exists()


def can_manage_run(user, run_id: int) -> bool:
    """Mark, see everyone's figures, export, edit the schedule."""
    return is_manager(user) or teaches(user, run_id)


def ensure_can_manage_run(user, run_id: int) -> None:
    if not can_manage_run(user, run_id):
        raise NotAllowed(_not_allowed())


def runs_managed_by(user):
    if is_manager(user):
        return CourseRun.objects.all()
    return CourseRun.objects.filter(teachers=user)


def seat_in_run(user, run_id: int) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return (Enrollment.objects.filter(run_id=run_id, user_id=user.pk, state__in=SEAT_STATES)
            .first())


def can_follow_run(user, run_id: int) -> bool:
    """See the schedule (and subscribe to it): people in the group, its teachers, managers."""
    if not user.is_authenticated:
        return False
    if is_manager(user):
        return True
    return CourseRun.objects.filter(
        Q(teachers=user) | Q(enrollments__user=user, enrollments__state__in=SEAT_STATES),
        pk=run_id).exists()


def _not_allowed():
    from django.utils.translation import gettext as _

    return _("Only the group's teachers and managers may do this.")
