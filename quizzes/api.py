"""The quiz API: start or resume an attempt, read it (questions without answers, or the
review the quiz allows), save an answer per slot, submit; for teachers, grade an answer.
Errors are `{"code","message"}`."""

import datetime
from decimal import Decimal
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from cms.errors import NotAllowed, NotFound
from courses.selectors.catalogue import visible_q
from quizzes import permissions, selectors, services
from quizzes.models import Attempt, AttemptAnswer, QuizPage

router = Router(tags=["quizzes"])


class AnswerIn(Schema):
    response: dict[str, Any] | None
    # The `version` of the answer the client last read (GET /attempts/{id}); when given, an
    # answer changed since is not overwritten (409 `stale_answer`).
    version: int | None = None


class GradeIn(Schema):
    mark: Decimal
    comment: str = ""


class QuestionOut(Schema):
    """One question of an attempt, with what the quiz's review options show now: keys the
    options hide are absent (not null)."""

    position: int
    # What the learner is shown, by kind (`kind`, `text`, and its choices, items or gaps
    # with ids that say nothing of the right answer).
    question: dict[str, Any]
    max_mark: float | None = None
    version: int | None = None  # while in progress: send it back with a save
    response: Any = None
    response_text: str | None = None
    outcome: str | None = None  # right, partial, wrong or pending
    mark: float | None = None
    feedback: str | None = None
    comment: str | None = None
    right_answer: str | None = None


class AttemptOut(Schema):
    id: int
    quiz: int
    number: int
    state: str
    started_at: datetime.datetime
    deadline: datetime.datetime | None
    submitted_at: datetime.datetime | None
    review: list[str]
    questions: list[QuestionOut]
    # Only when the review options show marks now.
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    passed: bool | None = None


class SavedOut(Schema):
    saved: int
    version: int | None


class GradedOut(Schema):
    id: int
    attempt: int
    position: int
    mark: float
    comment: str
    attempt_state: str
    score: float | None
    passed: bool | None


def _own_attempt(request, attempt_id: int) -> Attempt:
    attempt = Attempt.objects.select_related("quiz").filter(pk=attempt_id).first()
    if attempt is None or not permissions.can_answer(request.auth, attempt):
        raise NotFound(_("No such attempt."), code="attempt_not_found")
    return attempt


def _finish_if_overdue(attempt: Attempt) -> Attempt:
    from django.utils import timezone

    if attempt.is_open and attempt.deadline and \
            timezone.now() > attempt.deadline + services.attempts.DEADLINE_GRACE:
        return services.submit_attempt(attempt_id=attempt.pk)
    return attempt


@router.post("/quizzes/{quiz_id}/attempts", response={200: AttemptOut, 201: AttemptOut},
             exclude_unset=True)
def start_or_resume(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.filter(visible_q()), pk=quiz_id)
    if not permissions.can_take_quiz(request.auth, quiz):
        raise NotAllowed(_("Enrol in a group of this course to take the quiz."),
                         code="not_enrolled")
    existing = selectors.open_attempt(quiz=quiz, user=request.auth)
    attempt = services.start_attempt(quiz=quiz, user=request.auth)
    resumed = existing is not None and attempt.pk == existing.pk
    return Status(200 if resumed else 201, selectors.attempt_view(attempt))


@router.get("/attempts/{attempt_id}", response=AttemptOut, exclude_unset=True)
def read_attempt(request, attempt_id: int):
    attempt = _finish_if_overdue(_own_attempt(request, attempt_id))
    return selectors.attempt_view(attempt)


@router.put("/attempts/{attempt_id}/answers/{slot}", response=SavedOut)
def save_answer(request, attempt_id: int, slot: int, payload: AnswerIn):
    attempt = _own_attempt(request, attempt_id)
    seen = {slot: payload.version} if payload.version is not None else None
    services.save_answers(attempt=attempt, responses={slot: payload.response}, seen=seen)
    version = attempt.answers.filter(position=slot).values_list("version", flat=True).first()
    return {"saved": slot, "version": version}


@router.post("/attempts/{attempt_id}/submit", response=AttemptOut, exclude_unset=True)
def submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    attempt = services.submit_attempt(attempt_id=attempt.pk)
    return selectors.attempt_view(attempt)


@router.put("/attempt-answers/{answer_id}/grade", response=GradedOut,
            summary="Grade an answer (teachers of the group it was given in, managers)")
def grade_answer(request, answer_id: int, payload: GradeIn):
    answer = AttemptAnswer.objects.select_related("attempt").filter(pk=answer_id).first()
    # Someone who may not grade it learns nothing, not even that it exists.
    if answer is None or not permissions.can_grade(request.auth, answer.attempt):
        raise NotFound(_("No such answer to grade."), code="answer_not_found")
    answer = services.grade_answer(answer=answer, by=request.auth, mark=payload.mark,
                                   comment=payload.comment)
    attempt = Attempt.objects.get(pk=answer.attempt_id)
    return {"id": answer.pk, "attempt": attempt.pk, "position": answer.position,
            "mark": float(answer.mark), "comment": answer.comment,
            "attempt_state": attempt.state,
            "score": float(attempt.score) if attempt.score is not None else None,
            "passed": attempt.passed}
