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


def kind_of(spec: dict) -> type[Question]:
    return KINDS[spec["kind"]]


def grade_spec(spec: dict, response) -> float | None:
    return kind_of(spec).grade_spec(spec, response)
