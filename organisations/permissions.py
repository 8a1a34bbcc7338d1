"""Who may see or change an organisation's people: its coordinators and managers. A
coordinator of one organisation sees nothing of another; every view and endpoint asks here."""

from django.db.models import QuerySet

from courses.models import CourseRun, Enrollment
from courses.permissions import is_manager
from organisations.models import Organisation, Participant


def coordinates(user, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    return organisation.coordinators.filter(pk=user.pk).exists()


def can_manage_organisation(user, organisation: Organisation) -> bool:
    return is_manager(user) or coordinates(user, organisation)


def managed_organisations(user) -> QuerySet[Organisation]:
    if is_manager(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(coordinators=user)


def is_coordinator(user) -> bool:
    return user.is_authenticated and managed_organisations(user).exists()


def run_open_to(organisation: Organisation, run: CourseRun) -> bool:
    return organisation.run_links.filter(run=run).exists()


def can_manage_participant_enrollment(user, organisation: Organisation,
                                      enrollment: Enrollment) -> bool:
    """A coordinator may act on an enrolment of one of their people in a group open to
    their organisation, and on nothing else."""
    return (can_manage_organisation(user, organisation)
            and run_open_to(organisation, enrollment.run)
            and Participant.objects.filter(organisation=organisation,
                                           user_id=enrollment.user_id).exists())


def participant_of_run(_by, user, run: CourseRun) -> bool:
    """A teacher's claim on an existing account: the person is a participant of an
    organisation the group is open to (courses asks through accounts.registry)."""
    return Participant.objects.filter(user=user, organisation__run_links__run=run).exists()


def coordinated_people(by, users) -> set[int]:
    """The ids of those of `users` who are participants of an organisation `by`
    coordinates: one query for a whole group's cards."""
    if not by.is_authenticated:
        return set()
    return set(Participant.objects.filter(user__in=users, organisation__coordinators=by)
               .values_list("user_id", flat=True))


def grant_role_permissions(groups: dict) -> None:
    """Managers run organisations in the admin (groups and enrolments: `courses`)."""
    from django.contrib.auth.models import Permission

    groups["Managers"].permissions.add(*Permission.objects.filter(
        content_type__app_label="organisations",
        content_type__model__in=["organisation", "organisationrun", "participant"]))
