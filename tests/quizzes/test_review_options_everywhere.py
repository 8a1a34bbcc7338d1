"""What a quiz's review options hide stays hidden everywhere its owner looks: the review
page, /my/, the quiz page, the API and the personal-data export (which keeps the person's
own answers). One selector decides: quizzes.selectors.visible_result."""

import pytest
from django.urls import reverse

from accounts.registry import personal_data_sections
from quizzes import selectors
from quizzes.models.pages import ALL_REVIEW
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.quizzes.test_attempts import right_answers

pytestmark = pytest.mark.django_db


def export(user) -> dict:
    return next(s for s in personal_data_sections() if s.key == "quizzes").export(user)


@pytest.fixture
def passed_attempt(quiz, enrollment):
    """A full-marks attempt at a quiz whose review options show nothing (the default)."""
    assert not (quiz.review_after or quiz.review_later or quiz.review_closed)
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    save_answers(attempt=attempt, responses=right_answers(attempt))
    attempt = submit_attempt(attempt_id=attempt.pk)
    assert attempt.passed is True and attempt.percent == 100
    return attempt


def test_a_quiz_that_shows_nothing_has_no_result_to_show(passed_attempt):
    assert selectors.visible_result(passed_attempt) is None


def test_my_page_shows_no_score_or_pass(client, passed_attempt):
    client.force_login(passed_attempt.user)
    html = client.get("/en/my/").content.decode()
    assert reverse("quizzes:review", args=[passed_attempt.pk]) in html
    assert "Passed" not in html and "100%" not in html


def test_the_export_keeps_the_answers_but_no_score_passed_or_marks(passed_attempt):
    row = export(passed_attempt.user)["attempts"][0]
    assert not {"score", "max_score", "passed"} & set(row)
    assert row["answers"] and all("mark" not in answer for answer in row["answers"])
    assert all("response" in answer and "answer" in answer for answer in row["answers"])
    assert row["answers"][0]["answer"] == "Rīga"


def test_the_api_review_and_quiz_page_show_no_score(client, passed_attempt):
    client.force_login(passed_attempt.user)
    data = client.get(f"/api/v1/attempts/{passed_attempt.pk}").json()
    assert not {"score", "max_score", "percent", "passed"} & set(data)
    assert all("mark" not in q and q["max_mark"] is None for q in data["questions"])
    review = client.get(f"/en{reverse('quizzes:review', args=[passed_attempt.pk])}")
    assert "Score" not in review.content.decode() and "Passed" not in review.content.decode()
    quiz_page = client.get(passed_attempt.quiz.url).content.decode()
    assert "Best result" not in quiz_page and "100%" not in quiz_page


def test_once_the_options_show_marks_every_place_shows_them(client, passed_attempt):
    quiz = passed_attempt.quiz
    quiz.review_after = quiz.review_later = ALL_REVIEW
    quiz.save()
    row = export(passed_attempt.user)["attempts"][0]
    assert row["passed"] is True and row["score"] == str(passed_attempt.score)
    assert all("mark" in answer for answer in row["answers"])
    client.force_login(passed_attempt.user)
    assert "Passed" in client.get("/en/my/").content.decode()
    assert client.get(f"/api/v1/attempts/{passed_attempt.pk}").json()["passed"] is True


def test_course_progress_does_not_tell_a_hidden_pass_from_a_hidden_fail(quiz, module,
                                                                        enrollment):
    """Two required quizzes, results hidden: one learner passed the first, another failed
    it; both read the same progress line ("waiting for results") until the options show
    results. Completion itself is decided on the real results."""
    from courses.factories import EnrollmentFactory
    from quizzes.factories import KIND_FACTORIES, add_quiz

    add_quiz(module, title="Otrs tests", questions=[KIND_FACTORIES["true_false"]()])
    other = EnrollmentFactory(run=enrollment.run)
    passing = start_attempt(quiz=quiz, user=enrollment.user)
    save_answers(attempt=passing, responses=right_answers(passing))
    assert submit_attempt(attempt_id=passing.pk).passed
    assert not submit_attempt(attempt_id=start_attempt(quiz=quiz, user=other.user).pk).passed
    passed = selectors.evaluate_quizzes_passed(enrollment)
    failed = selectors.evaluate_quizzes_passed(other)
    assert (passed.detail, passed.progress) == (failed.detail, failed.progress)
    assert "0 no 2" in passed.detail and "1 gaida" in passed.detail
    assert not passed.met and passed.progress == 0

    quiz.review_after = quiz.review_later = ALL_REVIEW
    quiz.save()
    shown = selectors.evaluate_quizzes_passed(enrollment)
    assert "1 no 2" in shown.detail and shown.progress == 0.5
    assert "0 no 2" in selectors.evaluate_quizzes_passed(other).detail
