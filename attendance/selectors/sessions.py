"""Reads about sessions and marks: a group's schedule, a session's roster, a learner's
sessions, open warnings."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User
from attendance.models import AttendanceMark, AttendanceWarning, ClassSession
from courses.models import SEAT_STATES, Enrollment
from courses.permissions import taught_runs

# Self check-in opens this long before a session starts and closes when it ends.
CHECKIN_OPENS_BEFORE = datetime.timedelta(minutes=15)


def run_sessions(run_id: int) -> QuerySet[ClassSession]:
    return ClassSession.objects.filter(run_id=run_id).select_related("teacher")


@dataclass
class RosterRow:
    enrollment: Enrollment
    mark: AttendanceMark | None


def session_roster(session: ClassSession) -> list[RosterRow]:
    """Everyone with a seat in the group and their mark for the session: two queries."""
    enrollments = list(Enrollment.objects.filter(run_id=session.run_id, state__in=SEAT_STATES)
                       .select_related("user")
                       .order_by("user__last_name", "user__first_name", "pk"))
    marks = {mark.enrollment_id: mark for mark in
             AttendanceMark.objects.filter(session=session).select_related("marked_by")}
    return [RosterRow(enrollment=e, mark=marks.get(e.pk)) for e in enrollments]


def roster_row(session: ClassSession, enrollment_id: int) -> RosterRow | None:
    enrollment = (Enrollment.objects.filter(pk=enrollment_id, run_id=session.run_id,
                                            state__in=SEAT_STATES)
                  .select_related("user").first())
    if enrollment is None:
        return None
    mark = (AttendanceMark.objects.filter(session=session, enrollment=enrollment)
            .select_related("marked_by").first())
    return RosterRow(enrollment=enrollment, mark=mark)


def checkin_window(session: ClassSession) -> tuple[datetime.datetime, datetime.datetime]:
    return session.starts_at - CHECKIN_OPENS_BEFORE, session.ends_at


def is_checkin_open(session: ClassSession, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    opens, closes = checkin_window(session)
    return not session.is_cancelled and opens <= now <= closes


def open_sessions_for(user: User, *,
                      now: datetime.datetime | None = None) -> list[ClassSession]:
    """Sessions of the learner's groups that can be checked in to now."""
    now = now or timezone.now()
    return list(ClassSession.objects.filter(
        run__enrollments__user=user, run__enrollments__state__in=SEAT_STATES,
        is_cancelled=False, starts_at__lte=now + CHECKIN_OPENS_BEFORE, ends_at__gte=now,
    ).select_related("run").distinct())


def learner_sessions(user: User) -> QuerySet[ClassSession]:
    """Every session of every group the person has a seat in or teaches."""
    seat = ClassSession.objects.filter(run__enrollments__user=user,
                                       run__enrollments__state__in=SEAT_STATES)
    teaching = ClassSession.objects.filter(run__in=taught_runs(user))
    return (ClassSession.objects.filter(Q(pk__in=seat.values("pk"))
                                        | Q(pk__in=teaching.values("pk")))
            .select_related("run"))


def learner_marks(user: User) -> QuerySet[AttendanceMark]:
    return (AttendanceMark.objects.filter(enrollment__user=user)
            .select_related("session", "enrollment__run"))


def open_warnings(*, run_id: int | None = None,
                  enrollment_ids: list[int] | None = None) -> QuerySet[AttendanceWarning]:
    """Learners whose attendance so far is below the warning level: for the teacher's
    group page and, through enrollment_ids, for coordinators."""
    warnings = AttendanceWarning.objects.filter(resolved_at__isnull=True).select_related(
        "enrollment__user", "enrollment__run")
    if run_id is not None:
        warnings = warnings.filter(enrollment__run_id=run_id)
    if enrollment_ids is not None:
        warnings = warnings.filter(enrollment_id__in=enrollment_ids)
    return warnings
