"""Reads about attendance, split by concern: the hours engine (`hours`: offered and attended
hours, the one place they are counted), figures built on it, and sessions, rosters and
warnings. Other apps call `hours_by_enrollment` (certificates) and `with_hours` (reports)."""

from attendance.selectors.figures import (
    EnrollmentFigures,
    enrollment_figures,
    figures_for_enrollments,
    policy_for,
    run_figures,
)
from attendance.selectors.hours import (
    PersonHours,
    hours_by_enrollment,
    run_schedule,
    with_hours,
)
from attendance.selectors.sessions import (
    checkin_window,
    is_checkin_open,
    learner_marks,
    learner_sessions,
    open_sessions_for,
    open_warnings,
    roster_row,
    run_sessions,
    session_roster,
)

__all__ = [
    "EnrollmentFigures",
    "PersonHours",
    "checkin_window",
    "enrollment_figures",
    "figures_for_enrollments",
    "hours_by_enrollment",
    "is_checkin_open",
    "learner_marks",
    "learner_sessions",
    "open_sessions_for",
    "open_warnings",
    "policy_for",
    "roster_row",
    "run_figures",
    "run_schedule",
    "run_sessions",
    "session_roster",
    "with_hours",
]
