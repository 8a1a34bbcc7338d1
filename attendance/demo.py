"""Demo schedules: each demo group gets sessions adding up to its course's academic hours
(four academic hours each, Mondays and Wednesdays at 18:00, about half already held), and
the held ones are marked: mostly present, some late or excused, and one learner absent so
often that the course's threshold is out of reach."""

import datetime
import math

from django.utils import timezone

from attendance.models import ClassSession, academic_hours_between
from attendance.services.marks import MarkInput, set_marks
from attendance.services.schedule import pattern_starts
from attendance.services.warnings import refresh_warnings
from courses.models import CourseRun, Enrollment
from courses.services import check_completion

SESSION_HOURS = 4  # academic hours of a usual evening session (180 minutes)
PATTERN = ["present", "present", "late", "present", "excused", "present", "present"]


def sessions_for(run: CourseRun) -> list[ClassSession]:
    total = run.course.academic_hours or 28
    count = math.ceil(total / SESSION_HOURS)
    today = timezone.localdate()
    # Start about half the schedule ago (two sessions a week), so some are past.
    first_day = today - datetime.timedelta(days=math.ceil(count / 2) * 7 // 2 + 1)
    starts = pattern_starts(first_day=first_day, weekdays=[0, 2],
                            start_time=datetime.time(18, 0), count=count)
    sessions, left = [], total
    teacher = run.teachers.first()
    for index, start in enumerate(starts):
        hours = min(SESSION_HOURS, left)
        left -= hours
        end = start + datetime.timedelta(minutes=45 * hours)
        sessions.append(ClassSession(
            run=run, starts_at=start, ends_at=end,
            academic_hours=academic_hours_between(start, end),
            topic=f"{run.course.title}: {index + 1}. nodarbība", place=run.address,
            online_url=run.online_url, teacher=teacher))
    return ClassSession.objects.bulk_create(sessions)


def seat_before(run: CourseRun, first_start: datetime.datetime) -> None:
    """The demo enrols people today into groups whose sessions began earlier; in the story
    they took their seats before the first session, and hours are offered from the seat's
    day (`attendance.selectors.hours`), so the seats are dated back to that day."""
    day = timezone.localtime(first_start).replace(hour=0, minute=0, second=0, microsecond=0)
    Enrollment.objects.filter(run=run, activated_at__gt=day).update(activated_at=day)


def mark_past(run: CourseRun, sessions: list[ClassSession], marker) -> None:
    enrollments = list(Enrollment.objects.filter(run=run, state=Enrollment.State.ACTIVE)
                       .select_related("user").order_by("pk"))
    if not enrollments:
        return
    now = timezone.now()
    # One learner misses every held session, so the threshold is out of their reach; not
    # the demo's own "learner" account, which should show an ordinary course.
    others = [e for e in enrollments if e.user.username != "learner"]
    absentee = others[-1] if len(enrollments) > 1 and others else None
    for number, session in enumerate(s for s in sessions if s.starts_at < now):
        marks = []
        for index, enrollment in enumerate(enrollments):
            status = ("absent" if enrollment == absentee
                      else PATTERN[(number + index) % len(PATTERN)])
            marks.append(MarkInput(enrollment_id=enrollment.pk, status=status,
                                   note="ārsta apmeklējums" if status == "excused" else None))
        set_marks(session_id=session.pk, marks=marks, by=marker, now=now,
                  queue_follow_ups=False)
    # In-process rather than through the broker: the demo must load without a worker.
    refresh_warnings(run_id=run.pk, now=now)
    for enrollment in enrollments:
        check_completion(enrollment_id=enrollment.pk)


def load(context: dict) -> None:
    runs = list(CourseRun.objects.select_related("course"))
    out = context.get("stdout")
    if not runs:
        if out:
            out.write("demo: attendance: no groups yet, so no sessions added")
        return
    marker = context.get("users", {}).get("admin")
    added = 0
    for run in runs:
        if ClassSession.objects.filter(run=run).exists():
            continue  # already scheduled (idempotent)
        sessions = sessions_for(run)
        added += len(sessions)
        seat_before(run, sessions[0].starts_at)
        marker_here = run.teachers.first() or marker
        if marker_here is not None:
            mark_past(run, sessions, marker_here)
    context.setdefault("summary", []).append(
        f"Attendance: {added} sessions added to {len(runs)} groups")
