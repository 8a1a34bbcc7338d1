from quizzes.models.attempts import Attempt, AttemptAnswer
from quizzes.models.kinds import (
    KINDS,
    EssayQuestion,
    GapFillQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    NumericalQuestion,
    OrderingQuestion,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from quizzes.models.pages import QuizPage, QuizSlot, ReviewItem, ReviewTime
from quizzes.models.questions import Question, QuestionCategory

__all__ = [
    "KINDS",
    "Attempt",
    "AttemptAnswer",
    "EssayQuestion",
    "GapFillQuestion",
    "MatchingQuestion",
    "MultipleChoiceQuestion",
    "NumericalQuestion",
    "OrderingQuestion",
    "Question",
    "QuestionCategory",
    "QuizPage",
    "QuizSlot",
    "ReviewItem",
    "ReviewTime",
    "ShortAnswerQuestion",
    "SingleChoiceQuestion",
    "TrueFalseQuestion",
]
