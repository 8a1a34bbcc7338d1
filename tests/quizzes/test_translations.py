"""A quiz and its translations are one quiz: one attempt limit, one numbering, one best
result, one completion requirement, whatever language the learner takes it in."""

import pytest
from wagtail.models import Locale

from cms.errors import NotAllowed
from courses.demo import translate
from quizzes import selectors
from quizzes.factories import add_quiz
from quizzes.models.pages import ALL_REVIEW
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db


@pytest.fixture
def quizzes(home_page, course_index, course, module, every_kind):
    latvian = add_quiz(module, title="Tests", slug="tests",
                       questions=[every_kind["single_choice"]], attempts_allowed=2,
                       shuffle_choices=False, review_after=ALL_REVIEW, review_later=ALL_REVIEW)
    english = Locale.objects.get(language_code="en")
    for page, title in ((home_page, "Kopā"), (course_index, "Courses"),
                        (course, "Integration course"), (module, "The Latvian state")):
        translate(page, english, title=title)
    return latvian, translate(latvian, english, title="Test")


def take(quiz, user, *, right: bool):
    attempt = start_attempt(quiz=quiz, user=user)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0 if right
                                                                else 1)}})
    return submit_attempt(attempt_id=attempt.pk)


def test_two_attempts_in_latvian_use_up_the_english_translation_too(client, quizzes,
                                                                    enrollment):
    latvian, english = quizzes
    take(latvian, enrollment.user, right=False)
    second = take(latvian, enrollment.user, right=False)
    with pytest.raises(NotAllowed) as refused:
        start_attempt(quiz=english, user=enrollment.user)
    assert refused.value.code == "no_attempts_left"
    client.force_login(enrollment.user)
    page = client.get(english.url).content.decode()
    assert "You have used all your attempts at this quiz." in page
    api = client.post(f"/api/v1/quizzes/{english.pk}/attempts")
    assert api.status_code == 403 and api.json()["code"] == "no_attempts_left"
    assert second.number == 2


def test_numbering_and_the_open_attempt_are_shared_by_the_translations(quizzes, enrollment):
    latvian, english = quizzes
    take(latvian, enrollment.user, right=False)
    open_attempt = start_attempt(quiz=english, user=enrollment.user)
    assert open_attempt.number == 2
    # Starting the Latvian version now resumes the attempt begun in English.
    assert start_attempt(quiz=latvian, user=enrollment.user).pk == open_attempt.pk


def test_the_best_result_counts_every_translation(client, quizzes, enrollment):
    latvian, english = quizzes
    take(latvian, enrollment.user, right=False)
    take(english, enrollment.user, right=True)
    for quiz in (latvian, english):
        best = selectors.best_result(selectors.attempts_of(user=enrollment.user, quiz=quiz))
        assert best["percent"] == 100.0 and best["passed"] is True
    client.force_login(enrollment.user)
    for quiz in (latvian, english):
        page = client.get(quiz.url).content.decode()
        assert "100%" in page, quiz.url
        assert page.count('/review/"') == 2  # both attempts listed on either page


def test_passing_the_english_version_completes_the_latvian_courses_requirement(
        quizzes, enrollment):
    _latvian, english = quizzes
    assert enrollment.run.course.locale.language_code == "lv"
    assert selectors.evaluate_quizzes_passed(enrollment).met is False
    take(english, enrollment.user, right=True)
    result = selectors.evaluate_quizzes_passed(enrollment)
    assert result.met is True and result.progress == 1.0
