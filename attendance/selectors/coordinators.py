"""What an organisation's coordinator learns of attendance: open warnings of their
organisation's people, and only in the groups open to that organisation (the rule of
`organisations.permissions`: a coordinator does not see what else a person studies, nor
anyone of another organisation). Attendance asks organisations, never the other way."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet, Subquery

from accounts.models import User
from attendance.models import AttendanceWarning
from courses.models import SEAT_STATES
from organisations.models import Organisation, OrganisationRun, Participant


def coordinates_any(user: User | AnonymousUser) -> bool:
    """Coordinator of at least one organisation (a manager is not one by being a manager:
    they see every group's warnings on the attendance home page)."""
    return user.is_authenticated and Organisation.objects.filter(coordinators=user).exists()


def coordinator_warnings(user: User | AnonymousUser) -> QuerySet[AttendanceWarning]:
    """Open warnings of the people of organisations `user` coordinates, in groups open to
    the same organisation; each with `organisation_id` and `organisation_name` (the first
    such organisation, for a person in two of them). One query."""
    if not user.is_authenticated:
        return AttendanceWarning.objects.none()
    # Both conditions on one organisation row: coordinated by the user, open to the group
    # and with the person among its participants.
    links = OrganisationRun.objects.filter(
        organisation__coordinators=user, run_id=OuterRef("enrollment__run_id"),
        organisation__participants__user_id=OuterRef("enrollment__user_id"),
    ).order_by("organisation__name", "organisation_id")
    return (AttendanceWarning.objects
            .filter(Exists(links), resolved_at__isnull=True,
                    enrollment__state__in=SEAT_STATES)
            .annotate(organisation_id=Subquery(links.values("organisation_id")[:1]),
                      organisation_name=Subquery(links.values("organisation__name")[:1]))
            .select_related("enrollment__user", "enrollment__run")
            .order_by("enrollment__run__starts_on", "enrollment__run_id",
                      "enrollment__user__last_name", "enrollment__user__first_name", "pk"))


def coordinators_of_people(*, run_id: int,
                           user_ids: Iterable[int]) -> dict[User, set[int]]:
    """{coordinator: ids of those people who are participants of an organisation the
    coordinator coordinates and the group is open to}. Two queries."""
    people_by_organisation: dict[int, set[int]] = defaultdict(set)
    for organisation_id, user_id in (
            Participant.objects.filter(user_id__in=list(user_ids),
                                       organisation__run_links__run_id=run_id)
            .values_list("organisation_id", "user_id")):
        people_by_organisation[organisation_id].add(user_id)
    if not people_by_organisation:
        return {}
    result: dict[User, set[int]] = {}
    for link in (Organisation.coordinators.through.objects
                 .filter(organisation_id__in=people_by_organisation)
                 .select_related("user")):
        result.setdefault(link.user, set()).update(people_by_organisation[link.organisation_id])
    return result
