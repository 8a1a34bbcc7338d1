"""A lesson's documents are served only to who may see a page that uses them (issue 10,
item 3): anyone for an open course, nobody outside a private one, the admin's people for
a document no page uses; and never straight from /media/, which would skip the check."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from courses.factories import add_course, add_module
from lessons.factories import add_lesson

pytestmark = pytest.mark.django_db


def handout(name="satversme.pdf"):
    return Document.objects.create(title=name, file=ContentFile(b"%PDF-1.4\n", name=name))


def lesson_with(module, document, slug="n"):
    return add_lesson(module, title="Satversme", slug=slug, body=[
        ("download", {"document": document, "description": "Satversmes teksts"})])


def test_an_open_courses_document_is_served_to_anyone(client, module):
    document = handout()
    lesson_with(module, document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_private_courses_document_is_not_served_outside_it(client, course_index, learner):
    private = add_course(course_index, title="Slēgtais", slug="slegtais")
    group = Group.objects.create(name="Slēgtā kursa grupa")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    document = handout("slepens.pdf")
    lesson_with(add_module(private, title="M", slug="m"), document)
    assert client.get(document.url).status_code == 404
    client.force_login(learner)
    assert client.get(document.url).status_code == 404
    learner.groups.add(group)
    assert client.get(document.url).status_code == 200


def test_a_document_of_an_unpublished_lesson_is_not_served(client, module):
    document = handout("melnraksts.pdf")
    lesson = lesson_with(module, document)
    lesson.unpublish()
    assert client.get(document.url).status_code == 404


def test_a_document_no_page_uses_is_for_the_admins_people_only(client, learner, staff):
    document = handout("viens.pdf")
    assert client.get(document.url).status_code == 404
    client.force_login(learner)
    assert client.get(document.url).status_code == 404
    client.force_login(staff("skolotaja", "Teachers"))
    assert client.get(document.url).status_code == 200


def test_documents_are_not_served_straight_from_media(client, module, settings):
    document = handout()
    lesson_with(module, document)
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404
