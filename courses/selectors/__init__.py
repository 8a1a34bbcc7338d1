"""Reads about courses, split by concern: catalogue, enrolment, completion."""

from courses.selectors.completion import completion_status, completion_status_many

__all__ = ["completion_status", "completion_status_many"]

from courses.selectors.enrolment import (
    enrollments_of,
    participants_of,
    run_detail,
    runs_for_listing,
    with_seats,
    with_waitlist_position,
)

__all__ += ["enrollments_of", "participants_of", "run_detail", "runs_for_listing",
            "with_seats", "with_waitlist_position"]
