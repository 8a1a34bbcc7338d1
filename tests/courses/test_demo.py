"""The demo's two courses, which other parts of the demo and their tests rely on."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from courses.models import CoursePage
from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def test_demo_courses_exist_in_latvian_and_english_with_real_lessons(client, capsys):
    call_command("seed_demo")
    integration = CoursePage.objects.get(slug="integracijas-kurss", locale__language_code="lv")
    assert (integration.title, integration.kind, integration.academic_hours,
            integration.completion_min_attendance) == ("Integrācijas kurss", "integration",
                                                       28, 80)
    a1 = CoursePage.objects.get(slug="latviesu-valoda-a1", locale__language_code="lv")
    assert (a1.title, a1.kind, a1.cefr_level) == ("Latviešu valoda A1", "language", "A1")
    for course in (integration, a1):
        english = course.get_translation(Locale.objects.get(language_code="en"))
        assert english.live and english.title != course.title
    lessons = LessonPage.objects.filter(locale__language_code="lv")
    assert lessons.descendant_of(integration).count() >= 12
    vocabulary = [block for lesson in lessons.descendant_of(a1) for block in lesson.body
                  if block.block_type == "vocabulary"]
    assert vocabulary and all(item["translation_uk"] for item in vocabulary[0].value["items"])
    html = client.get("/en/courses/latviesu-valoda-a1/sveicieni/labdien/").content.decode()
    assert "Saying hello" in html and "добрый день" not in html and "good day" in html
    assert LessonPage.objects.count() == 2 * 20  # each lesson once, and in English
