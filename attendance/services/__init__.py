"""Writes about attendance, split by concern: the schedule, marks, self check-in,
warnings, calendar feeds and personal data."""

from attendance.services.checkin import check_in, code_is_valid, current_code
from attendance.services.feeds import feed_for, reset_feed
from attendance.services.marks import MarkInput, queue_recount, recount_run, set_marks
from attendance.services.schedule import (
    add_session,
    generate_schedule,
    session_version,
    update_session,
)
from attendance.services.warnings import refresh_warnings, send_warning_notices

__all__ = [
    "MarkInput",
    "add_session",
    "check_in",
    "code_is_valid",
    "current_code",
    "feed_for",
    "generate_schedule",
    "queue_recount",
    "recount_run",
    "refresh_warnings",
    "reset_feed",
    "send_warning_notices",
    "session_version",
    "set_marks",
    "update_session",
]
