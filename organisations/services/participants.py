"""An organisation's people: adding them (also without e-mail) and enrolling them into
the groups open to the organisation. Callers have checked `organisations.permissions`."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import create_user
from cms.errors import Conflict, NotAllowed
from courses import services as course_services
from courses.models import CourseRun, Enrollment
from organisations.models import Organisation, OrganisationRun, Participant


def open_run(*, organisation: Organisation, run: CourseRun,
             is_organiser: bool = False) -> OrganisationRun:
    link, _created = OrganisationRun.objects.update_or_create(
        organisation=organisation, run=run, defaults={"is_organiser": is_organiser})
    return link


@transaction.atomic
def add_participant(*, organisation: Organisation, by: User, first_name: str, last_name: str,
                    email: str | None = None, phone: str = "",
                    preferred_language: str = "lv", citizenship: str = "", region: str = "",
                    gender: str = "", birth_year: int | None = None) -> Participant:
    """Creates the person's account (a generated username when there is no e-mail; they
    sign in with a code from a printed login card) and makes them a participant."""
    user = create_user(first_name=first_name, last_name=last_name, email=email, phone=phone,
                       preferred_language=preferred_language)
    return Participant.objects.create(organisation=organisation, user=user, added_by=by,
                                      citizenship=citizenship.upper()[:2], region=region,
                                      gender=gender, birth_year=birth_year)


def ensure_run_open(organisation: Organisation, run: CourseRun) -> None:
    if not organisation.run_links.filter(run=run).exists():
        raise NotAllowed(_("This group is not open to your organisation."),
                         code="run_not_open_to_organisation")


def enroll_participants(*, organisation: Organisation, run: CourseRun, users: list[User],
                        by: User) -> tuple[list[Enrollment], list[User]]:
    ensure_run_open(organisation, run)
    ids = {user.pk for user in users}
    members = set(Participant.objects.filter(organisation=organisation, user__in=ids)
                  .values_list("user_id", flat=True))
    if ids - members:
        raise NotAllowed(_("Only your organisation's participants can be enrolled."),
                         code="not_a_participant")
    if not users:
        raise Conflict(_("Choose at least one person."), code="nobody_chosen")
    return course_services.enroll_many(users=users, run=run, by=by,
                                       method=Enrollment.Method.ORGANISATION)


def withdraw_participant(*, organisation: Organisation, enrollment: Enrollment, by: User,
                         reason: str) -> Enrollment:
    ensure_run_open(organisation, enrollment.run)
    if not Participant.objects.filter(organisation=organisation,
                                      user_id=enrollment.user_id).exists():
        raise NotAllowed(_("Only your organisation's participants can be withdrawn."),
                         code="not_a_participant")
    return course_services.withdraw(enrollment=enrollment, by=by, reason=reason)
