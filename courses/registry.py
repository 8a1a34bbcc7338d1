"""Completion is owned here, but what counts towards it lives in later apps (lessons done,
quizzes passed, attendance). They register criteria in their AppConfig.ready(), as
Moodle's completion criteria are plugins; `certificates` subscribes to "enrolment
completed" the same way. No import of a later app from this one."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courses.models import Enrollment


@dataclass(frozen=True)
class CriterionResult:
    """Whether one rule holds for an enrolment, with a line a learner can read."""

    key: str
    met: bool
    label: str
    detail: str = ""
    progress: float | None = None  # 0..1 where it makes sense


@dataclass(frozen=True)
class CompletionCriterion:
    key: str
    # Returns None when the rule does not apply to the enrolment's course.
    evaluate: Callable[["Enrollment"], CriterionResult | None]
    # For many enrolments at once (a whole run) without a query per person.
    evaluate_many: Callable[[list["Enrollment"]], dict[int, CriterionResult | None]] | None = (
        field(default=None))


_criteria: dict[str, CompletionCriterion] = {}
_completion_listeners: dict[str, Callable[[int], None]] = {}


def register_completion_criterion(criterion: CompletionCriterion) -> None:
    _criteria[criterion.key] = criterion


def completion_criteria() -> list[CompletionCriterion]:
    return list(_criteria.values())


def on_enrollment_completed(key: str, listener: Callable[[int], None]) -> None:
    """`listener(enrollment_id)` runs inside the completing transaction: it records what
    must follow (`cms.services.record_effect`) rather than doing it."""
    _completion_listeners[key] = listener


def completion_listeners() -> list[Callable[[int], None]]:
    return list(_completion_listeners.values())
