"""Drafts, previews and revisions come from Wagtail and work for every page of a course."""

import pytest

from lessons.factories import add_lesson, sample_body

pytestmark = pytest.mark.django_db


def test_every_course_page_type_previews(course_index, course, module, lesson):
    for page in (course_index, course, module, lesson):
        response = page.make_preview_request()
        assert response.status_code == 200, page


def test_a_draft_revision_is_previewed_but_not_served(client, module, lesson):
    lesson.title = "Satversme (labots)"
    lesson.save_revision()  # a draft, not published
    latest = lesson.get_latest_revision_as_object()
    assert latest.make_preview_request().status_code == 200
    assert "Satversme (labots)" not in client.get(lesson.url).content.decode()


def test_a_never_published_lesson_previews(module):
    draft = add_lesson(module, title="Jauna", slug="jauna", body=sample_body(), publish=False)
    draft.unpublish()
    assert draft.make_preview_request().status_code == 200


def test_admin_preview_of_a_lesson(admin_client, lesson):
    response = admin_client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 200
    assert "body" in response.content.decode()
