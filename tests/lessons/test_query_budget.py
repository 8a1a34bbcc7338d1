"""A signed-in learner's lesson page costs the same few queries in a course of 5 lessons
as in one of 200."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.factories import add_course, add_module
from lessons.factories import add_lesson, sample_body
from lessons.services import mark_lesson_done

pytestmark = pytest.mark.django_db

BUDGET = 15


def build_course(index, *, slug: str, lessons: int):
    course = add_course(index, title=f"Kurss {slug}", slug=slug)
    per_module = 20
    made = []
    for m in range((lessons + per_module - 1) // per_module):
        module = add_module(course, title=f"Modulis {m}", slug=f"m{m}", publish=False)
        for _n in range(min(per_module, lessons - len(made))):
            made.append(add_lesson(module, title=f"Nodarbība {len(made)}",
                                   slug=f"n{len(made)}", body=sample_body(), publish=False))
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
    small = build_course(course_index, slug="mazs", lessons=5)
    large = build_course(course_index, slug="liels", lessons=200)
    for lesson in small[:2] + large[:2]:
        mark_lesson_done(user=learner, lesson=lesson)
    client.force_login(learner)
    small_count = count_queries(client, small[2].url)
    large_count = count_queries(client, large[150].url)
    assert small_count == large_count
    assert large_count <= BUDGET, large_count
