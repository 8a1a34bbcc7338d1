"""The same submit sent at once from two connections yields one graded attempt."""

import threading

import pytest
from django.db import connection

from quizzes.models import Attempt, AttemptAnswer
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.quizzes.test_attempts import pick


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_grade_the_attempt_once(wagtail_root, quiz, learner):
    attempt = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)}})
    barrier = threading.Barrier(4)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            results.append(submit_attempt(attempt_id=attempt.pk))
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert {r.submitted_at for r in results} == {attempt.submitted_at}
    assert {r.score for r in results} == {attempt.score}
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == 1
    assert AttemptAnswer.objects.filter(attempt=attempt, fraction__isnull=True).count() == 0
