"""A learner marks lessons done; progress shows on the lesson, the course and /my/, and
completion is checked for their enrolments."""

import pytest
from django.utils import timezone

from courses.factories import CourseRunFactory, EnrollmentFactory, add_module
from courses.models import Enrollment
from lessons.factories import add_lesson
from lessons.models import LessonProgress
from lessons.services import mark_lesson_done

pytestmark = pytest.mark.django_db


def test_marking_done_without_javascript_records_once(client, learner, lesson):
    client.force_login(learner)
    url = f"/lessons/{lesson.pk}/done/"
    client.post(url, {"next": lesson.url})
    response = client.post(url, {"next": lesson.url})  # a double click
    assert response.status_code == 302 and response["Location"] == lesson.url
    assert LessonProgress.objects.filter(user=learner).count() == 1
    html = client.get(lesson.url).content.decode()
    assert "data-complete-form" not in html
    assert 'value="1" data-course-progress' in html


def test_marking_done_refuses_an_outside_redirect(client, learner, lesson):
    client.force_login(learner)
    response = client.post(f"/lessons/{lesson.pk}/done/", {"next": "https://evil.example/"})
    assert response["Location"] == lesson.url


def test_visitor_is_sent_to_sign_in(client, lesson):
    response = client.post(f"/lessons/{lesson.pk}/done/", {"next": lesson.url})
    assert response.status_code == 302 and "sign-in" in response["Location"]
    assert not LessonProgress.objects.exists()


def test_course_page_shows_progress_per_module(client, learner, course, module, lesson):
    add_lesson(module, title="Saeima", slug="saeima")
    other = add_module(course, title="Vēsture", slug="vesture")
    add_lesson(other, title="1918", slug="1918")
    mark_lesson_done(user=learner, lesson=lesson)
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "1 of 3 lessons done" in html or "1 no 3" in html
    assert 'max="2" value="1"' in html  # the first module
    assert 'max="1" value="0"' in html  # the second


def test_dashboard_lists_courses_with_progress_and_next_lesson(client, learner, module,
                                                               lesson):
    second = add_lesson(module, title="Saeima", slug="saeima")
    mark_lesson_done(user=learner, lesson=lesson)
    client.force_login(learner)
    html = client.get("/my/").content.decode()
    assert "Integrācijas kurss" in html
    assert f'href="{second.url}">Saeima</a>' in html


def test_enrolled_course_appears_on_dashboard_before_any_lesson(client, learner, run, lesson):
    EnrollmentFactory(run=run, user=learner)
    client.force_login(learner)
    html = client.get("/my/").content.decode()
    assert f'href="{lesson.url}">Satversme</a>' in html


def test_lessons_criterion_completes_the_enrolment(learner, run, module, lesson,
                                                   django_capture_on_commit_callbacks):
    optional = add_lesson(module, title="Papildus", slug="papildus",
                          required_for_completion=False)
    enrollment = EnrollmentFactory(run=run, user=learner)
    from lessons.selectors import evaluate_lessons

    result = evaluate_lessons(enrollment)
    assert result.met is False and result.progress == 0
    with django_capture_on_commit_callbacks(execute=True):
        mark_lesson_done(user=learner, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.state == Enrollment.State.COMPLETED
    assert evaluate_lessons(enrollment).progress == 1.0
    assert optional.pk  # an optional lesson is not needed


def test_criterion_does_not_apply_to_a_course_without_lessons(learner, run):
    from lessons.selectors import evaluate_lessons

    assert evaluate_lessons(EnrollmentFactory(run=run, user=learner)) is None


def test_evaluate_many_answers_a_whole_run_in_few_queries(make_user, run, module, lesson,
                                                          django_assert_max_num_queries):
    from lessons.selectors import evaluate_lessons_many

    learners = [make_user() for _ in range(12)]
    enrollments = [EnrollmentFactory(run=run, user=person) for person in learners]
    mark_lesson_done(user=learners[0], lesson=lesson)
    enrollments = list(Enrollment.objects.select_related("run__course")
                       .filter(pk__in=[e.pk for e in enrollments]))
    # The courses' originals (a group may be attached to a translation: completion reads
    # the original's tree, as the outline does), their required lessons, who did which.
    with django_assert_max_num_queries(3):
        results = evaluate_lessons_many(enrollments)
    assert sum(1 for result in results.values() if result.met) == 1


def test_a_lesson_done_in_a_translation_counts_for_the_original(learner, run, lesson,
                                                                django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from lessons.selectors import evaluate_lessons

    english = Locale.objects.get(language_code="en")
    translated = lesson.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    enrollment = EnrollmentFactory(run=run, user=learner)
    mark_lesson_done(user=learner, lesson=translated)
    assert evaluate_lessons(enrollment).met is True


def test_other_runs_enrolments_are_not_checked(learner, course, lesson,
                                               django_capture_on_commit_callbacks):
    other_course_run = CourseRunFactory(course=course)
    enrollment = EnrollmentFactory(run=other_course_run, user=learner,
                                   state=Enrollment.State.WITHDRAWN,
                                   withdrawn_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mark_lesson_done(user=learner, lesson=lesson)
    assert callbacks == []
    enrollment.refresh_from_db()
    assert enrollment.state == Enrollment.State.WITHDRAWN


def test_personal_data_export_and_erase(learner, lesson):
    from accounts.services import erase_personal_data, export_personal_data

    mark_lesson_done(user=learner, lesson=lesson)
    assert export_personal_data(user=learner)["lessons"]["lessons_done"][0]["lesson"] \
        == "Satversme"
    erase_personal_data(user=learner)
    assert not LessonProgress.objects.exists()
