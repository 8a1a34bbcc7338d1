"""Teachers grade essays of their own groups, see results and question statistics."""

from decimal import Decimal

import pytest
from django.urls import reverse

from courses.factories import CourseRunFactory, EnrollmentFactory
from quizzes.models import Attempt
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db


@pytest.fixture
def essay_attempt(quiz_with_essay, enrollment):
    attempt = start_attempt(quiz=quiz_with_essay, user=enrollment.user)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 1)},
                                             2: {"text": "Es mācos latviešu valodu."}})
    return submit_attempt(attempt_id=attempt.pk)


def test_teacher_grades_an_essay_of_their_group(client, teacher, essay_attempt):
    client.force_login(teacher)
    queue = client.get(reverse("quizzes:grading"))
    assert "Es mācos latviešu valodu." in queue.content.decode()
    essay = essay_attempt.answers.get(position=2)
    response = client.post(reverse("quizzes:grade", args=[essay.pk]),
                           {f"a{essay.pk}-mark": "4", f"a{essay.pk}-comment": "Labi!"})
    assert response.status_code == 302
    essay_attempt.refresh_from_db()
    assert essay_attempt.state == Attempt.State.FINISHED
    assert essay_attempt.score == Decimal(4)
    review = essay_attempt.answers.get(position=2)
    assert review.comment == "Labi!" and review.graded_by == teacher


def test_a_mark_above_the_maximum_is_refused_and_nothing_changes(client, teacher,
                                                                 essay_attempt):
    client.force_login(teacher)
    essay = essay_attempt.answers.get(position=2)
    client.post(reverse("quizzes:grade", args=[essay.pk]), {f"a{essay.pk}-mark": "50"})
    essay.refresh_from_db()
    assert essay.needs_grading and essay.mark is None


def test_a_teacher_of_another_group_sees_nothing(client, make_user, course, essay_attempt):
    other = make_user(username="teacher2")
    other_run = CourseRunFactory(course=course, teachers=[other])
    EnrollmentFactory(run=other_run)
    client.force_login(other)
    assert "Es mācos" not in client.get(reverse("quizzes:grading")).content.decode()
    essay = essay_attempt.answers.get(position=2)
    response = client.post(reverse("quizzes:grade", args=[essay.pk]),
                           {f"a{essay.pk}-mark": "4"})
    assert response.status_code == 404


def test_results_and_statistics_for_the_teacher(client, teacher, quiz, enrollment):
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 1)}})
    submit_attempt(attempt_id=attempt.pk)
    client.force_login(teacher)
    results = client.get(reverse("quizzes:results", args=[quiz.pk])).content.decode()
    assert enrollment.user.name in results
    stats = client.get(reverse("quizzes:statistics", args=[quiz.pk])).content.decode()
    assert "Tallina" in stats and "100%" in stats
    assert client.get(reverse("quizzes:teaching")).status_code == 200
    learner_page = client.get(reverse("quizzes:learner_results", args=[enrollment.user.pk]))
    assert quiz.title in learner_page.content.decode()


def test_learners_cannot_see_results(client, quiz, enrollment):
    client.force_login(enrollment.user)
    assert client.get(reverse("quizzes:results", args=[quiz.pk])).status_code == 403
    assert client.get(reverse("quizzes:teaching")).status_code == 403
    assert client.get(reverse("quizzes:learner_results",
                              args=[enrollment.user.pk])).status_code == 404
