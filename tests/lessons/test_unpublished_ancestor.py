"""Unpublishing a course or a module takes its lessons with it: not served, not counted,
not completable through the API, though each lesson keeps its own `live` flag."""

import pytest

from lessons.factories import add_lesson, sample_body

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("take_down", ["course", "module"])
def test_lessons_under_an_unpublished_page_are_gone(client, learner, course, module,
                                                   take_down):
    lesson = add_lesson(module, title="Satversme", slug="satversme", body=sample_body())
    url = lesson.url
    client.force_login(learner)
    assert client.get(url).status_code == 200
    {"course": course, "module": module}[take_down].unpublish()
    lesson.refresh_from_db()
    assert lesson.live  # its own flag is untouched...
    assert client.get(url).status_code == 404  # ...but nobody reaches it
    response = client.post(f"/api/v1/lessons/{lesson.pk}/complete")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_quiz_under_an_unpublished_module_cannot_be_started(client, learner, module,
                                                              enrollment):
    from quizzes.factories import TrueFalseFactory, add_quiz

    quiz = add_quiz(module, questions=[TrueFalseFactory()])
    client.force_login(learner)
    started = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert started.status_code in (200, 201), started.json()
    module.unpublish()
    response = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert response.status_code == 404
