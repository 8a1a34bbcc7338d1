"""The attempt lifecycle through services: questions frozen at start, answers saved as the
learner goes, the server's clock, one grade however often it is submitted."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cms.errors import Conflict, NotAllowed
from courses.models import Enrollment
from quizzes import selectors
from quizzes.factories import EssayFactory, SingleChoiceFactory, add_quiz, add_random_slot
from quizzes.factories import category as make_category
from quizzes.models import Attempt
from quizzes.models.ids import id_of
from quizzes.services import (
    grade_answer,
    save_answers,
    start_attempt,
    submit_attempt,
)

pytestmark = pytest.mark.django_db


def pick(attempt, position: int, index: int):
    """The id the attempt shows for the entry the author wrote at `index`."""
    return id_of(attempt.answers.get(position=position).spec, index)


def right_answers(attempt):
    """The responses that earn full marks, read from the frozen specs."""
    responses = {}
    for answer in attempt.answers.all():
        spec = answer.spec
        kind = spec["kind"]
        if kind == "single_choice":
            best = max(range(len(spec["choices"])), key=lambda i: spec["choices"][i]["fraction"])
            responses[answer.position] = {"choice": id_of(spec, best)}
        elif kind == "multiple_choice":
            responses[answer.position] = {"choices": [id_of(spec, i) for i, c in
                                                      enumerate(spec["choices"])
                                                      if c["fraction"] > 0]}
        elif kind == "true_false":
            responses[answer.position] = {"value": spec["correct"]}
        elif kind in ("short_answer",):
            responses[answer.position] = {"text": spec["answers"][0]["text"]}
        elif kind == "numerical":
            responses[answer.position] = {"text": str(spec["answers"][0]["value"])}
        elif kind == "gap_fill":
            responses[answer.position] = {"gaps": {
                str(i): max(g["answers"], key=lambda a: a["fraction"])["text"].split(":")[0]
                for i, g in enumerate(spec["gaps"])}}
        elif kind == "matching":
            responses[answer.position] = {"pairs": {id_of(spec, i): p["answer"] for i, p in
                                                    enumerate(spec["pairs"]) if p["item"]}}
        elif kind == "ordering":
            responses[answer.position] = {"order": [id_of(spec, i)
                                                    for i in range(len(spec["items"]))]}
        elif kind == "essay":
            responses[answer.position] = {"text": "Mani sauc Ahmads."}
    return responses


def test_starting_twice_resumes_the_attempt_in_progress(quiz, learner):
    first = start_attempt(quiz=quiz, user=learner)
    assert start_attempt(quiz=quiz, user=learner).pk == first.pk
    assert first.answers.count() == 8


def test_a_finished_attempt_keeps_its_questions_when_the_bank_changes(quiz, learner,
                                                                      every_kind):
    attempt = start_attempt(quiz=quiz, user=learner)
    question = every_kind["single_choice"]
    question.text = "<p>Changed</p>"
    question.choices = [("choice", {"text": "X", "fraction": 0, "feedback": ""}),
                        ("choice", {"text": "Y", "fraction": 1, "feedback": ""})]
    question.save()
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)}})
    attempt = submit_attempt(attempt_id=attempt.pk)
    first = attempt.answers.get(position=1)
    assert "Latvijas galvaspilsēta" in first.spec["text"] and first.fraction == 1


def test_all_right_answers_pass_and_finish(quiz, learner):
    attempt = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=attempt, responses=right_answers(attempt))
    attempt = submit_attempt(attempt_id=attempt.pk)
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.percent == Decimal(100) and attempt.passed is True


def test_saved_answers_survive_a_reload(quiz, learner):
    attempt = start_attempt(quiz=quiz, user=learner)
    saved = {"choices": [pick(attempt, 2, 0)]}
    save_answers(attempt=attempt, responses={2: saved})
    resumed = start_attempt(quiz=quiz, user=learner)
    assert resumed.answers.get(position=2).response == saved


def test_submitting_twice_grades_once(quiz, learner):
    attempt = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)}})
    first = submit_attempt(attempt_id=attempt.pk)
    second = submit_attempt(attempt_id=attempt.pk)
    assert first.score == second.score and second.submitted_at == first.submitted_at
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == 1


def test_answers_after_submitting_are_refused(quiz, learner):
    attempt = start_attempt(quiz=quiz, user=learner)
    submit_attempt(attempt_id=attempt.pk)
    with pytest.raises(Conflict) as refused:
        save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)}})
    assert refused.value.code == "attempt_closed"


def test_past_the_deadline_the_attempt_is_submitted_with_what_was_saved(module, learner,
                                                                        every_kind):
    quiz = add_quiz(module, questions=[every_kind["single_choice"], every_kind["true_false"]],
                    time_limit_minutes=10, shuffle_choices=False)
    attempt = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)}})
    late = attempt.deadline + datetime.timedelta(minutes=1)
    with pytest.raises(Conflict) as refused:
        save_answers(attempt=attempt, responses={2: {"value": True}}, now=late)
    assert refused.value.code == "time_up"
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED and attempt.submitted_late
    assert attempt.score == Decimal(1)  # the saved answer counted, the late one did not
    assert attempt.answers.get(position=2).response is None


def test_the_worker_submits_attempts_left_past_their_deadline(module, learner, every_kind):
    from tests.outbox import pass_deadline

    quiz = add_quiz(module, questions=[every_kind["true_false"]], time_limit_minutes=5)
    attempt = start_attempt(quiz=quiz, user=learner)
    assert pass_deadline(attempt) == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED


def test_attempts_allowed_is_enforced(module, learner, every_kind):
    quiz = add_quiz(module, questions=[every_kind["true_false"]], attempts_allowed=1)
    submit_attempt(attempt_id=start_attempt(quiz=quiz, user=learner).pk)
    with pytest.raises(NotAllowed):
        start_attempt(quiz=quiz, user=learner)


def test_a_closed_quiz_cannot_be_started(module, learner, every_kind):
    quiz = add_quiz(module, questions=[every_kind["true_false"]],
                    closes_at=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(NotAllowed):
        start_attempt(quiz=quiz, user=learner)


def test_random_slot_draws_distinct_questions_from_the_category_and_below(module, learner):
    parent = make_category("Valoda")
    child = make_category("Vārdi", parent=parent)
    for index in range(3):
        SingleChoiceFactory(category=parent, name=f"p{index}")
        SingleChoiceFactory(category=child, name=f"c{index}")
    quiz = add_quiz(module)
    add_random_slot(quiz, category=parent, count=5)
    attempt = start_attempt(quiz=quiz, user=learner)
    drawn = list(attempt.answers.values_list("question_id", flat=True))
    assert len(drawn) == len(set(drawn)) == 5


def test_essay_waits_for_the_teacher_then_finishes(quiz_with_essay, learner, teacher):
    attempt = start_attempt(quiz=quiz_with_essay, user=learner)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)},
                                             2: {"text": "Es dzīvoju Rīgā."}})
    attempt = submit_attempt(attempt_id=attempt.pk)
    assert attempt.state == Attempt.State.NEEDS_GRADING and attempt.passed is None
    essay = attempt.answers.get(position=2)
    grade_answer(answer=essay, by=teacher, mark=Decimal(4), comment="Labi!")
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.score == Decimal(5) and attempt.max_score == Decimal(6)
    assert attempt.passed is True


def test_an_empty_essay_gets_no_marks_without_a_teacher(module, learner):
    quiz = add_quiz(module, questions=[EssayFactory()])
    attempt = submit_attempt(attempt_id=start_attempt(quiz=quiz, user=learner).pk)
    assert attempt.state == Attempt.State.FINISHED and attempt.score == 0


def test_passing_the_required_quiz_completes_the_enrolment(quiz, enrollment,
                                                           django_capture_on_commit_callbacks):
    user = enrollment.user
    result = selectors.evaluate_quizzes_passed(enrollment)
    assert result.met is False and result.progress == 0
    attempt = start_attempt(quiz=quiz, user=user)
    save_answers(attempt=attempt, responses=right_answers(attempt))
    with django_capture_on_commit_callbacks(execute=True):
        submit_attempt(attempt_id=attempt.pk)
    assert selectors.evaluate_quizzes_passed(enrollment).met is True
    enrollment.refresh_from_db()
    assert enrollment.state == Enrollment.State.COMPLETED


def test_a_course_without_required_quizzes_has_no_quiz_rule(enrollment):
    assert selectors.evaluate_quizzes_passed(enrollment) is None


def test_a_failed_attempt_does_not_count(quiz, enrollment):
    submit_attempt(attempt_id=start_attempt(quiz=quiz, user=enrollment.user).pk)
    many = selectors.evaluate_quizzes_passed_many([enrollment])
    assert many[enrollment.pk].met is False


def test_the_deadline_submits_only_when_due(module, learner, every_kind,
                                            django_capture_on_commit_callbacks):
    from cms.models import Effect
    from cms.services import deliver_effect
    from tests.outbox import pass_deadline

    quiz = add_quiz(module, questions=[every_kind["true_false"]], time_limit_minutes=5)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        attempt = start_attempt(quiz=quiz, user=learner)
    assert callbacks == []  # nothing given to the broker to hold for five minutes
    effect = Effect.objects.get(key=f"quizzes:deadline:{attempt.pk}")
    assert effect.due_at > attempt.deadline
    assert deliver_effect(effect_id=effect.pk) is False  # not due: not even claimed
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    pass_deadline(attempt)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
