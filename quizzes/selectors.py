"""Reads: what a learner may see of an attempt, results and statistics for teachers, and
the completion rule "the course's required quizzes are passed"."""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, NotRequired, TypedDict
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.models import User
from courses.models import Enrollment
from quizzes.models import Attempt, AttemptAnswer, QuizPage, ReviewItem
from quizzes.models.choice_kinds import _ChoiceQuestionBase
from quizzes.models.kinds import kind_of

if TYPE_CHECKING:
    from courses.registry import CriterionResult
    from courses.selectors.outline import ItemProgress

REVIEW_AFTER_WINDOW = datetime.timedelta(minutes=2)


class Result(TypedDict):
    """How an attempt scored, as far as the learner may see it (`visible_result`)."""

    score: float | None
    max_score: float
    percent: float | None
    passed: bool | None


class LearnerResult(TypedDict):
    """A learner's row of `quiz_results`: their attempts and the best finished one."""

    user: User
    attempts: list[Attempt]
    best: Attempt | None


class QuestionStatistics(TypedDict):
    """One bank question's row of `question_statistics`."""

    name: str
    kind: str
    count: int
    credit: float
    graded: int
    picks: Counter[str]
    choices: NotRequired[list[str]]
    facility: NotRequired[int | None]
    pick_rows: NotRequired[list[tuple[str, int, int]]]


def review_items(attempt: Attempt, *, now: datetime.datetime | None = None) -> set[str]:
    """What the quiz's review options let the learner see of this attempt now."""
    now = now or timezone.now()
    quiz = attempt.quiz
    if attempt.state == Attempt.State.IN_PROGRESS:
        items = quiz.review_during
    elif quiz.closes_at and now >= quiz.closes_at:
        items = quiz.review_closed
    elif attempt.submitted_at and now - attempt.submitted_at <= REVIEW_AFTER_WINDOW:
        items = quiz.review_after
    else:
        items = quiz.review_later
    return set(items or ())


def visible_result(attempt: Attempt, *, now: datetime.datetime | None = None,
                   items: set[str] | None = None) -> Result | None:
    """The one answer to "may the learner see how this attempt scored, now?": score,
    maximum, percent and passed when the quiz's review options show marks at this moment,
    else None. The review page, the API, /my/, the quiz page and the personal-data export
    all ask here, so none shows a result the options hide."""
    if attempt.state == Attempt.State.IN_PROGRESS:
        return None
    if items is None:
        items = review_items(attempt, now=now)
    if ReviewItem.MARKS not in items:
        return None
    return {"score": float(attempt.score) if attempt.score is not None else None,
            "max_score": float(attempt.max_score),
            "percent": float(attempt.percent) if attempt.percent is not None else None,
            "passed": attempt.passed}


def _outcome(answer: AttemptAnswer) -> str:
    if answer.needs_grading or answer.fraction is None:
        return "pending"
    if answer.fraction >= 1:
        return "right"
    return "partial" if answer.fraction > 0 else "wrong"


def answer_view(answer: AttemptAnswer, items: set[str], *,
                in_progress: bool) -> dict[str, object]:
    """One question as the learner may see it; nothing here leaks what `items` withholds."""
    kind = kind_of(answer.spec)
    view: dict[str, object] = {"position": answer.position, "question": answer.public,
            "max_mark": float(answer.max_mark) if ReviewItem.MARKS in items or in_progress
            else None}
    if in_progress:
        view["version"] = answer.version  # sent back with a save (see save_answers)
    if in_progress or ReviewItem.ANSWER in items:
        view["response"] = answer.response
        view["response_text"] = kind.describe_response(answer.spec, answer.response)
    if not in_progress or items:
        if ReviewItem.CORRECTNESS in items and (not in_progress or answer.saved_at):
            view["outcome"] = _outcome(answer) if not in_progress else _outcome_now(answer)
        if ReviewItem.MARKS in items and not in_progress:
            view["mark"] = None if answer.mark is None else float(answer.mark)
        if ReviewItem.FEEDBACK in items:
            notes = [kind.feedback(answer.spec, answer.response),
                     answer.spec.get("general_feedback", "") if not in_progress else ""]
            view["feedback"] = " ".join(note for note in notes if note)
            view["comment"] = answer.comment
        if ReviewItem.RIGHT_ANSWER in items:
            view["right_answer"] = kind.right_answer(answer.spec)
    return view


def _outcome_now(answer: AttemptAnswer) -> str:
    fraction = kind_of(answer.spec).grade_spec(answer.spec, answer.response)
    if fraction is None:
        return "pending"
    return "right" if fraction >= 1 else "partial" if fraction > 0 else "wrong"


def attempt_view(attempt: Attempt, *, now: datetime.datetime | None = None,
                 positions: list[int] | None = None) -> dict[str, object]:
    items = review_items(attempt, now=now)
    in_progress = attempt.state == Attempt.State.IN_PROGRESS
    answers = attempt.answers.all()
    if positions is not None:
        answers = answers.filter(position__in=positions)
    view: dict[str, object] = {"id": attempt.pk, "quiz": attempt.quiz_id, "number": attempt.number,
            "state": attempt.state, "started_at": attempt.started_at,
            "deadline": attempt.deadline, "submitted_at": attempt.submitted_at,
            "review": sorted(items),
            "questions": [answer_view(a, items, in_progress=in_progress) for a in answers]}
    view.update(visible_result(attempt, items=items) or {})
    return view


def attempts_of(*, user: User, quiz: QuizPage) -> QuerySet[Attempt]:
    """The person's attempts at the quiz in all its translations (one quiz, one count)."""
    return (Attempt.objects.filter(user=user, quiz__translation_key=quiz.translation_key)
            .select_related("quiz").order_by("number"))


def open_attempt(*, quiz: QuizPage, user: User) -> Attempt | None:
    """The attempt in progress at the quiz, in whichever of its translations it was
    started (one quiz, one attempt open at a time)."""
    return attempts_of(user=user, quiz=quiz).filter(state=Attempt.State.IN_PROGRESS).first()


def best_result(attempts: Iterable[Attempt]) -> Result | None:
    """The best finished result among these attempts that the learner may see now."""
    shown = [result for attempt in attempts if attempt.state == Attempt.State.FINISHED
             and (result := visible_result(attempt)) and result["percent"] is not None]
    # `or 0.0` only for mypy: results without a percent were left out just above.
    return max(shown, key=lambda result: result["percent"] or 0.0, default=None)


def learner_summary(*, user: User) -> dict[str, object]:
    """For /my/: attempts to continue, and recent ones with only the result the review
    options show now (None hides it)."""
    attempts = list(Attempt.objects.filter(user=user).select_related("quiz")
                    .order_by("-started_at")[:10])
    return {"in_progress": [a for a in attempts if a.state == Attempt.State.IN_PROGRESS],
            "recent": [{"attempt": a, "result": visible_result(a)} for a in attempts
                       if a.state != Attempt.State.IN_PROGRESS][:5]}


# --- teachers ---------------------------------------------------------------------------

def grading_queue(attempts: QuerySet[Attempt]) -> QuerySet[AttemptAnswer]:
    return (AttemptAnswer.objects.filter(needs_grading=True, attempt__in=attempts)
            .select_related("attempt__quiz", "attempt__user")
            .order_by("attempt__submitted_at", "position"))


def quiz_results(*, quiz: QuizPage, attempts: QuerySet[Attempt]) -> list[LearnerResult]:
    """Best finished attempt per learner, with how many they took."""
    rows: dict[int, LearnerResult] = {}
    for attempt in (attempts.filter(quiz__translation_key=quiz.translation_key)
                    .select_related("user").order_by("user_id", "number")):
        row = rows.setdefault(attempt.user_id, {"user": attempt.user, "attempts": [],
                                                "best": None})
        row["attempts"].append(attempt)
        # A finished attempt has its percent (`_settle` sets it with the score); `or 0`
        # ranks a row made otherwise lowest instead of failing on None.
        if attempt.state == Attempt.State.FINISHED and (
                row["best"] is None or (attempt.percent or 0) > (row["best"].percent or 0)):
            row["best"] = attempt
    return sorted(rows.values(), key=lambda row: row["user"].name.lower())


def question_statistics(*, quiz: QuizPage,
                        attempts: QuerySet[Attempt]) -> list[QuestionStatistics]:
    """Facility (average credit) and how often each choice was picked, per bank question,
    over submitted attempts."""
    answers = (AttemptAnswer.objects
               .filter(attempt__in=attempts.filter(quiz__translation_key=quiz.translation_key)
                       .exclude(state=Attempt.State.IN_PROGRESS))
               .only("question_id", "spec", "response", "fraction"))
    stats: defaultdict[int | str, QuestionStatistics] = defaultdict(
        lambda: {"count": 0, "credit": 0.0, "graded": 0, "picks": Counter(), "name": "",
                 "kind": ""})
    for answer in answers:
        key = answer.question_id or f"{answer.spec.get('id')}"
        row = stats[key]
        row["name"], row["kind"] = answer.spec.get("name", ""), answer.spec["kind"]
        row["count"] += 1
        if answer.fraction is not None:
            row["graded"] += 1
            row["credit"] += float(answer.fraction)
        kind = kind_of(answer.spec)
        if issubclass(kind, _ChoiceQuestionBase):  # single and multiple choice
            for index in kind._picked(answer.spec, answer.response):
                row["picks"][answer.spec["choices"][index]["text"]] += 1
            row.setdefault("choices", [c["text"] for c in answer.spec["choices"]])
        elif answer.spec["kind"] == "true_false":
            text = kind.describe_response(answer.spec, answer.response)
            if text:
                row["picks"][text] += 1
    result = []
    for row in stats.values():
        row["facility"] = round(100 * row["credit"] / row["graded"]) if row["graded"] else None
        row["pick_rows"] = [(text, row["picks"].get(text, 0),
                             round(100 * row["picks"].get(text, 0) / row["count"]))
                            for text in row.get("choices", sorted(row["picks"]))]
        result.append(row)
    return sorted(result, key=lambda row: row["name"])


# --- completion -------------------------------------------------------------------------

def outline_progress(user: User | AnonymousUser | None,
                     pages: list[Page]) -> "dict[int, ItemProgress]":
    """The quizzes among a course outline's (original) pages: whether completion needs
    them. They do not count in the outline's "lessons done" figures. One query."""
    quiz_model = QuizPage._meta.model_name
    ids = [page.pk for page in pages if page.content_type.model == quiz_model]
    if not ids:
        return {}
    from courses.selectors.outline import ItemProgress

    return {pk: ItemProgress(counts=False, required=required) for pk, required in
            QuizPage.objects.filter(pk__in=ids).values_list("pk", "required_for_completion")}


def _result(passed: int, shown: int, waiting: int, total: int) -> "CriterionResult":
    """`passed` decides; the line and the bar a learner reads count only passes whose result
    the quiz's review options show now (`shown`), and call the rest "waiting for results"
    whether passed or not, so the progress line is no way round a quiz that keeps results
    back (issue 10, item 7)."""
    from courses.registry import CriterionResult

    detail = _("%(passed)s of %(total)s required quizzes passed") % {
        "passed": shown, "total": total}
    if waiting and passed < total:
        detail += "; " + _("%(count)s waiting for results") % {"count": waiting}
    return CriterionResult(
        key="quizzes", met=passed >= total, label=_("Quizzes passed"), detail=detail,
        progress=(1.0 if passed >= total else shown / total) if total else 1.0)


def _finished_keys(user_ids: list[int], keys: set[UUID]
                   ) -> tuple[dict[int, set[UUID]], dict[int, set[UUID]], dict[int, set[UUID]]]:
    """Per person: the quizzes passed; those whose pass the learner may see now; those
    with a finished attempt but no visible result yet. One query."""
    passed: dict[int, set[UUID]] = defaultdict(set)
    shown: dict[int, set[UUID]] = defaultdict(set)
    finished: dict[int, set[UUID]] = defaultdict(set)
    now = timezone.now()
    for attempt in (Attempt.objects.filter(user_id__in=user_ids, state=Attempt.State.FINISHED,
                                           quiz__translation_key__in=keys)
                    .select_related("quiz")
                    .only("user_id", "state", "submitted_at", "passed",
                          "quiz__translation_key", "quiz__closes_at", "quiz__review_after",
                          "quiz__review_later", "quiz__review_closed",
                          "quiz__review_during")):
        key = attempt.quiz.translation_key
        finished[attempt.user_id].add(key)
        if attempt.passed:
            passed[attempt.user_id].add(key)
            if visible_result(attempt, now=now, items=review_items(attempt, now=now)):
                shown[attempt.user_id].add(key)
    waiting = {user: keys_ - shown[user] for user, keys_ in finished.items()}
    return passed, shown, waiting


def evaluate_quizzes_passed(enrollment: Enrollment) -> "CriterionResult | None":
    """Met when every published required quiz of the course (its original's tree) has a
    finished attempt at or above its pass mark (in any of the quiz's translations). None
    when the course has none."""
    return evaluate_quizzes_passed_many([enrollment])[enrollment.pk]


def evaluate_quizzes_passed_many(enrollments: list[Enrollment]
                                 ) -> "dict[int, CriterionResult | None]":
    results: dict[int, CriterionResult | None] = {}
    by_course: dict[int, list[Enrollment]] = defaultdict(list)
    for enrollment in enrollments:
        by_course[enrollment.run.course_id].append(enrollment)
    from courses.selectors.outline import required_keys_by_course

    required = required_keys_by_course(
        [group[0].run.course for group in by_course.values()], QuizPage)
    for course_id, course_enrollments in by_course.items():
        keys = required.get(course_id, set())
        if not keys:
            results.update({e.pk: None for e in course_enrollments})
            continue
        passed, shown, waiting = _finished_keys([e.user_id for e in course_enrollments], keys)
        for enrollment in course_enrollments:
            user = enrollment.user_id
            results[enrollment.pk] = _result(len(passed[user] & keys), len(shown[user] & keys),
                                             len(waiting.get(user, set()) & keys), len(keys))
    return results


def export_attempts(user: User) -> dict[str, list[dict[str, object]]]:
    """The learner's quiz attempts, for a subject-access request: always their own answers;
    score, passed, marks and comments only as far as the review options show them now
    (the export must not be a way round a quiz that keeps results back)."""
    attempts: list[dict[str, object]] = []
    for attempt in (Attempt.objects.filter(user=user).select_related("quiz")
                    .prefetch_related("answers").order_by("started_at")):
        items = review_items(attempt)
        result = visible_result(attempt, items=items)
        row: dict[str, object] = {
            "quiz": attempt.quiz.title, "number": attempt.number, "state": attempt.state,
            "started_at": attempt.started_at.isoformat(),
            "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
            "answers": [_exported_answer(a, items, shown=result is not None)
                        for a in attempt.answers.all()]}
        if result is not None:
            row.update(score=str(attempt.score) if attempt.score is not None else None,
                       max_score=str(attempt.max_score), passed=attempt.passed)
        attempts.append(row)
    return {"attempts": attempts}


def _exported_answer(answer: AttemptAnswer, items: set[str], *,
                     shown: bool) -> dict[str, object]:
    # `answer` in words: the stored response names choices by tokens that mean nothing
    # outside the attempt.
    row: dict[str, object] = {"position": answer.position, "question": answer.spec.get("name", ""),
           "response": answer.response,
           "answer": kind_of(answer.spec).describe_response(answer.spec, answer.response)}
    if shown:
        row["mark"] = str(answer.mark) if answer.mark is not None else None
    if ReviewItem.FEEDBACK in items and answer.comment:
        row["comment"] = answer.comment
    return row
