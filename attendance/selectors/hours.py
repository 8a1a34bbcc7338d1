"""The one hours engine: academic hours offered to and attended by each enrolment, as
queryset annotations, so the roster, `/my/`, completion, the certificate snapshot and the
funder report read the same numbers in a fixed number of queries however many people,
sessions and marks there are.

**Offered** to an enrolment are the sessions of its group that are not cancelled and

- start on or after the local day (`TIME_ZONE`) the person took their seat (`activated_at`;
  `created_at` for rows from before that field was kept): a session on the day of
  enrolment counts whole, even if it began before the click, because a late joiner is
  often enrolled at the door and marked present in that very session;
- started no later than their withdrawal (`withdrawn_at`), if they withdrew: a session
  later the same day was no longer offered to them.

*Planned* are all such sessions, *held* (what a funder calls offered) only those started
by `now`. **Attended** are the hours of the held, offered sessions in which the person's
mark counts as hours under the course's own rules (present and late by default). Hours of
a session are its `academic_hours` (from its times, or set by hand on the session), so a
hand-set value is what every figure adds up. A mark in a session outside the person's
window (before they took their seat, after they left) is kept in the history but counts
for nothing: attended never exceeds offered."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    DecimalField,
    F,
    Field,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from attendance.models import AttendanceMark, AttendancePolicy, ClassSession, Status
from courses.models import Enrollment

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

ZERO = Decimal("0")
HOURS = DecimalField(max_digits=12, decimal_places=2)
# "Not withdrawn" as an end of the window that every session comes before.
NO_END = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


def hours(value: Decimal | float | str | None) -> Decimal:
    """Sums come back as 2, 2.0 or 2.00 depending on the database; always two places."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


def counted_statuses(policy: AttendancePolicy) -> list[str]:
    return [status for status in Status.values if policy.counts_hours(status)]


def policies_for(course_ids: Iterable[int] | QuerySet[Any, Any]) -> list[AttendancePolicy]:
    """The courses' own rules (courses without one use the defaults); `course_ids` may be
    a subquery of them."""
    return list(AttendancePolicy.objects.filter(course_id__in=course_ids))


def counted_marks_q(policies: list[AttendancePolicy]) -> Q:
    """Marks that count as hours attended under each course's own rules."""
    own = [policy.course_id for policy in policies]
    counted = Q(status__in=counted_statuses(AttendancePolicy())) & ~Q(
        session__run__course_id__in=own)
    for policy in policies:
        counted |= Q(session__run__course_id=policy.course_id,
                     status__in=counted_statuses(policy))
    return counted


def points_case(policies: list[AttendancePolicy]) -> Case:
    """A mark's points under its course's own rules."""
    whens = [When(Q(session__run__course_id=policy.course_id, status=status),
                  then=Value(policy.points(status)))
             for policy in policies for status in Status.values]
    default = AttendancePolicy()
    whens += [When(status=status, then=Value(default.points(status)))
              for status in Status.values]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _window(queryset: QuerySet[Model], prefix: str = "") -> QuerySet[Model]:
    """Sessions (or marks, with prefix "session__") inside the outer enrolment's window;
    the outer query carries `seat_day` and `seat_end` (see `with_hours`)."""
    tz = timezone.get_current_timezone()
    # Typed here: the django-stubs plugin gives up (Any) on annotating a queryset of any model.
    windowed: QuerySet[Model] = (
        queryset.annotate(session_day=TruncDate(f"{prefix}starts_at", tzinfo=tz))
        .filter(**{f"{prefix}is_cancelled": False, "session_day__gte": OuterRef("seat_day"),
                   f"{prefix}starts_at__lte": OuterRef("seat_end")}))
    return windowed


def _total(queryset: QuerySet[Model], function: str, expression: Combinable,
           output_field: "Field[Any, Any]") -> Subquery:
    """One SUM or COUNT over the correlated rows, with no GROUP BY (a plain function, not
    Django's aggregate, which would group the subquery by the outer row)."""
    total = Func(expression, function=function, output_field=output_field)
    return Subquery(queryset.order_by().annotate(total=total).values("total")[:1],
                    output_field=output_field)


class Figures(TypedDict):
    """What `with_hours` adds to each enrolment (or those of them it is asked for)."""

    hours_planned: Decimal
    sessions_planned: int
    hours_offered: Decimal
    sessions_offered: int
    hours_attended: Decimal
    points: int
    sessions_marked: int


FIGURES = ("hours_planned", "sessions_planned", "hours_offered", "sessions_offered",
           "hours_attended", "points", "sessions_marked")


def with_hours(enrollments: QuerySet[Enrollment], *, now: datetime.datetime,
               policies: list[AttendancePolicy],
               only: tuple[str, ...] = FIGURES
               ) -> "QuerySet[WithAnnotations[Enrollment, Figures]]":
    """Annotates each enrolment with `hours_planned`, `sessions_planned`, `hours_offered`
    (held so far), `sessions_offered`, `hours_attended`, `points` and `sessions_marked`
    (the last three over held, offered sessions), or `only` some of them, as correlated
    subqueries: the queryset can be aggregated or grouped (the report) or read row by row
    (the roster)."""
    tz = timezone.get_current_timezone()
    seat = Coalesce("activated_at", "created_at", output_field=DateTimeField())
    enrollments = enrollments.annotate(
        seat_day=TruncDate(seat, tzinfo=tz),
        seat_end=Coalesce("withdrawn_at", Value(NO_END), output_field=DateTimeField()))
    sessions = _window(ClassSession.objects.filter(run_id=OuterRef("run_id")))
    held = sessions.filter(starts_at__lte=now)
    marks = _window(AttendanceMark.objects.filter(enrollment_id=OuterRef("pk")),
                    "session__").filter(session__starts_at__lte=now)
    figures = dict(
        hours_planned=Coalesce(_total(sessions, "SUM", F("academic_hours"), HOURS), ZERO,
                               output_field=HOURS),
        sessions_planned=Coalesce(_total(sessions, "COUNT", F("pk"), IntegerField()), 0),
        hours_offered=Coalesce(_total(held, "SUM", F("academic_hours"), HOURS), ZERO,
                               output_field=HOURS),
        sessions_offered=Coalesce(_total(held, "COUNT", F("pk"), IntegerField()), 0),
        hours_attended=Coalesce(
            _total(marks.filter(counted_marks_q(policies)), "SUM",
                   F("session__academic_hours"), HOURS), ZERO, output_field=HOURS),
        points=Coalesce(_total(marks, "SUM", points_case(policies), IntegerField()), 0),
        sessions_marked=Coalesce(_total(marks, "COUNT", F("pk"), IntegerField()), 0))
    # The figures go in by name, which the django-stubs plugin cannot follow: it is told.
    return cast("QuerySet[WithAnnotations[Enrollment, Figures]]",
                enrollments.annotate(**{name: figures[name] for name in only}))


@dataclass(frozen=True)
class PersonHours:
    planned: Decimal
    offered: Decimal
    attended: Decimal


def hours_by_enrollment(*, enrollment_ids: list[int],
                        now: datetime.datetime | None = None) -> dict[int, PersonHours]:
    """Hours of each enrolment (what a certificate states), in two queries however many
    people and groups."""
    now = now or timezone.now()
    enrollments = Enrollment.objects.filter(pk__in=enrollment_ids)
    course_ids = enrollments.values("run__course_id")
    rows = with_hours(enrollments, now=now, policies=policies_for(course_ids)).values(
        "pk", "hours_planned", "hours_offered", "hours_attended")
    return {row["pk"]: PersonHours(planned=hours(row["hours_planned"]),
                                   offered=hours(row["hours_offered"]),
                                   attended=hours(row["hours_attended"]))
            for row in rows}


@dataclass(frozen=True)
class Schedule:
    """A group's own schedule (each session once, not per person)."""

    hours_planned: Decimal
    sessions_planned: int
    hours_held: Decimal
    sessions_held: int

    @property
    def hours_remaining(self) -> Decimal:
        return self.hours_planned - self.hours_held

    @property
    def sessions_remaining(self) -> int:
        return self.sessions_planned - self.sessions_held


def schedule_totals(sessions: QuerySet[ClassSession], *,
                    now: datetime.datetime) -> dict[str, Any]:
    """Hours and sessions planned (not cancelled) and held (started by `now`), each session
    counted once: a group's schedule, or the hours taught in a report."""
    held = Q(starts_at__lte=now)
    return sessions.filter(is_cancelled=False).aggregate(
        hours_planned=Coalesce(Sum("academic_hours"), ZERO, output_field=HOURS),
        sessions_planned=Count("pk"),
        hours_held=Coalesce(Sum("academic_hours", filter=held), ZERO, output_field=HOURS),
        sessions_held=Count("pk", filter=held))


def run_schedule(run_id: int, *, now: datetime.datetime | None = None) -> Schedule:
    totals = schedule_totals(ClassSession.objects.filter(run_id=run_id),
                             now=now or timezone.now())
    return Schedule(hours_planned=hours(totals["hours_planned"]),
                    sessions_planned=totals["sessions_planned"],
                    hours_held=hours(totals["hours_held"]),
                    sessions_held=totals["sessions_held"])
