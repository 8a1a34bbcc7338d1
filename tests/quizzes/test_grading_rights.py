"""Grading rights come from teaching the group an attempt was made in, and last only while
the learner holds a seat there (courses.permissions.gradable)."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment
from courses.services import withdraw
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db


def essay_of(quiz, user):
    attempt = start_attempt(quiz=quiz, user=user)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 1)},
                                             2: {"text": "Es mācos latviešu valodu."}})
    submit_attempt(attempt_id=attempt.pk)
    return attempt.answers.get(position=2)


def grade_page(client, answer, mark="4"):
    return client.post(reverse("quizzes:grade", args=[answer.pk]),
                       {f"a{answer.pk}-mark": mark})


def grade_api(client, answer, mark="4"):
    return client.put(f"/api/v1/attempt-answers/{answer.pk}/grade",
                      json.dumps({"mark": mark, "comment": "Labi"}),
                      content_type="application/json")


@pytest.fixture
def other_group(course, make_user):
    return CourseRunFactory(course=course, title="Liepāja", teachers=[
        make_user(username="teacher2", email="teacher2@example.lv")])


def test_enrolling_a_learner_in_ones_group_gives_no_right_over_their_other_group(
        client, teacher, run, other_group, quiz_with_essay, learner):
    EnrollmentFactory(run=other_group, user=learner)
    essay = essay_of(quiz_with_essay, learner)
    assert essay.attempt.run_id == other_group.pk
    # The learner is in this teacher's group too (a teacher can no longer attach an account
    # without a claim to it, so a manager put them there).
    EnrollmentFactory(run=run, user=learner)
    client.force_login(teacher)
    assert "Es mācos" not in client.get(reverse("quizzes:grading")).content.decode()
    assert grade_page(client, essay).status_code == 404
    response = grade_api(client, essay)
    assert response.status_code == 404
    assert response.json()["code"] == "answer_not_found"
    essay.refresh_from_db()
    assert essay.needs_grading and essay.mark is None
    client.force_login(other_group.teachers.get())
    assert grade_api(client, essay).status_code == 200
    essay.refresh_from_db()
    assert essay.mark == 4 and not essay.needs_grading


def test_withdrawing_the_learner_ends_the_teachers_right_to_grade_them(
        client, teacher, enrollment, quiz_with_essay):
    essay = essay_of(quiz_with_essay, enrollment.user)
    assert essay.attempt.run_id == enrollment.run_id
    client.force_login(teacher)
    assert "Es mācos" in client.get(reverse("quizzes:grading")).content.decode()
    withdraw(enrollment=enrollment, by=teacher)
    assert "Es mācos" not in client.get(reverse("quizzes:grading")).content.decode()
    assert grade_page(client, essay).status_code == 404
    assert grade_api(client, essay).status_code == 404
    essay.refresh_from_db()
    assert essay.needs_grading and essay.mark is None


def test_a_learner_who_completed_the_group_can_still_be_graded(client, teacher, enrollment,
                                                              quiz_with_essay):
    essay = essay_of(quiz_with_essay, enrollment.user)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        state=Enrollment.State.COMPLETED, completed_at=timezone.now())
    client.force_login(teacher)
    assert grade_api(client, essay).status_code == 200


def test_results_show_only_learners_of_the_teachers_groups(client, teacher, run, other_group,
                                                           quiz_with_essay, learner):
    EnrollmentFactory(run=other_group, user=learner)
    essay_of(quiz_with_essay, learner)
    # The learner is in this teacher's group too (a teacher can no longer attach an account
    # without a claim to it, so a manager put them there).
    EnrollmentFactory(run=run, user=learner)
    client.force_login(teacher)
    page = client.get(reverse("quizzes:results", args=[quiz_with_essay.pk]))
    assert learner.name not in page.content.decode()
    assert client.get(reverse("quizzes:learner_results", args=[learner.pk])).status_code == 404


def test_a_learner_cannot_grade_through_the_api(client, enrollment, quiz_with_essay):
    essay = essay_of(quiz_with_essay, enrollment.user)
    client.force_login(enrollment.user)
    assert grade_api(client, essay).status_code == 404
