"""Attendance figures per enrolment (hours, points, forecasts), read from the one hours
engine (`attendance.selectors.hours`) in a fixed number of queries however many people and
sessions a group has. Planned and held here are the person's own: the sessions offered to
them, from the day they took their seat to their withdrawal."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from attendance.models import AttendancePolicy
from attendance.selectors.hours import hours, policies_for, with_hours
from courses.models import SEAT_STATES, CourseRun, Enrollment
from courses.models.choices import AttendanceBasis

HUNDRED = Decimal("100")


def policy_for(course_id: int) -> AttendancePolicy:
    """The course's own rules, or the defaults (present 2, late 1, excused 1, absent 0)."""
    return (AttendancePolicy.objects.filter(course_id=course_id).first()
            or AttendancePolicy(course_id=course_id))


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


def _figures(rows: QuerySet[Enrollment], *, policies: list[AttendancePolicy],
             now: datetime.datetime, enrollments: dict[int, Enrollment] | None = None,
             ) -> list[EnrollmentFigures]:
    """EnrollmentFigures from `with_hours` rows; the course (and the person's name, where
    loaded) from `enrollments` when the caller has them, else from the rows."""
    own = {policy.course_id: policy for policy in policies}
    result = []
    for row in with_hours(rows, now=now, policies=policies):
        enrollment = (enrollments or {}).get(row.pk, row)
        course = enrollment.run.course
        policy = own.get(course.pk) or AttendancePolicy(course_id=course.pk)
        # The name only where the caller loaded the person (no query per row).
        name = enrollment.user.name if "user" in enrollment._state.fields_cache else ""
        result.append(EnrollmentFigures(
            enrollment_id=row.pk, user_id=row.user_id, name=name, state=row.state,
            hours_planned=hours(row.hours_planned), hours_held=hours(row.hours_offered),
            hours_attended=hours(row.hours_attended), points=row.points,
            points_possible_held=row.sessions_offered * policy.max_points,
            points_possible_planned=row.sessions_planned * policy.max_points,
            sessions_marked=row.sessions_marked, basis=course.completion_attendance_basis,
            threshold=course.completion_min_attendance, warn_below=policy.warn_below_percent))
    return result


def run_figures(run_id: int, enrollment_ids: list[int] | None = None, *,
                include_withdrawn: bool = False,
                now: datetime.datetime | None = None) -> list[EnrollmentFigures]:
    """Figures for the people of a group (or some of them: a coordinator's participants),
    in two queries whatever the group's size."""
    states = list(SEAT_STATES)
    if include_withdrawn:
        states.append(Enrollment.State.WITHDRAWN)
    enrollments = Enrollment.objects.filter(run_id=run_id, state__in=states)
    if enrollment_ids is not None:
        enrollments = enrollments.filter(pk__in=enrollment_ids)
    rows = (enrollments.select_related("user", "run__course")
            .order_by("user__last_name", "user__first_name", "pk"))
    course = CourseRun.objects.filter(pk=run_id).values("course_id")
    return _figures(rows, policies=policies_for(course), now=now or timezone.now())


def enrollment_figures(enrollment: Enrollment, *,
                       now: datetime.datetime | None = None) -> EnrollmentFigures | None:
    figures = run_figures(enrollment.run_id, [enrollment.pk], include_withdrawn=True, now=now)
    return figures[0] if figures else None


def figures_for_enrollments(enrollments: list[Enrollment], *,
                            now: datetime.datetime | None = None
                            ) -> dict[int, EnrollmentFigures]:
    """Figures for enrolments of any number of groups (a learner's /my/ page, completion of
    many people) in two queries, not a few per group. `enrollments` must come with
    `run__course` selected (and `user`, for the names)."""
    if not enrollments:
        return {}
    given = {e.pk: e for e in enrollments}
    policies = policies_for({e.run.course_id for e in enrollments})
    rows = Enrollment.objects.filter(pk__in=list(given)).order_by("pk")
    return {f.enrollment_id: f for f in _figures(rows, policies=policies,
                                                 now=now or timezone.now(),
                                                 enrollments=given)}
