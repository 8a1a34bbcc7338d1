"""Reads about an organisation's people, their groups and enrolments, each in a fixed
number of queries."""

from django.db.models import Count, Q, QuerySet

from courses.models import CourseRun, Enrollment
from courses.selectors import with_seats, with_waitlist_position
from organisations.models import Organisation, Participant, ParticipantImport


def participants_of(*, organisation: Organisation) -> QuerySet[Participant]:
    return (Participant.objects.filter(organisation=organisation).select_related("user")
            .order_by("user__last_name", "user__first_name", "pk"))


def runs_open_to(*, organisation: Organisation) -> QuerySet[CourseRun]:
    """The groups this organisation may enrol into, with seats and how many of its people
    are in each."""
    return (with_seats(CourseRun.objects.filter(organisation_links__organisation=organisation))
            .select_related("course")
            .annotate(own_people=Count("enrollments", distinct=True, filter=Q(
                          enrollments__user__memberships__organisation=organisation)
                          & ~Q(enrollments__state=Enrollment.State.WITHDRAWN)))
            .order_by("starts_on", "pk"))


def enrollments_of_organisation(*, organisation: Organisation,
                                run: CourseRun | None = None) -> QuerySet[Enrollment]:
    """Enrolments of the organisation's people in groups open to it, and only those: a
    coordinator does not see what else a person studies."""
    enrollments = Enrollment.objects.filter(
        user__memberships__organisation=organisation,
        run__organisation_links__organisation=organisation)
    if run is not None:
        enrollments = enrollments.filter(run=run)
    return with_waitlist_position(
        enrollments.select_related("user", "run__course")
    ).order_by("run__starts_on", "run_id", "user__last_name", "user__first_name", "pk")


def imports_of(*, organisation: Organisation) -> QuerySet[ParticipantImport]:
    return (ParticipantImport.objects.filter(organisation=organisation)
            .select_related("run", "uploaded_by").defer("rows"))
