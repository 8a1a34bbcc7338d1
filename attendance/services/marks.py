"""Writing marks: a teacher marks a whole session at once (or one row), every change is
kept, and what follows from a mark (completion, warnings) is recorded with it as effects
that the worker delivers (`cms.services.record_effect`)."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.validators import checked_text
from attendance.models import AttendanceMark, AttendanceMarkChange, ClassSession, Method, Status
from attendance.permissions import ensure_can_manage_run
from cms.errors import Conflict, KopaError, NotFound
from cms.params import is_id
from cms.services import record_effect
from courses.models import SEAT_STATES, Enrollment
from courses.services import queue_completion_checks

# A teacher may open the roster and mark a little before the start (people arrive early).
MARKING_OPENS_BEFORE = datetime.timedelta(minutes=30)


@dataclass(frozen=True)
class MarkInput:
    enrollment_id: int
    status: str
    note: str | None = None  # None keeps the note as it is
    # The mark's version the sender saw (0: unmarked). None: no check (the API's bulk
    # calls, "all present"). A form opened before someone else's save is refused, not
    # applied over their edit.
    seen_version: int | None = None


def lock_session(session_id: int) -> ClassSession:
    """Marks of one session are written one writer at a time: two teachers saving the same
    session wait for each other, so both edits land in the history of one mark."""
    session = (ClassSession.objects.select_for_update().filter(pk=session_id)
               .select_related("run").first())
    if session is None:
        raise NotFound(_("This session does not exist."))
    return session


def ensure_markable(session: ClassSession, *, now: datetime.datetime) -> None:
    if session.is_cancelled:
        raise KopaError(_("This session was cancelled; it cannot be marked."),
                        code="session_cancelled", status=409)
    if session.starts_at - MARKING_OPENS_BEFORE > now:
        raise KopaError(_("This session has not started yet; mark it when it takes place."),
                        code="session_in_future", status=409)


@transaction.atomic
def set_marks(*, session_id: int, marks: Sequence[MarkInput], by: User,
              method: str = Method.TEACHER, only_unmarked: bool = False,
              now: datetime.datetime | None = None,
              queue_follow_ups: bool = True) -> list[AttendanceMark]:
    """Sets many marks in a fixed number of queries. Unchanged marks are left alone (no
    history line); `only_unmarked` ("all present") never overwrites a mark already set.
    Completion checks and warnings are queued after commit; a loader that runs them itself
    (the demo) passes queue_follow_ups=False."""
    now = now or timezone.now()
    session = lock_session(session_id)
    ensure_can_manage_run(by, session.run_id)
    ensure_markable(session, now=now)
    wanted: dict[int, MarkInput] = {}
    for item in marks:
        if item.status not in Status.values:
            raise KopaError(_("Unknown attendance status: %(status)s") % {"status": item.status},
                            code="bad_status", status=422)
        wanted[int(item.enrollment_id)] = item
    # An id no key can hold is nobody in the group (and must not reach the query: SQLite
    # raises OverflowError, PostgreSQL a DataError).
    in_run = set(Enrollment.objects.filter(run_id=session.run_id, state__in=SEAT_STATES,
                                           pk__in=[pk for pk in wanted if is_id(pk)])
                 .values_list("pk", flat=True))
    strangers = set(wanted) - in_run
    if strangers:
        raise KopaError(_("Some of these people are not in this group."),
                        code="not_in_group", status=422,
                        enrollment_ids=sorted(strangers))
    return write_marks(session=session, wanted=wanted, by=by, method=method,
                       only_unmarked=only_unmarked, now=now,
                       queue_follow_ups=queue_follow_ups)


def write_marks(*, session: ClassSession, wanted: dict[int, MarkInput], by: User | None,
                method: str,
                only_unmarked: bool, now: datetime.datetime,
                queue_follow_ups: bool = True) -> list[AttendanceMark]:
    """The rows themselves, for a locked session and checked input."""
    existing = {mark.enrollment_id: mark for mark in
                AttendanceMark.objects.filter(session=session, enrollment_id__in=wanted)}
    created, updated, history = [], [], []
    by_id = by.pk if by is not None and by.is_authenticated else None
    stale = [enrollment_id for enrollment_id, item in wanted.items()
             if item.seen_version is not None
             and item.seen_version != getattr(existing.get(enrollment_id), "version", 0)]
    if stale:
        raise Conflict(_("Someone else changed this mark after you opened the page. Check "
                         "the mark shown now and save again if it still needs changing."),
                       code="stale_mark", enrollment_ids=sorted(stale))
    for enrollment_id, item in wanted.items():
        mark = existing.get(enrollment_id)
        note = (checked_text(item.note, field="note").strip()[:255]
                if item.note is not None else None)
        if mark is None:
            mark = AttendanceMark(session=session, enrollment_id=enrollment_id,
                                  status=item.status, method=method, note=note or "",
                                  marked_by_id=by_id, marked_at=now)
            created.append(mark)
            history.append((mark, ""))
            continue
        if only_unmarked:
            continue
        if mark.status == item.status and (note is None or note == mark.note):
            continue
        previous = mark.status
        mark.status, mark.method, mark.marked_by_id, mark.marked_at = (
            item.status, method, by_id, now)
        if note is not None:
            mark.note = note
        mark.version += 1
        updated.append(mark)
        history.append((mark, previous))
    if created:
        AttendanceMark.objects.bulk_create(created)
    if updated:
        AttendanceMark.objects.bulk_update(
            updated, ["status", "method", "marked_by", "marked_at", "note", "version"])
    if history:
        AttendanceMarkChange.objects.bulk_create([
            AttendanceMarkChange(mark=mark, status=mark.status, previous_status=previous,
                                 method=mark.method, note=mark.note, by_id=by_id, at=now)
            for mark, previous in history])
    if history and queue_follow_ups:
        queue_completion_checks([mark.enrollment_id for mark, _previous in history])
        queue_recount(run_id=session.run_id, completion=False)
    return [mark for mark, _previous in history]


RECOUNT_EFFECT = "attendance.recount"


def queue_recount(*, run_id: int, completion: bool = True) -> None:
    """In this transaction: warnings for the group to be recounted; after a schedule change
    also every enrolment's completion (planned hours changed for everyone). One pending
    recount per group and kind, however many marks ask for it."""
    record_effect(RECOUNT_EFFECT, f"attendance:recount:{run_id}:{int(completion)}",
                  {"run_id": run_id, "completion": completion}, repeat=True)


def recount_run(*, run_id: int, completion: bool = True) -> None:
    """The recount's handler; idempotent (warnings are raised once, checks are checks)."""
    from attendance.services.warnings import refresh_warnings
    from courses.services import check_completion

    refresh_warnings(run_id=run_id)
    if completion:
        for enrollment_id in (Enrollment.objects.filter(run_id=run_id,
                                                        state=Enrollment.State.ACTIVE)
                              .values_list("pk", flat=True)):
            check_completion(enrollment_id=enrollment_id)
