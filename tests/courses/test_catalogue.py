"""The catalogue lists published courses with filters that work without JavaScript,
paginated, in a number of queries that does not grow with the courses on a page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.factories import CourseRunFactory, add_course
from courses.models import InstructionLanguage

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(course_index):
    today = timezone.localdate()
    russian = InstructionLanguage.objects.create(code="ru", name="Русский")
    a1 = add_course(course_index, title="Latviešu valoda A1", slug="latviesu-valoda-a1",
                    kind="language", cefr_level="A1", delivery_format="online")
    a2 = add_course(course_index, title="Latviešu valoda A2", slug="a2", kind="language",
                    cefr_level="A2")
    integration = add_course(course_index, title="Integrācijas kurss",
                             slug="integracijas-kurss", kind="integration")
    integration.instruction_languages.add(russian)
    integration.save_revision().publish()
    hidden = add_course(course_index, title="Melnraksts", slug="melnraksts")
    hidden.unpublish()
    CourseRunFactory(course=a1, city="Liepāja", region="kurzeme",
                     starts_on=today + datetime.timedelta(days=5))
    CourseRunFactory(course=a2, city="Rīga", region="riga", language="ru",
                     starts_on=today + datetime.timedelta(days=60))
    CourseRunFactory(course=integration, city="Daugavpils", region="latgale",
                     starts_on=today - datetime.timedelta(days=60),
                     ends_on=today - datetime.timedelta(days=1))
    return course_index


def titles(client, query: str = "") -> set[str]:
    html = client.get(f"/courses/{query}").content.decode()
    return {title for title in ("Latviešu valoda A1", "Latviešu valoda A2",
                                "Integrācijas kurss", "Melnraksts") if f">{title}</a>" in html}


def test_lists_published_courses_only(client, catalogue):
    assert titles(client) == {"Latviešu valoda A1", "Latviešu valoda A2", "Integrācijas kurss"}


def test_filters_by_level(client, catalogue):
    assert titles(client, "?level=A1") == {"Latviešu valoda A1"}


def test_filters_by_region_and_city_of_upcoming_runs(client, catalogue):
    assert titles(client, "?region=kurzeme") == {"Latviešu valoda A1"}
    assert titles(client, "?city=R%C4%ABga") == {"Latviešu valoda A2"}
    # The Daugavpils group has ended: it no longer puts the course in Latgale.
    assert titles(client, "?region=latgale") == set()


def test_filters_by_language_of_the_course_or_of_a_run(client, catalogue):
    assert titles(client, "?language=ru") == {"Integrācijas kurss", "Latviešu valoda A2"}


def test_filters_by_format_and_start(client, catalogue):
    assert titles(client, "?format=online") == {"Latviešu valoda A1"}
    assert titles(client, "?starts_within=7") == {"Latviešu valoda A1"}
    assert titles(client, "?starts_within=90") == {"Latviešu valoda A1", "Latviešu valoda A2"}


def test_wrong_filter_values_are_ignored_not_an_error(client, catalogue):
    response = client.get("/courses/?level=Z9&starts_within=abc&page=xyz")
    assert response.status_code == 200
    assert titles(client, "?level=Z9") == {"Latviešu valoda A1", "Latviešu valoda A2",
                                           "Integrācijas kurss"}


def test_filter_form_is_a_plain_get_form_with_labels(client, catalogue):
    html = client.get("/courses/").content.decode()
    assert '<form method="get"' in html
    assert '<label for="id_level">' in html and 'id="id_level"' in html


def test_paginates(client, course_index):
    for n in range(14):
        add_course(course_index, title=f"Kurss {n:02d}", slug=f"kurss-{n}", publish=False)
    html = client.get("/courses/").content.decode()
    assert 'rel="next" href="?page=2"' in html
    assert "14" in client.get("/courses/?page=2").content.decode()


def catalogue_queries(client) -> int:
    client.get("/courses/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/courses/?format=in_class").status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_courses_on_a_page(client, course_index):
    today = timezone.localdate()
    language = InstructionLanguage.objects.create(code="lv", name="Latviešu")

    def add(n):
        course = add_course(course_index, title=f"Kurss {n}", slug=f"k{n}", publish=False)
        course.instruction_languages.add(language)
        CourseRunFactory(course=course, starts_on=today + datetime.timedelta(days=n))

    add(0)
    few = catalogue_queries(client)
    for n in range(1, 12):
        add(n)
    many = catalogue_queries(client)
    assert few == many
