"""Reads about groups and enrolments, each in a fixed number of queries whatever the
number of groups or people."""

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from accounts.models import User
from courses.models import SEAT_STATES, CoursePage, CourseRun, Enrollment


def with_seats(runs: QuerySet[CourseRun]) -> QuerySet[CourseRun]:
    """Adds `seats_taken` and `waiting` to each group."""
    return runs.annotate(
        seats_taken=Count("enrollments", filter=Q(enrollments__state__in=SEAT_STATES),
                          distinct=True),
        waiting=Count("enrollments", filter=Q(enrollments__state=Enrollment.State.WAITLISTED),
                      distinct=True),
    )


def runs_for_listing(*, runs: QuerySet[CourseRun], course_id: int | None = None
                     ) -> QuerySet[CourseRun]:
    if course_id is not None:
        # Groups belong to the Latvian original; a translation's id (what the English
        # catalogue gives) finds them through the shared translation key.
        runs = runs.filter(course__translation_key=Subquery(
            CoursePage.objects.filter(pk=course_id).values("translation_key")[:1]))
    return with_seats(runs.select_related("course")).order_by("starts_on", "pk")


def run_detail(*, run_id: int) -> CourseRun | None:
    return (with_seats(CourseRun.objects.select_related("course"))
            .prefetch_related("teachers").filter(pk=run_id).first())


def queued_at() -> Coalesce:
    """When the person joined the waiting list (rows made without the service: enrolled)."""
    return Coalesce("waitlisted_at", "created_at")


def with_waitlist_position(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """Adds `waitlist_position` (1 = next to get a seat; 0 when not waiting)."""
    ahead = (Enrollment.objects
             .filter(run=OuterRef("run"), state=Enrollment.State.WAITLISTED)
             .annotate(queued=queued_at())
             .filter(Q(queued__lt=OuterRef("queued"))
                     | Q(queued=OuterRef("queued"), pk__lte=OuterRef("pk")))
             .order_by().values("run").annotate(n=Count("pk")).values("n"))
    return enrollments.annotate(queued=queued_at()).annotate(waitlist_position=Case(
        When(state=Enrollment.State.WAITLISTED,
             then=Coalesce(Subquery(ahead, output_field=IntegerField()), 0)),
        default=Value(0)))


def enrollments_of(*, user: User) -> QuerySet[Enrollment]:
    """A learner's own enrolments, newest group first."""
    return with_waitlist_position(
        Enrollment.objects.filter(user=user).select_related("run__course")
    ).order_by("-run__starts_on", "-pk")


def participants_of(*, run: CourseRun) -> QuerySet[Enrollment]:
    """Everyone in a group (also waiting and withdrawn), for its teachers and managers."""
    return with_waitlist_position(
        Enrollment.objects.filter(run=run).select_related("user", "enrolled_by")
    ).order_by("state", "user__last_name", "user__first_name", "pk")
