"""A learner sees their language's version of a course where one exists, the Latvian
original otherwise."""

import pytest
from wagtail.models import Locale

from courses.demo import translate
from courses.factories import add_course
from lessons.factories import add_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_catalogue(home_page, course_index, course, module):
    english = Locale.objects.get(language_code="en")
    translate(home_page, english, title="Kopā")
    translate(course_index, english, title="Courses")
    translate(course, english, title="Integration course")
    translate(module, english, title="The Latvian state")
    return english


def test_english_catalogue_lists_translations_and_untranslated_originals(
        client, english_catalogue, course_index):
    add_course(course_index, title="Latviešu valoda A1", slug="latviesu-valoda-a1")
    html = client.get("/en/courses/").content.decode()
    assert ">Integration course</a>" in html
    assert ">Integrācijas kurss</a>" not in html
    assert ">Latviešu valoda A1</a>" in html


def test_translated_page_is_served_in_the_learners_language(client, english_catalogue):
    html = client.get("/en/courses/integracijas-kurss/").content.decode()
    assert "<h1>Integration course</h1>" in html
    assert "The Latvian state" in html


def test_untranslated_lesson_falls_back_to_the_latvian_original(client, english_catalogue,
                                                                module):
    add_lesson(module, title="Satversme", slug="satversme")
    response = client.get("/en/courses/integracijas-kurss/latvijas-valsts/satversme/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="lesson-title" lang="lv">Satversme</h1>' in html  # marked as the original
    assert "(not translated: Latvian)" in html


def test_language_without_any_translation_shows_the_original(client, english_catalogue):
    response = client.get("/ru/courses/integracijas-kurss/")
    assert response.status_code == 200
    assert "<h1>Integrācijas kurss</h1>" in response.content.decode()


def test_unknown_path_is_still_404_in_every_language(client, english_catalogue):
    assert client.get("/en/courses/nav-tada/").status_code == 404
    assert client.get("/courses/nav-tada/").status_code == 404


def test_api_lists_courses_in_the_asked_language(client, english_catalogue):
    items = client.get("/api/v1/courses?lang=en").json()["items"]
    assert [item["title"] for item in items] == ["Integration course"]
    items = client.get("/api/v1/courses?lang=lv").json()["items"]
    assert [item["title"] for item in items] == ["Integrācijas kurss"]
