"""GET /api/v1/courses and GET /api/v1/courses/{id}."""

import pytest

from courses.factories import add_module
from lessons.factories import add_lesson
from lessons.services import mark_lesson_done

pytestmark = pytest.mark.django_db


def test_list_is_public_paginated_and_filterable(client, course):
    data = client.get("/api/v1/courses").json()
    assert data["count"] == 1 and data["page"] == 1
    assert data["items"][0]["slug"] == "integracijas-kurss"
    assert client.get("/api/v1/courses?level=A1").json()["count"] == 0


def test_wrong_filter_is_a_422_json_not_a_500(client, course):
    response = client.get("/api/v1/courses?level=Z9&starts_within=soon")
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_outline_for_a_visitor_has_no_progress(client, course, module, lesson):
    data = client.get(f"/api/v1/courses/{course.pk}").json()
    assert data["modules"][0]["items"][0] == {
        "id": lesson.pk, "title": "Satversme", "type": "lesson", "url": lesson.url,
        "language": "lv", "minutes": 15, "done": None}
    assert data["progress"] is None


def test_outline_for_a_learner_shows_progress_and_next(client, learner, course, module,
                                                       lesson):
    second = add_lesson(module, title="Saeima", slug="saeima")
    add_lesson(add_module(course, title="Vēsture", slug="vesture"), title="1918", slug="1918")
    mark_lesson_done(user=learner, lesson=lesson)
    client.force_login(learner)
    data = client.get(f"/api/v1/courses/{course.pk}").json()
    assert data["progress"]["done"] == 1 and data["progress"]["total"] == 3
    assert data["progress"]["next"]["id"] == second.pk
    assert data["modules"][0]["done"] == 1 and data["modules"][0]["total"] == 2


def test_unknown_course_is_404_json(client, db):
    response = client.get("/api/v1/courses/123456")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client.get("/api/v1/courses/abc").status_code == 422
