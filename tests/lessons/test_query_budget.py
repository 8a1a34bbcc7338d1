"""A signed-in learner's lesson page costs the same few queries in a course of 5 lessons
as in one of 200, with every kind of block in it, media included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.factories import add_course, add_module
from lessons.factories import add_lesson, media_body
from lessons.services import mark_lesson_done

pytestmark = pytest.mark.django_db

BUDGET = 15


def build_course(index, *, slug: str, lessons: int, body: list):
    course = add_course(index, title=f"Kurss {slug}", slug=slug)
    per_module = 20
    made = []
    for m in range((lessons + per_module - 1) // per_module):
        module = add_module(course, title=f"Modulis {m}", slug=f"m{m}", publish=False)
        for _n in range(min(per_module, lessons - len(made))):
            made.append(add_lesson(module, title=f"Nodarbība {len(made)}",
                                   slug=f"n{len(made)}", body=body, publish=False))
    return made


def count_queries(client, url: str) -> int:
    client.get(url)  # warms Wagtail's cached site root paths, as any earlier request would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def no_search_indexing(settings):
    """Building 200 lessons is about the tree, not search: skip indexing them."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}


def test_lesson_page_query_count_does_not_grow_with_the_course(client, learner, course_index,
                                                               no_search_indexing):
    body = media_body()  # an image, audio, video with captions, a document, pronunciations
    small = build_course(course_index, slug="mazs", lessons=5, body=body)
    large = build_course(course_index, slug="liels", lessons=200, body=body)
    for lesson in small[:2] + large[:2]:
        mark_lesson_done(user=learner, lesson=lesson)
    client.force_login(learner)
    small_count = count_queries(client, small[2].url)
    large_count = count_queries(client, large[150].url)
    assert small_count == large_count
    assert large_count <= BUDGET, large_count


def test_a_rich_lesson_renders_all_its_media(client, learner, course_index):
    """The documents come from one lookup for the whole body; each lands where it belongs."""
    lesson = build_course(course_index, slug="bagats", lessons=1, body=media_body())[0]
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    for piece in ('<img', 'alt="Brīvības piemineklis Rīgā"', 'src="/documents/',
                  '.mp3"', '.mp4"', '.vtt"', '.pdf" download'):
        assert piece in html, piece


def test_loading_lessons_does_not_look_up_their_documents(course_index,
                                                          django_assert_num_queries):
    """The body's documents are fetched when the body is read, not when a lesson is
    loaded: listings (outlines, completion, search) load many lessons and read no body."""
    from lessons.models import LessonPage

    build_course(course_index, slug="saraksts", lessons=5, body=media_body())
    with django_assert_num_queries(1):
        lessons = list(LessonPage.objects.filter(slug__startswith="n"))
    assert len(lessons) == 5
    with django_assert_num_queries(2):  # then one for the documents, one for the image
        assert [block.block_type for block in lessons[0].body][-1] == "download"
