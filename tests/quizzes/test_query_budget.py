"""Submitting costs the same number of queries for 5 questions as for 20."""

import pytest
from django.urls import reverse

from quizzes.factories import ShortAnswerFactory, SingleChoiceFactory, add_quiz
from quizzes.services import save_answers, start_attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db
SUBMIT_BUDGET = 13  # the request (session, user), the grading and its outbox row, whatever the size


def submit_queries(client, module, user, size: int, assert_max) -> int:
    questions = [(SingleChoiceFactory if i % 2 else ShortAnswerFactory)() for i in range(size)]
    quiz = add_quiz(module, questions=questions, slug=f"q{size}")
    attempt = start_attempt(quiz=quiz, user=user)
    save_answers(attempt=attempt, responses={i: {"choice": pick(attempt, i, 0)} if i % 2 == 0
                                             else {"text": "grāmata"}
                                             for i in range(1, size + 1)})
    with assert_max(SUBMIT_BUDGET) as captured:
        response = client.post(reverse("quizzes:submit", args=[attempt.pk]))
    assert response.status_code == 302
    return len(captured)


def test_submitting_a_20_question_attempt_takes_as_many_queries_as_5(
        client, module, enrollment, django_assert_max_num_queries):
    client.force_login(enrollment.user)
    small = submit_queries(client, module, enrollment.user, 5, django_assert_max_num_queries)
    large = submit_queries(client, module, enrollment.user, 20, django_assert_max_num_queries)
    print(f"submit queries: 5 questions {small}, 20 questions {large}")
    assert small == large
