"""Writes about courses, split by concern: completion (here from the start), enrolment."""

from courses.services.completion import (
    check_completion,
    queue_completion_check,
    queue_completion_checks,
    record_event,
    sign_off,
)

__all__ = ["check_completion", "queue_completion_check", "queue_completion_checks",
           "record_event", "sign_off"]

from courses.services.enrolment import (
    add_person,
    enroll,
    enroll_many,
    fill_from_waitlist,
    withdraw,
)

__all__ += ["add_person", "enroll", "enroll_many", "fill_from_waitlist", "withdraw"]
