"""POST /api/v1/lessons/{id}/complete."""

import pytest

from lessons.factories import add_lesson
from lessons.models import LessonProgress

pytestmark = pytest.mark.django_db


def test_learner_marks_a_lesson_done_twice_and_it_counts_once(client, learner, lesson):
    client.force_login(learner)
    first = client.post(f"/api/v1/lessons/{lesson.pk}/complete")
    second = client.post(f"/api/v1/lessons/{lesson.pk}/complete")
    assert first.status_code == 200 and first.json()["newly_done"] is True
    assert second.status_code == 200 and second.json()["newly_done"] is False
    assert second.json()["course_progress"] == {"done": 1, "total": 1, "percent": 100}
    assert LessonProgress.objects.count() == 1


def test_visitor_gets_401_json(client, lesson):
    response = client.post(f"/api/v1/lessons/{lesson.pk}/complete")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_unknown_or_unpublished_lesson_is_404_json(client, learner, module):
    draft = add_lesson(module, title="Melnraksts", slug="melnraksts")
    draft.unpublish()
    client.force_login(learner)
    for lesson_id in (draft.pk, 999999):
        response = client.post(f"/api/v1/lessons/{lesson_id}/complete")
        assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_malformed_id_is_a_4xx_json(client, learner):
    client.force_login(learner)
    response = client.post("/api/v1/lessons/abc/complete")
    assert 400 <= response.status_code < 500
    assert "code" in response.json()


def test_session_call_without_csrf_token_is_refused(learner, lesson):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    response = strict.post(f"/api/v1/lessons/{lesson.pk}/complete")
    assert response.status_code in (401, 403)
    assert not LessonProgress.objects.exists()
