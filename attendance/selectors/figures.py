"""Attendance figures per enrolment, computed in the database in a fixed number of queries
however many people and sessions a group has."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from attendance.models import AttendanceMark, AttendancePolicy, ClassSession, Status
from courses.models import CourseRun, Enrollment
from courses.models.choices import AttendanceBasis

ZERO = Decimal("0")
HUNDRED = Decimal("100")
HOURS = DecimalField(max_digits=9, decimal_places=2)


def policy_for(course_id: int) -> AttendancePolicy:
    """The course's own rules, or the defaults (present 2, late 1, excused 1, absent 0)."""
    return (AttendancePolicy.objects.filter(course_id=course_id).first()
            or AttendancePolicy(course_id=course_id))


@dataclass(frozen=True)
class Schedule:
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


@dataclass(frozen=True)
class EnrollmentFigures:
    enrollment_id: int
    user_id: int
    name: str
    state: str
    hours_planned: Decimal
    hours_held: Decimal
    hours_attended: Decimal
    points: int
    points_possible_held: int
    points_possible_planned: int
    sessions_marked: int
    basis: str
    threshold: int | None
    warn_below: int

    @property
    def hours_percent(self) -> Decimal | None:
        """Attended share of the hours held so far."""
        return percent(self.hours_attended, self.hours_held)

    @property
    def points_percent(self) -> Decimal | None:
        """Points earned as a share of the points possible in the sessions held so far."""
        return percent(Decimal(self.points), Decimal(self.points_possible_held))

    @property
    def percent_so_far(self) -> Decimal | None:
        return self.points_percent if self.basis == AttendanceBasis.POINTS else self.hours_percent

    @property
    def share_of_planned(self) -> Decimal | None:
        """What counts for completion: the attended share of every planned session."""
        if self.basis == AttendanceBasis.POINTS:
            return percent(Decimal(self.points), Decimal(self.points_possible_planned))
        return percent(self.hours_attended, self.hours_planned)

    @property
    def best_possible(self) -> Decimal | None:
        """The share of the plan reached if every remaining session is attended."""
        if self.basis == AttendanceBasis.POINTS:
            remaining = self.points_possible_planned - self.points_possible_held
            return percent(Decimal(self.points + remaining),
                           Decimal(self.points_possible_planned))
        return percent(self.hours_attended + (self.hours_planned - self.hours_held),
                       self.hours_planned)

    @property
    def reached(self) -> bool | None:
        if self.threshold is None:
            return None
        share = self.share_of_planned
        return share is not None and share >= self.threshold

    @property
    def can_reach(self) -> bool | None:
        """With all remaining sessions attended, can the threshold still be reached?"""
        if self.threshold is None:
            return None
        best = self.best_possible
        return best is not None and best >= self.threshold

    @property
    def warning(self) -> bool:
        so_far = self.percent_so_far
        return so_far is not None and so_far < self.warn_below


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(Decimal("0.1"))


def run_schedule(run_id: int, *, now=None) -> Schedule:
    now = now or timezone.now()
    held = Q(starts_at__lte=now)
    totals = ClassSession.objects.filter(run_id=run_id, is_cancelled=False).aggregate(
        hours_planned=Coalesce(Sum("academic_hours"), ZERO, output_field=HOURS),
        sessions_planned=Count("pk"),
        hours_held=Coalesce(Sum("academic_hours", filter=held), ZERO, output_field=HOURS),
        sessions_held=Count("pk", filter=held),
    )
    return Schedule(hours_planned=hours(totals["hours_planned"]),
                    sessions_planned=totals["sessions_planned"],
                    hours_held=hours(totals["hours_held"]),
                    sessions_held=totals["sessions_held"])


def hours(value) -> Decimal:
    """Sums come back as 2, 2.0 or 2.00 depending on the database; always two places."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


def points_expression(policy: AttendancePolicy, prefix: str = "attendance_marks__"):
    return Case(*[When(**{f"{prefix}status": status}, then=Value(policy.points(status)))
                  for status in Status.values],
                default=Value(0), output_field=IntegerField())


def counted_statuses(policy: AttendancePolicy) -> list[str]:
    return [status for status in Status.values if policy.counts_hours(status)]


def run_figures(run_id: int, enrollment_ids: list[int] | None = None, *,
                include_withdrawn: bool = False, now=None) -> list[EnrollmentFigures]:
    """Figures for the people of a group (or some of them: a coordinator's participants),
    in four queries whatever the group's size."""
    run = CourseRun.objects.select_related("course").get(pk=run_id)
    policy = policy_for(run.course_id)
    schedule = run_schedule(run_id, now=now)
    states = [Enrollment.State.ACTIVE, Enrollment.State.COMPLETED]
    if include_withdrawn:
        states.append(Enrollment.State.WITHDRAWN)
    enrollments = Enrollment.objects.filter(run_id=run_id, state__in=states)
    if enrollment_ids is not None:
        enrollments = enrollments.filter(pk__in=enrollment_ids)
    live = Q(attendance_marks__session__is_cancelled=False)
    rows = (enrollments.select_related("user")
            .annotate(
                hours_attended=Coalesce(
                    Sum("attendance_marks__session__academic_hours",
                        filter=live & Q(attendance_marks__status__in=counted_statuses(policy))),
                    ZERO, output_field=HOURS),
                points=Coalesce(Sum(points_expression(policy), filter=live), 0),
                sessions_marked=Count("attendance_marks", filter=live))
            .order_by("user__last_name", "user__first_name", "pk"))
    max_points = policy.max_points
    course = run.course
    return [EnrollmentFigures(
        enrollment_id=row.pk, user_id=row.user_id, name=row.user.name, state=row.state,
        hours_planned=schedule.hours_planned, hours_held=schedule.hours_held,
        hours_attended=hours(row.hours_attended), points=row.points,
        points_possible_held=schedule.sessions_held * max_points,
        points_possible_planned=schedule.sessions_planned * max_points,
        sessions_marked=row.sessions_marked, basis=course.completion_attendance_basis,
        threshold=course.completion_min_attendance, warn_below=policy.warn_below_percent,
    ) for row in rows]


def enrollment_figures(enrollment: Enrollment, *, now=None) -> EnrollmentFigures | None:
    figures = run_figures(enrollment.run_id, [enrollment.pk], include_withdrawn=True, now=now)
    return figures[0] if figures else None


def hours_attended_by_enrollment(*, enrollment_ids: list[int]) -> dict[int, Decimal]:
    """Academic hours each enrolment attended (what a certificate states), in a few queries
    per group however many people: certificates are issued for one group at a time."""
    run_ids = (Enrollment.objects.filter(pk__in=enrollment_ids)
               .values_list("run_id", flat=True).distinct())
    attended: dict[int, Decimal] = {}
    for run_id in run_ids:
        for figures in run_figures(run_id, enrollment_ids, include_withdrawn=True):
            # A group whose classes are not kept here (no sessions) has no ledger to quote.
            if figures.hours_planned:
                attended[figures.enrollment_id] = figures.hours_attended
    return attended


def figures_for_enrollments(enrollments: list[Enrollment], *,
                            now=None) -> dict[int, EnrollmentFigures]:
    """Figures for enrolments of any number of groups (a learner's /my/ page, completion of
    many people) in three queries, not three per group: schedules grouped by group, marks
    grouped by enrolment and status, and the courses' policies. `enrollments` must come with
    `run__course` and `user` selected."""
    if not enrollments:
        return {}
    now = now or timezone.now()
    run_ids = {e.run_id for e in enrollments}
    held = Q(starts_at__lte=now)
    schedules = {
        row["run_id"]: Schedule(hours_planned=hours(row["hours_planned"]),
                                sessions_planned=row["sessions_planned"],
                                hours_held=hours(row["hours_held"]),
                                sessions_held=row["sessions_held"])
        for row in ClassSession.objects.filter(run_id__in=run_ids, is_cancelled=False)
        .values("run_id").order_by("run_id").annotate(
            hours_planned=Coalesce(Sum("academic_hours"), ZERO, output_field=HOURS),
            sessions_planned=Count("pk"),
            hours_held=Coalesce(Sum("academic_hours", filter=held), ZERO, output_field=HOURS),
            sessions_held=Count("pk", filter=held))
    }
    course_ids = {e.run.course_id for e in enrollments}
    policies = {p.course_id: p for p in AttendancePolicy.objects.filter(course_id__in=course_ids)}
    marks: dict[int, list[dict]] = {}
    for row in (AttendanceMark.objects
                .filter(enrollment_id__in=[e.pk for e in enrollments],
                        session__is_cancelled=False)
                .values("enrollment_id", "status").order_by("enrollment_id", "status")
                .annotate(hours=Sum("session__academic_hours"), count=Count("pk"))):
        marks.setdefault(row["enrollment_id"], []).append(row)
    empty = Schedule(hours_planned=ZERO, sessions_planned=0, hours_held=ZERO, sessions_held=0)
    result = {}
    for enrollment in enrollments:
        course = enrollment.run.course
        policy = policies.get(course.pk) or AttendancePolicy(course_id=course.pk)
        schedule = schedules.get(enrollment.run_id, empty)
        rows = marks.get(enrollment.pk, [])
        result[enrollment.pk] = EnrollmentFigures(
            enrollment_id=enrollment.pk, user_id=enrollment.user_id,
            # The name only where the caller loaded the person (no query per row).
            name=(enrollment.user.name if "user" in enrollment._state.fields_cache else ""),
            state=enrollment.state,
            hours_planned=schedule.hours_planned, hours_held=schedule.hours_held,
            hours_attended=hours(sum((Decimal(r["hours"] or 0) for r in rows
                                      if policy.counts_hours(r["status"])), ZERO)),
            points=sum(policy.points(r["status"]) * r["count"] for r in rows),
            points_possible_held=schedule.sessions_held * policy.max_points,
            points_possible_planned=schedule.sessions_planned * policy.max_points,
            sessions_marked=sum(r["count"] for r in rows),
            basis=course.completion_attendance_basis,
            threshold=course.completion_min_attendance,
            warn_below=policy.warn_below_percent)
    return result
