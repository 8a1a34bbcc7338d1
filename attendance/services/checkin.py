"""Self check-in: during a session the teacher shows a six-digit code (and a QR code with
it) that changes every 30 seconds; the previous code still works for a short grace, so a
learner typing it as it changes is not refused."""

import datetime
import hashlib
import hmac
import unicodedata

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from attendance.models import AttendanceMark, ClassSession, Method, Status
from attendance.permissions import seat_in_run
from attendance.selectors.sessions import checkin_window
from attendance.services.marks import MarkInput, lock_session, write_marks
from cms.errors import Conflict, KopaError, NotAllowed

CODE_PERIOD_SECONDS = 30
CODE_GRACE_SECONDS = 15
MAX_WRONG_CODES = 10  # per person and session in ten minutes: six digits are not guessed


def code_at(session: ClassSession, moment: datetime.datetime) -> str:
    step = int(moment.timestamp()) // CODE_PERIOD_SECONDS
    digest = hmac.new(session.checkin_secret.encode(), str(step).encode(),
                      hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 1_000_000:06d}"


def current_code(session: ClassSession, *, now: datetime.datetime | None = None,
                 ) -> tuple[str, int]:
    """The code to show and the seconds until it changes."""
    now = now or timezone.now()
    left = CODE_PERIOD_SECONDS - int(now.timestamp()) % CODE_PERIOD_SECONDS
    return code_at(session, now), left


def normalise_code(code: str | None) -> str | None:
    """The code as six ASCII digits, or None. Learners with an Arabic or Persian keyboard
    type U+0660-9 or U+06F0-9, which are the same digits; spaces are how people group
    them. Anything else (superscripts, letters) makes it no code at all rather than a
    shorter one."""
    digits = []
    for ch in code or "":
        if ch.isspace():
            continue
        value = unicodedata.decimal(ch, None)
        if value is None:
            return None
        digits.append(str(value))
    return "".join(digits) if len(digits) == 6 else None


def code_is_valid(session: ClassSession, code: str | None, *,
                  now: datetime.datetime) -> bool:
    # compare_digest refuses non-ASCII text (TypeError), so only ASCII digits reach it.
    code = normalise_code(code)
    if code is None:
        return False
    if hmac.compare_digest(code, code_at(session, now)):
        return True
    into_period = int(now.timestamp()) % CODE_PERIOD_SECONDS
    previous = now - datetime.timedelta(seconds=CODE_PERIOD_SECONDS)
    return into_period < CODE_GRACE_SECONDS and hmac.compare_digest(
        code, code_at(session, previous))


def attempts_key(session_id: int, user_id: int) -> str:
    return f"attendance:checkin-wrong:{session_id}:{user_id}"


@transaction.atomic
def check_in(*, session_id: int, user: User, code: str,
             now: datetime.datetime | None = None) -> AttendanceMark:
    """Marks the learner present (late after the session's minute) or says why not."""
    now = now or timezone.now()
    session = lock_session(session_id)
    enrollment = seat_in_run(user, session.run_id)
    if enrollment is None:
        raise NotAllowed(_("You are not in this group, so you cannot check in to its "
                           "session."), code="not_in_group")
    if session.is_cancelled:
        raise KopaError(_("This session was cancelled."), code="session_cancelled", status=409)
    opens, closes = checkin_window(session)
    if now < opens:
        raise KopaError(
            _("This session has not started yet. Check in when it begins (from %(time)s).")
            % {"time": timezone.localtime(opens).strftime("%H:%M")},
            code="session_in_future", status=409)
    if now > closes:
        raise KopaError(_("Check-in for this session has closed."), code="checkin_closed",
                        status=409)
    existing = AttendanceMark.objects.filter(session=session, enrollment=enrollment).first()
    if existing is not None and existing.status in (Status.PRESENT, Status.LATE):
        raise Conflict(_("You are already checked in to this session."),
                       code="already_checked_in")
    key = attempts_key(session.pk, user.pk)
    if (cache.get(key) or 0) >= MAX_WRONG_CODES:
        raise KopaError(_("Too many wrong codes. Ask your teacher to mark you."),
                        code="too_many_attempts", status=429, retry_after=600)
    if not code_is_valid(session, code, now=now):
        cache.add(key, 0, timeout=600)
        cache.incr(key)
        raise KopaError(_("This code is wrong or has expired. Type the code your teacher "
                          "is showing now."), code="wrong_code", status=422)
    late = now > session.starts_at + datetime.timedelta(minutes=session.late_after_minutes)
    status = Status.LATE if late else Status.PRESENT
    marks = write_marks(session=session,
                        wanted={enrollment.pk: MarkInput(enrollment_id=enrollment.pk,
                                                         status=status)},
                        by=user, method=Method.SELF, only_unmarked=False, now=now)
    return marks[0]
