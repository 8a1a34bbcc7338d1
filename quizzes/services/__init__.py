from quizzes.services.attempts import (
    erase_attempts,
    grade_answer,
    save_answers,
    start_attempt,
    submit_attempt,
    submit_when_due,
)

__all__ = ["erase_attempts", "grade_answer", "save_answers", "start_attempt", "submit_attempt",
           "submit_when_due"]
