"""Reads about attendance, split by concern: figures (computed in the database) and
sessions, rosters and warnings. `run_figures` is what other apps (organisations) call."""

from attendance.selectors.figures import (
    EnrollmentFigures,
    enrollment_figures,
    figures_for_enrollments,
    hours_attended_by_enrollment,
    policy_for,
    run_figures,
    run_schedule,
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
    "checkin_window",
    "enrollment_figures",
    "figures_for_enrollments",
    "hours_attended_by_enrollment",
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
]
