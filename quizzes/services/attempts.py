"""The attempt lifecycle: start (questions drawn and frozen) → in progress (answers saved as
the learner goes) → submitted → graded, or waiting for a teacher's essay grading → finished.
The server keeps the clock: past the deadline an attempt is submitted with what was saved."""

import datetime
import json
import logging
import random
import secrets
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from accounts.validators import text_control_characters
from cms.errors import Conflict, KopaError, NotAllowed
from cms.services import record_effect
from quizzes.models import Attempt, AttemptAnswer, Question, QuizPage
from quizzes.models.ids import Dealer
from quizzes.models.kinds import kind_of
from quizzes.selectors import attempts_of, open_attempt

logger = logging.getLogger(__name__)
# A request sent just before the deadline may arrive a little after it.
DEADLINE_GRACE = datetime.timedelta(seconds=15)
DEADLINE_EFFECT = "quizzes.deadline"
MAX_RESPONSE_CHARS = 20_000
TWO_PLACES = Decimal("0.01")


def _draw_questions(quiz: QuizPage, rng: random.Random
                    ) -> list[tuple[Question, Decimal | None]]:
    """The questions of a new attempt with the mark each carries, in slot order (None: the
    question's default mark)."""
    picks: list[tuple[int, Decimal | None]] = []
    used: set[int] = {slot.question_id for slot in quiz.slots.all() if slot.question_id}
    for slot in quiz.slots.select_related("category").all():
        if slot.question_id:
            picks.append((slot.question_id, slot.mark))
            continue
        category_ids = (slot.category.descendant_ids() if slot.include_subcategories
                        else [slot.category_id])
        pool = sorted(set(Question.objects.filter(category_id__in=category_ids)
                          .exclude(pk__in=used).values_list("pk", flat=True)))
        if len(pool) < slot.random_count:
            raise KopaError(_("This quiz is not ready yet: a category has too few questions."),
                            code="quiz_not_ready")
        for pk in rng.sample(pool, slot.random_count):
            used.add(pk)
            picks.append((pk, slot.mark))
    questions = Question.objects.in_bulk([pk for pk, _mark in picks])
    if len(questions) != len({pk for pk, _mark in picks}):
        raise KopaError(_("This quiz is not ready yet."), code="quiz_not_ready")
    drawn = [(questions[pk], mark) for pk, mark in picks]
    if not drawn:
        raise KopaError(_("This quiz has no questions yet."), code="quiz_not_ready")
    return drawn


def _deadline(quiz: QuizPage, now: datetime.datetime) -> datetime.datetime | None:
    ends = [quiz.closes_at] if quiz.closes_at else []
    if quiz.time_limit_minutes:
        ends.append(now + datetime.timedelta(minutes=quiz.time_limit_minutes))
    return min(ends) if ends else None


def _refuse_when_used_up(quiz: QuizPage, done: QuerySet[Attempt]) -> None:
    if quiz.attempts_allowed and done.count() >= quiz.attempts_allowed:
        raise NotAllowed(_("You have used all your attempts at this quiz."),
                         code="no_attempts_left")


def _lock_person(user: User) -> None:
    """Serialises one person's starts (two tabs, or two translations of the quiz at once),
    so the count of attempts cannot be read by both before either writes. On SQLite the
    transaction already holds the database's write lock."""
    list(get_user_model().objects.select_for_update().filter(pk=user.pk)
         .values_list("pk", flat=True))


def start_attempt(*, quiz: QuizPage, user: User, now: datetime.datetime | None = None) -> Attempt:
    """Starts a new attempt, or returns the one in progress (a reload resumes it, also
    when it was started in another translation of the quiz)."""
    from quizzes.permissions import taking_run_id

    now = now or timezone.now()
    current = open_attempt(quiz=quiz, user=user)
    if current is not None:
        if current.deadline and now > current.deadline + DEADLINE_GRACE:
            submit_attempt(attempt_id=current.pk, now=now)
        else:
            return current
    if not quiz.is_open(now):
        raise NotAllowed(_("This quiz is not open now."), code="quiz_closed")
    _refuse_when_used_up(quiz, attempts_of(user=user, quiz=quiz))
    seed = secrets.randbelow(2**31)
    rng = random.Random(seed)  # noqa: S311 - order of questions, not a secret
    drawn = _draw_questions(quiz, rng)
    if quiz.shuffle_questions:
        rng.shuffle(drawn)
    dealer = Dealer(rng, shuffle_choices=quiz.shuffle_choices)
    run_id = taking_run_id(user, quiz)
    try:
        with transaction.atomic():
            _lock_person(user)
            current = open_attempt(quiz=quiz, user=user)
            if current is not None:
                return current
            done = attempts_of(user=user, quiz=quiz)
            _refuse_when_used_up(quiz, done)
            last_number = done.aggregate(last=Max("number"))["last"] or 0
            attempt = Attempt.objects.create(quiz=quiz, user=user, number=last_number + 1,
                                             seed=seed, deadline=_deadline(quiz, now),
                                             run_id=run_id)
            answers = []
            for position, (question, mark) in enumerate(drawn, start=1):
                spec = question.spec()
                spec, public = kind_of(spec).deal(spec, dealer)
                max_mark = mark if mark is not None else question.default_mark
                answers.append(AttemptAnswer(
                    attempt=attempt, position=position, question=question, spec=spec,
                    public=public, max_mark=max_mark))
            AttemptAnswer.objects.bulk_create(answers)
            attempt.max_score = sum((a.max_mark for a in answers), Decimal(0))
            attempt.save(update_fields=["max_score"])
            if attempt.deadline:
                _queue_deadline(attempt, attempt.deadline)
    except IntegrityError:
        # Two tabs pressed "start" at once: the other one won; resume it.
        current = open_attempt(quiz=quiz, user=user)
        if current is None:
            raise
        return current
    return attempt


def _queue_deadline(attempt: Attempt, deadline: datetime.datetime) -> None:
    """The deadline is a row the beat sweep finds when it is due, not a message the broker
    holds for the quiz's length (one held past the visibility timeout would be delivered
    again and again); the delivery's claim makes the submit happen once."""
    due = deadline + DEADLINE_GRACE + datetime.timedelta(seconds=1)
    record_effect(DEADLINE_EFFECT, f"quizzes:deadline:{attempt.pk}",
                  {"attempt_id": attempt.pk}, due_at=due)


class DeadlineNotReached(Exception):
    """Raised to the outbox, which tries again later (a clock running behind)."""


def submit_when_due(*, attempt_id: int) -> Attempt | None:
    """The deadline's handler: submits the attempt if its time is up and the learner has
    not submitted it already (then nothing happens)."""
    attempt = Attempt.objects.filter(pk=attempt_id, state=Attempt.State.IN_PROGRESS).first()
    if attempt is None or attempt.deadline is None:
        return attempt
    if timezone.now() <= attempt.deadline + DEADLINE_GRACE:
        raise DeadlineNotReached
    return submit_attempt(attempt_id=attempt_id)


def _clean_response(response: object) -> dict[str, object] | None:
    if response is None:
        return None
    if not isinstance(response, dict) or len(json.dumps(response)) > MAX_RESPONSE_CHARS:
        raise KopaError(_("This answer could not be read. Please try again."),
                        code="bad_response", status=422)
    return response


def _check_response(answer: AttemptAnswer, response: object) -> None:
    """Refuses a response its question cannot read (an unknown choice, a wrong shape), so
    nothing unreadable is ever stored for grading to trip over."""
    if not kind_of(answer.spec).valid_response(answer.spec, response):
        raise KopaError(_("The answer to question %(number)s could not be read. Please "
                          "choose or type it again.") % {"number": answer.position},
                        code="bad_response", status=422, position=answer.position)
    if any(text_control_characters(text) for text in _texts(response)):
        raise KopaError(_("The answer to question %(number)s holds invisible control or "
                          "text-direction characters (such as U+202E). Remove them and save "
                          "again.") % {"number": answer.position},
                        code="control_characters", status=422, position=answer.position)


def _texts(value: object) -> list[str]:
    """Every piece of typed text in a response, however deep its kind keeps it."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def save_answers(*, attempt: Attempt, responses: Mapping[int, object],
                 now: datetime.datetime | None = None,
                 seen: dict[int, int] | None = None) -> Attempt:
    """Saves answers by position. Past the deadline nothing is saved: the attempt is submitted
    with what it had, and the learner is told so.

    `seen` holds the version of each answer the page was drawn with: an answer changed since
    (in another tab or on another phone) is not overwritten by a different one — the others
    are saved and `stale_answer` names the questions left as they were."""
    now = now or timezone.now()
    responses = {int(position): _clean_response(value) for position, value in responses.items()}
    time_up = False
    stale: list[int] = []
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.state != Attempt.State.IN_PROGRESS:
            raise Conflict(_("This attempt has been submitted; answers can no longer change."),
                           code="attempt_closed")
        if attempt.deadline and now > attempt.deadline + DEADLINE_GRACE:
            _grade(attempt, now=now, late=True)
            time_up = True
        else:
            answers = list(attempt.answers.filter(position__in=list(responses)))
            if len(answers) != len(responses):
                raise KopaError(_("This question is not part of the attempt."),
                                code="no_such_slot", status=404)
            for answer in answers:
                _check_response(answer, responses[answer.position])
            stale = _stale(answers, responses, seen or {})
            for answer in answers:
                if answer.position in stale:
                    continue
                if answer.response != responses[answer.position]:
                    # Under the attempt's row lock: no other save can bump it meanwhile.
                    answer.version += 1
                answer.response = responses[answer.position]
                answer.saved_at = now
            AttemptAnswer.objects.bulk_update(answers, ["response", "saved_at", "version"])
    if time_up:
        raise Conflict(_("Time is up. Your attempt was submitted with the answers saved "
                         "before the deadline."), code="time_up")
    if stale:
        numbers = ", ".join(str(position) for position in stale)
        raise Conflict(ngettext(
            "Question %(numbers)s was changed in another window after this page was "
            "opened, so your answer to it was not saved; it now shows what is saved. Your "
            "other answers were saved.",
            "Questions %(numbers)s were changed in another window after this page was "
            "opened, so your answers to them were not saved; they now show what is saved. "
            "Your other answers were saved.", len(stale)) % {"numbers": numbers},
            code="stale_answer", positions=stale)
    return attempt


def _stale(answers: list[AttemptAnswer], responses: Mapping[int, object],
           seen: dict[int, int]) -> list[int]:
    """Positions whose saved answer changed after the page was drawn and would now be
    replaced by a different one (the same answer sent twice is no conflict)."""
    return sorted(answer.position for answer in answers
                  if answer.position in seen and seen[answer.position] != answer.version
                  and answer.response != responses[answer.position])


def _grade(attempt: Attempt, *, now: datetime.datetime, late: bool = False) -> None:
    """Grades a locked, in-progress attempt. A fixed number of queries whatever its size."""
    answers = list(attempt.answers.all())
    for answer in answers:
        fraction = _fraction(answer)
        if fraction is None:
            text = answer.response.get("text") if isinstance(answer.response, dict) else None
            answer.needs_grading = isinstance(text, str) and bool(text.strip())
            if not answer.needs_grading:
                answer.fraction, answer.mark = Decimal(0), Decimal(0)
        else:
            answer.fraction = Decimal(str(round(fraction, 7)))
            answer.mark = (answer.max_mark * answer.fraction).quantize(TWO_PLACES,
                                                                      ROUND_HALF_UP)
    AttemptAnswer.objects.bulk_update(answers, ["fraction", "mark", "needs_grading"])
    attempt.submitted_at = now
    attempt.submitted_late = late
    _settle(attempt, answers, now=now)


def _fraction(answer: AttemptAnswer) -> float | None:
    """The grade of one answer. A stored response the kind cannot read (saved before
    responses were checked) earns 0: an attempt must never get stuck unsubmittable."""
    try:
        return kind_of(answer.spec).grade_spec(answer.spec, answer.response)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        logger.warning("Unreadable response graded 0: answer %s", answer.pk, exc_info=True)
        return 0.0


def _settle(attempt: Attempt, answers: list[AttemptAnswer], *,
            now: datetime.datetime) -> None:
    """Finishes the attempt when nothing waits for a teacher; scores it either way."""
    attempt.score = sum((a.mark or Decimal(0) for a in answers), Decimal(0))
    if attempt.max_score:
        attempt.percent = (attempt.score * 100 / attempt.max_score).quantize(TWO_PLACES,
                                                                             ROUND_HALF_UP)
    else:
        attempt.percent = Decimal(0)
    if any(a.needs_grading for a in answers):
        attempt.state = Attempt.State.NEEDS_GRADING
        attempt.passed = None
    else:
        attempt.state = Attempt.State.FINISHED
        attempt.finished_at = now
        attempt.passed = attempt.percent >= attempt.quiz.pass_mark
    attempt.save()
    if attempt.state == Attempt.State.FINISHED:
        _queue_completion(attempt)


def _queue_completion(attempt: Attempt) -> None:
    from courses.models import CoursePage, Enrollment
    from courses.services import queue_completion_checks

    course = CoursePage.objects.ancestor_of(attempt.quiz).only("translation_key").first()
    if course is None:
        return
    enrollments = Enrollment.objects.filter(
        user_id=attempt.user_id, run__course__translation_key=course.translation_key,
        state=Enrollment.State.ACTIVE).values_list("pk", flat=True)
    queue_completion_checks(enrollments)


def submit_attempt(*, attempt_id: int, now: datetime.datetime | None = None) -> Attempt:
    """Idempotent: a second submit (double click, another tab, a retry) returns the attempt
    as the first one left it."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (Attempt.objects.select_for_update(of=("self",)).select_related("quiz")
                   .get(pk=attempt_id))
        if attempt.state == Attempt.State.IN_PROGRESS:
            late = bool(attempt.deadline and now > attempt.deadline + DEADLINE_GRACE)
            _grade(attempt, now=now, late=late)
    return attempt


def grade_answer(*, answer: AttemptAnswer, by: User, mark: Decimal, comment: str = "",
                 now: datetime.datetime | None = None) -> AttemptAnswer:
    """A teacher's grade for an essay (or a changed grade for any answer)."""
    now = now or timezone.now()
    mark = Decimal(mark)
    if mark < 0 or mark > answer.max_mark:
        raise KopaError(_("The mark must be between 0 and %(max)s.") % {
            "max": answer.max_mark}, code="bad_mark")
    with transaction.atomic():
        attempt = (Attempt.objects.select_for_update(of=("self",)).select_related("quiz")
                   .get(pk=answer.attempt_id))
        if attempt.state == Attempt.State.IN_PROGRESS:
            raise Conflict(_("This attempt is still in progress."), code="attempt_open")
        answers = list(attempt.answers.all())
        target = next(a for a in answers if a.pk == answer.pk)
        target.mark = mark.quantize(TWO_PLACES, ROUND_HALF_UP)
        target.fraction = (mark / target.max_mark).quantize(Decimal("0.0000001")) \
            if target.max_mark else Decimal(0)
        target.needs_grading = False
        target.comment = comment
        target.graded_by = by
        target.graded_at = now
        target.save(update_fields=["mark", "fraction", "needs_grading", "comment",
                                   "graded_by", "graded_at"])
        _settle(attempt, answers, now=attempt.finished_at or now)
    return target


def erase_attempts(user: User) -> None:
    """Erasure request: the learner's attempts and answers go; quizzes stay."""
    Attempt.objects.filter(user=user).delete()
