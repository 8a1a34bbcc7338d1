"""Writing a group's schedule: generated from a weekly pattern, then edited one session at
a time."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.validators import checked_text
from attendance.models import AttendanceMark, ClassSession, academic_hours_between
from attendance.permissions import ensure_can_manage_run
from cms.errors import Conflict, KopaError
from courses.models import CourseRun

MAX_GENERATED = 200
EDITABLE_FIELDS = ("run", "starts_at", "ends_at", "academic_hours", "hours_set_by_hand", "topic",
                   "place", "online_url", "teacher", "is_cancelled", "late_after_minutes")


def pattern_starts(*, first_day: datetime.date, weekdays: list[int],
                   start_time: datetime.time, count: int) -> list[datetime.datetime]:
    """The next `count` start times on the given weekdays (0 = Monday) from first_day, in
    local time (Riga), so a class at 18:00 stays at 18:00 across the clock change."""
    days = sorted(set(weekdays))
    starts: list[datetime.datetime] = []
    day = first_day
    while len(starts) < count:
        if day.weekday() in days:
            starts.append(timezone.make_aware(datetime.datetime.combine(day, start_time)))
        day += datetime.timedelta(days=1)
    return starts


@transaction.atomic
def generate_schedule(*, run: CourseRun, by: User, first_day: datetime.date, weekdays: list[int],
                      start_time: datetime.time, duration_minutes: int, count: int,
                      teacher: User | None = None, place: str | None = None, topic: str = "",
                      ) -> list[ClassSession]:
    """Adds `count` sessions; a start that already has a session is skipped, so running the
    same pattern twice adds nothing."""
    ensure_can_manage_run(by, run.pk)
    topic = checked_text(topic, field="topic")
    if place is not None:
        place = checked_text(place, field="place")
    if not weekdays or any(day not in range(7) for day in weekdays):
        raise KopaError(_("Choose at least one weekday."), code="no_weekdays", status=422)
    if not 1 <= count <= MAX_GENERATED:
        raise KopaError(_("Choose between 1 and %(max)s sessions.") % {"max": MAX_GENERATED},
                        code="bad_count", status=422)
    if not 15 <= duration_minutes <= 12 * 60:
        raise KopaError(_("A session lasts between 15 minutes and 12 hours."),
                        code="bad_duration", status=422)
    starts = pattern_starts(first_day=first_day, weekdays=weekdays, start_time=start_time,
                            count=count)
    existing = set(ClassSession.objects.filter(run=run, starts_at__in=starts)
                   .values_list("starts_at", flat=True))
    length = datetime.timedelta(minutes=duration_minutes)
    if teacher is None:
        teacher = run.teachers.first()
    sessions = [ClassSession(
        run=run, starts_at=start, ends_at=start + length,
        academic_hours=academic_hours_between(start, start + length),
        place=run.address if place is None else place, online_url=run.online_url,
        teacher=teacher, topic=topic,
    ) for start in starts if start not in existing]
    return ClassSession.objects.bulk_create(sessions)


@transaction.atomic
def session_version(session: ClassSession) -> str:
    """What an edit form carries to say which saved state it was drawn from."""
    return session.updated_at.isoformat() if session.updated_at else ""


def update_session(*, session: ClassSession, by: User, seen_version: str | None = None,
                   **changes: Any) -> ClassSession:
    """Every edit of a session, on the site and in the admin: what follows from it (hours,
    warnings, completion) is recounted after commit. `run` moves a session to another
    group only while nobody has a mark in it: marks belong to the group's people, and a
    moved session would carry them into a group they are not in. `seen_version`: the
    form was drawn from that saved state; if someone saved since, nothing is changed and
    the person is told (two teachers editing one session are not silently overwritten).
    `changes`: values of the model's fields by name, of whatever type each field takes;
    only EDITABLE_FIELDS are accepted."""
    ensure_can_manage_run(by, session.run_id)
    if seen_version is not None:
        current = ClassSession.objects.select_for_update().get(pk=session.pk)
        if session_version(current) != seen_version:
            raise Conflict(_("Someone else saved this session after you opened it. Here it "
                             "is as it is now: make your change again."),
                           code="stale_session")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise KopaError(_("These fields cannot be changed: %(fields)s")
                        % {"fields": ", ".join(sorted(unknown))}, code="bad_field", status=422)
    previous_run_id = session.run_id
    new_run = changes.pop("run", None)
    if new_run is not None and new_run.pk != previous_run_id:
        ensure_can_manage_run(by, new_run.pk)
        if AttendanceMark.objects.filter(session_id=session.pk).exists():
            raise KopaError(_("This session already has marks, so it cannot move to another "
                              "group. Cancel it here and add a session to the other group "
                              "instead."), code="session_has_marks", status=409, field="run")
        session.run = new_run
    for name, value in changes.items():
        if name in ("topic", "place"):
            value = checked_text(value, field=name)
        setattr(session, name, value)
    if session.ends_at <= session.starts_at:
        raise KopaError(_("A session must end after it starts."), code="bad_times",
                        status=422)
    session.save()
    from attendance.services.marks import queue_recount

    queue_recount(run_id=session.run_id)
    if session.run_id != previous_run_id:
        queue_recount(run_id=previous_run_id)
    return session


@transaction.atomic
def add_session(*, run: CourseRun, by: User, starts_at: datetime.datetime,
                ends_at: datetime.datetime, **fields: Any) -> ClassSession:
    """`fields`: the session's other model fields by name (as `ClassSession` takes them)."""
    ensure_can_manage_run(by, run.pk)
    if ends_at <= starts_at:
        raise KopaError(_("A session must end after it starts."), code="bad_times",
                        status=422)
    fields.setdefault("place", run.address)
    fields.setdefault("online_url", run.online_url)
    session = ClassSession.objects.create(run=run, starts_at=starts_at, ends_at=ends_at,
                                          **fields)
    from attendance.services.marks import queue_recount

    # A session already held changes everyone's share; any session, the planned hours.
    queue_recount(run_id=run.pk)
    return session
