"""Teachers author only the courses they teach; managers author everywhere; learners see
only published, public pages."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses.factories import CourseRunFactory, add_course, add_module
from lessons import services
from lessons.factories import add_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses(course_index, course, module):
    other = add_course(course_index, title="Latviešu valoda A1", slug="latviesu-valoda-a1")
    other_module = add_module(other, title="Sveicieni", slug="sveicieni")
    return course, module, other, other_module


def test_teacher_of_a_run_may_edit_and_add_under_that_course_only(
        staff, two_courses, django_capture_on_commit_callbacks):
    course, module, other, other_module = two_courses
    teacher = staff("skolotaja", "Teachers")
    with django_capture_on_commit_callbacks(execute=True):
        CourseRunFactory(course=course, teachers=[teacher])
    assert module.permissions_for_user(teacher).can_edit()
    assert module.permissions_for_user(teacher).can_add_subpage()
    # Teaching is not editing: a teacher's changes go live through the course's editors.
    assert not course.permissions_for_user(teacher).can_publish()
    assert not other_module.permissions_for_user(teacher).can_edit()
    assert not other.permissions_for_user(teacher).can_add_subpage()
    assert not course.get_parent().permissions_for_user(teacher).can_add_subpage()


def test_teacher_uses_the_real_admin_editor(client, staff, two_courses,
                                            django_capture_on_commit_callbacks):
    course, module, _other, other_module = two_courses
    teacher = staff("skolotaja", "Teachers")
    with django_capture_on_commit_callbacks(execute=True):
        CourseRunFactory(course=course, teachers=[teacher])
    client.force_login(teacher)
    assert client.get(f"/admin/pages/{module.pk}/edit/").status_code == 200
    assert client.get(
        f"/admin/pages/add/lessons/lessonpage/{module.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{other_module.pk}/edit/").status_code in (302, 403)


def test_removing_a_teacher_from_the_run_takes_the_permission_away(
        staff, two_courses, django_capture_on_commit_callbacks):
    course, module, *_ = two_courses
    teacher = staff("skolotaja", "Teachers")
    with django_capture_on_commit_callbacks(execute=True):
        run = CourseRunFactory(course=course, teachers=[teacher])
    with django_capture_on_commit_callbacks(execute=True):
        run.teachers.remove(teacher)
    teacher = type(teacher).objects.get(pk=teacher.pk)
    assert not module.permissions_for_user(teacher).can_edit()


def test_teacher_without_runs_cannot_edit_any_course(staff, two_courses):
    teacher = staff("jauns", "Teachers")
    services.sync_editors_of_courses(course_ids=[two_courses[0].pk])
    assert not two_courses[1].permissions_for_user(teacher).can_edit()


def test_manager_may_edit_everywhere(staff, two_courses):
    manager = staff("vaditaja", "Managers")
    services.grant_manager_permissions(group=Group.objects.get(name="Managers"))
    course, module, other, other_module = two_courses
    for page in (course.get_parent(), course, module, other, other_module):
        permissions = page.permissions_for_user(manager)
        assert permissions.can_edit() and permissions.can_publish()
    assert course.get_parent().permissions_for_user(manager).can_add_subpage()


def test_learner_never_sees_unpublished_or_private_courses(client, learner, course_index):
    draft = add_course(course_index, title="Melnraksts", slug="melnraksts")
    draft.unpublish()
    private = add_course(course_index, title="Slepenais", slug="slepenais")
    PageViewRestriction.objects.create(page=private,
                                       restriction_type=PageViewRestriction.GROUPS)
    lesson = add_lesson(add_module(private, title="M", slug="m"), title="Slepena nodarbība",
                        slug="n")
    client.force_login(learner)
    html = client.get("/courses/").content.decode()
    assert "Melnraksts" not in html and "Slepenais" not in html
    assert client.get("/courses/melnraksts/").status_code == 404
    assert client.get(private.url).status_code != 200
    assert client.get(f"/api/v1/courses/{draft.pk}").status_code == 404
    assert client.get(f"/api/v1/courses/{private.pk}").status_code == 404
    assert client.post(f"/api/v1/lessons/{lesson.pk}/complete").status_code == 404
    listed = {item["id"] for item in client.get("/api/v1/courses").json()["items"]}
    assert draft.pk not in listed and private.pk not in listed


def test_teacher_drafts_a_lesson_with_the_admin_form(
        client, staff, two_courses, django_capture_on_commit_callbacks):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from lessons.models import LessonPage

    course, module, _other, other_module = two_courses
    teacher = staff("skolotaja", "Teachers")
    with django_capture_on_commit_callbacks(execute=True):
        CourseRunFactory(course=course, teachers=[teacher])
    client.force_login(teacher)
    data = nested_form_data({
        "title": "Pašvaldības", "slug": "pasvaldibas", "intro": rich_text(""),
        "estimated_minutes": 20, "required_for_completion": "on",
        "body": streamfield([
            ("heading", {"text": "Pašvaldību vēlēšanas", "level": "h2"}),
            ("text", rich_text("<p>Domi ievēl uz četriem gadiem.</p>")),
        ]),
    })
    response = client.post(f"/admin/pages/add/lessons/lessonpage/{module.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="pasvaldibas")
    assert not lesson.live and lesson.get_parent().pk == module.pk
    assert [block.block_type for block in lesson.body] == ["heading", "text"]
    refused = client.post(f"/admin/pages/add/lessons/lessonpage/{other_module.pk}/",
                          {**data, "slug": "cits"})
    assert refused.status_code in (302, 403)
    assert not LessonPage.objects.filter(slug="cits").exists()


def test_sync_command_rebuilds_editor_groups(staff, two_courses):
    from django.core.management import call_command

    course, module, *_ = two_courses
    teacher = staff("skolotaja", "Teachers")
    CourseRunFactory(course=course, teachers=[teacher])  # no commit hook ran
    assert not module.permissions_for_user(teacher).can_edit()
    call_command("sync_course_editors", stdout=StringIO())
    teacher = type(teacher).objects.get(pk=teacher.pk)
    assert module.permissions_for_user(teacher).can_edit()
