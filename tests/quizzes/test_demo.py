"""The demo's question bank and quizzes, built twice without duplicates."""

import pytest
from wagtail.models import Locale

from courses.factories import add_course, add_module
from quizzes import demo
from quizzes.models import Question, QuizPage
from quizzes.services import start_attempt

pytestmark = pytest.mark.django_db


def test_the_bank_has_a_bilingual_final_test_of_several_kinds(db):
    bank = demo.build_bank()
    assert len(bank["lv"]) == len(bank["en"]) == 20
    assert len({q.kind for q in bank["lv"]}) >= 7
    count = Question.objects.count()
    demo.build_bank()
    assert Question.objects.count() == count


def test_demo_skips_missing_courses(db, capsys):
    demo.load({})
    assert "skipped" in capsys.readouterr().out


def test_demo_adds_the_final_test_with_an_english_translation_and_practice(
        course_index, learner):
    course = add_course(course_index, title="Integrācijas kurss", slug=demo.INTEGRATION_SLUG)
    add_module(course, title="Valsts", slug="valsts")
    last = add_module(course, title="Ikdiena", slug="ikdiena")
    english = Locale.objects.get(language_code="en")
    course.copy_for_translation(english, copy_parents=True).save_revision().publish()
    last.copy_for_translation(english).save_revision().publish()
    a1 = add_course(course_index, title="Latviešu valoda A1", slug=demo.A1_SLUG)
    add_module(a1, title="Sveiki!", slug="sveiki")
    add_module(a1, title="Skaitļi", slug="skaitli")
    demo.load({})
    demo.load({})
    final = QuizPage.objects.get(slug=demo.FINAL_SLUG, locale__language_code="lv")
    assert final.get_parent().pk == last.pk and final.slots.count() == 20
    translated = final.get_translation(english)
    assert translated.live and translated.slots.first().question.language == "en"
    practice = QuizPage.objects.filter(slug__startswith="vingrinajumi-")
    assert practice.count() == 2
    attempt = start_attempt(quiz=practice.first(), user=learner)
    assert attempt.answers.count() == 5
