"""The quiz API: start or resume an attempt, read it (questions without answers, or the
review the quiz allows), save an answer per slot, submit; for teachers, grade an answer.
Errors are `{"code","message"}`."""

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


@router.post("/quizzes/{quiz_id}/attempts", response={200: dict, 201: dict})
def start_or_resume(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.filter(visible_q()), pk=quiz_id)
    if not permissions.can_take_quiz(request.auth, quiz):
        raise NotAllowed(_("Enrol in a group of this course to take the quiz."),
                         code="not_enrolled")
    existing = selectors.open_attempt(quiz=quiz, user=request.auth)
    attempt = services.start_attempt(quiz=quiz, user=request.auth)
    resumed = existing is not None and attempt.pk == existing.pk
    return Status(200 if resumed else 201, selectors.attempt_view(attempt))


@router.get("/attempts/{attempt_id}", response=dict)
def read_attempt(request, attempt_id: int):
    attempt = _finish_if_overdue(_own_attempt(request, attempt_id))
    return selectors.attempt_view(attempt)


@router.put("/attempts/{attempt_id}/answers/{slot}", response=dict)
def save_answer(request, attempt_id: int, slot: int, payload: AnswerIn):
    attempt = _own_attempt(request, attempt_id)
    seen = {slot: payload.version} if payload.version is not None else None
    services.save_answers(attempt=attempt, responses={slot: payload.response}, seen=seen)
    version = attempt.answers.filter(position=slot).values_list("version", flat=True).first()
    return {"saved": slot, "version": version}


@router.post("/attempts/{attempt_id}/submit", response=dict)
def submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    attempt = services.submit_attempt(attempt_id=attempt.pk)
    return selectors.attempt_view(attempt)


@router.put("/attempt-answers/{answer_id}/grade", response=dict,
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
