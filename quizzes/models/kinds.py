"""Every kind of question by its key; a frozen spec names its kind, and grades by it."""

from quizzes.models.choice_kinds import (
    MatchingQuestion,
    MultipleChoiceQuestion,
    OrderingQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from quizzes.models.questions import Question
from quizzes.models.typed_kinds import (
    EssayQuestion,
    GapFillQuestion,
    NumericalQuestion,
    ShortAnswerQuestion,
)

KINDS: dict[str, type[Question]] = {
    model.kind: model for model in (
        SingleChoiceQuestion, MultipleChoiceQuestion, TrueFalseQuestion, ShortAnswerQuestion,
        NumericalQuestion, GapFillQuestion, MatchingQuestion, OrderingQuestion, EssayQuestion)
}


def _refuse_unfinished_kinds() -> None:
    """Each kind must implement grading itself: one that forgot would otherwise inherit the
    base's refusal and only fail when a learner submits."""
    for name, kind in KINDS.items():
        if kind.grade_spec.__func__ is Question.grade_spec.__func__:
            raise TypeError(f"question kind {name!r} ({kind.__name__}) does not implement "
                            "grade_spec()")


_refuse_unfinished_kinds()


def kind_of(spec: dict) -> type[Question]:
    return KINDS[spec["kind"]]


def grade_spec(spec: dict, response) -> float | None:
    return kind_of(spec).grade_spec(spec, response)
