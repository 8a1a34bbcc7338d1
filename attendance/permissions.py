"""Who may see or change what in attendance, decided here for views, the API and services
alike: teachers of a group and managers mark and see a group's attendance; a learner sees
and checks in only to their own."""

from cms.errors import NotAllowed, NotFound
from courses.models import SEAT_STATES, Enrollment
from courses.permissions import can_manage_run, holds_seat


def ensure_can_manage_run(user, run_id: int) -> None:
    """Refuses with 403 people of the group (they know it exists) and with 404 everyone
    else: an outsider learns nothing, not even that the group is there."""
    if not can_manage_run(user, run_id):
        if can_follow_run(user, run_id):
            raise NotAllowed(_not_allowed())
        raise NotFound(_not_found(), code="not_found")


def seat_in_run(user, run_id: int) -> Enrollment | None:
    if user is None or not user.is_authenticated:
        return None
    return (Enrollment.objects.filter(run_id=run_id, user_id=user.pk, state__in=SEAT_STATES)
            .first())


def can_follow_run(user, run_id: int) -> bool:
    """See the schedule (and subscribe to it): people in the group, its teachers, managers."""
    return can_manage_run(user, run_id) or holds_seat(user, run_id)


def ensure_can_follow_run(user, run_id: int) -> None:
    """404 for everyone outside the group, as for a group that does not exist."""
    if not can_follow_run(user, run_id):
        raise NotFound(_not_found(), code="not_found")


def _not_allowed():
    from django.utils.translation import gettext as _

    return _("Only the group's teachers and managers may do this.")


def _not_found():
    # Word for word what the API answers for an id that does not exist.
    from django.utils.translation import gettext as _

    return _("Not found.")


def grant_role_permissions(groups: dict) -> None:
    """Managers set up sessions and attendance rules for every group in the admin (teachers
    do theirs on the site, through the rules above)."""
    from django.contrib.auth.models import Permission

    groups["Managers"].permissions.add(*Permission.objects.filter(
        content_type__app_label="attendance"))
