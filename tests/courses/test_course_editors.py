"""Teaching a group and editing a course are separate rights (issue 10, item 5): a teacher
drafts pages of the course they teach and submits them for review; the course's editors
(named by a manager) and managers publish and change course-wide settings, and review the
teachers' changes in the default workflow."""

from decimal import Decimal

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.demo import ensure_groups
from courses.factories import CourseRunFactory, add_course, add_module
from courses.models import CourseEditor
from courses.permissions import edits_course
from lessons.factories import add_lesson
from lessons.models import LessonPage
from quizzes.factories import add_quiz
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(staff, course, module, course_index, django_capture_on_commit_callbacks):
    teacher, editor = staff("skolotaja", "Teachers"), staff("redaktore", "Teachers")
    other_editor = staff("cita-redaktore", "Teachers")
    other = add_course(course_index, title="Latviešu valoda A1", slug="latviesu-valoda-a1")
    with django_capture_on_commit_callbacks(execute=True):
        CourseRunFactory(course=course, teachers=[teacher])
        CourseEditor.objects.create(course=course, user=editor)
        CourseEditor.objects.create(course=other, user=other_editor)
    return {"teacher": type(teacher).objects.get(pk=teacher.pk),
            "editor": type(editor).objects.get(pk=editor.pk),
            "other_editor": type(other_editor).objects.get(pk=other_editor.pk)}


def lesson_data(**fields):
    return nested_form_data({
        "title": "Pašvaldības", "slug": "pasvaldibas", "intro": rich_text(""),
        "estimated_minutes": 20,
        "body": streamfield([("text", rich_text("<p>Domi ievēl uz četriem gadiem.</p>"))]),
        **fields})


def test_the_rule_teachers_are_not_editors_managers_are(people, course, staff):
    assert not edits_course(people["teacher"], course)
    assert edits_course(people["editor"], course)
    assert not edits_course(people["other_editor"], course)
    assert edits_course(staff("vaditaja", "Managers"), course)


def test_editors_publish_teachers_only_draft(people, module):
    assert module.permissions_for_user(people["editor"]).can_publish()
    assert module.permissions_for_user(people["teacher"]).can_edit()
    assert not module.permissions_for_user(people["teacher"]).can_publish()
    assert not module.permissions_for_user(people["other_editor"]).can_edit()


def test_removing_an_editor_takes_publishing_away(people, module,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CourseEditor.objects.filter(user=people["editor"]).delete()
    editor = type(people["editor"]).objects.get(pk=people["editor"].pk)
    assert not module.permissions_for_user(editor).can_edit()


def test_a_teacher_cannot_publish_even_by_posting_the_publish_action(client, people, module):
    client.force_login(people["teacher"])
    client.post(f"/admin/pages/add/lessons/lessonpage/{module.pk}/",
                lesson_data(**{"action-publish": "action-publish"}))
    lesson = LessonPage.objects.get(slug="pasvaldibas")
    assert not lesson.live


def test_a_teachers_change_goes_live_when_the_courses_editor_approves(client, people, module):
    client.force_login(people["teacher"])
    response = client.post(f"/admin/pages/add/lessons/lessonpage/{module.pk}/",
                           lesson_data(**{"action-submit": "action-submit"}))
    assert response.status_code == 302, response.content.decode()[:1500]
    lesson = LessonPage.objects.get(slug="pasvaldibas")
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not lesson.live
    task_state = state.current_task_state
    assert task_state.task.specific.get_actions(lesson, people["teacher"]) == []

    # Another course's editor may neither see nor approve it.
    moderated = task_state.task.specific.get_task_states_user_can_moderate
    assert not moderated(people["other_editor"]).exists()
    client.force_login(people["other_editor"])
    refused = client.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/"
                          f"{task_state.pk}/", {})
    assert refused.status_code in (302, 403, 404)
    lesson.refresh_from_db()
    assert not lesson.live

    assert list(moderated(people["editor"])) == [task_state]
    client.force_login(people["editor"])
    client.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/", {})
    lesson.refresh_from_db()
    assert lesson.live


def test_a_teacher_cannot_change_whether_a_lesson_is_required(client, people, module):
    """The field is shown read-only; a crafted post of it is ignored."""
    client.force_login(people["teacher"])
    page = client.get(f"/admin/pages/add/lessons/lessonpage/{module.pk}/").content.decode()
    assert "tikai kursa redaktori" in page  # the locked field says why
    client.post(f"/admin/pages/add/lessons/lessonpage/{module.pk}/", lesson_data())
    assert LessonPage.objects.get(slug="pasvaldibas").required_for_completion  # default
    client.force_login(people["editor"])
    client.post(f"/admin/pages/add/lessons/lessonpage/{module.pk}/",
                lesson_data(slug="otra", **{"action-publish": "action-publish"}))
    assert not LessonPage.objects.get(slug="otra").required_for_completion


def quiz_form(quiz, user, **changes):
    form_class = QuizPage.get_edit_handler().get_form_class()
    data = nested_form_data({
        "title": quiz.title, "slug": quiz.slug, "intro": rich_text(""),
        "slots": inline_formset([]), "pass_mark": "0", "attempts_allowed": "9",
        "questions_per_page": "1", "shuffle_choices": "on", **changes})
    return form_class(data, instance=quiz, parent_page=quiz.get_parent(), for_user=user)


def test_a_teacher_cannot_set_the_pass_mark_or_attempts_of_the_course(people, module):
    quiz = add_quiz(module, title="Noslēguma tests", pass_mark=Decimal("60"),
                    attempts_allowed=2)
    form = quiz_form(quiz, people["teacher"])
    assert form.is_valid(), form.errors
    assert form.fields["pass_mark"].disabled
    assert form.cleaned_data["pass_mark"] == Decimal("60")
    assert form.cleaned_data["attempts_allowed"] == 2
    form = quiz_form(QuizPage.objects.get(pk=quiz.pk), people["editor"])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["pass_mark"] == 0 and form.cleaned_data["attempts_allowed"] == 9


def test_course_wide_fields_of_the_course_page_are_the_editors(people, course):
    form_class = type(course).get_edit_handler().get_form_class()
    teacher_form = form_class(instance=course, parent_page=course.get_parent(),
                              for_user=people["teacher"])
    editor_form = form_class(instance=course, parent_page=course.get_parent(),
                             for_user=people["editor"])
    for name in type(course).course_settings_fields:
        assert teacher_form.fields[name].disabled
        assert not editor_form.fields[name].disabled


def test_the_review_workflow_is_set_up_by_default(db):
    from wagtail.models import Page, WorkflowPage

    ensure_groups()
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == "Course review" and workflow.active
    assert [task.specific.__class__.__name__ for task in workflow.tasks] == ["CourseReviewTask"]


def test_a_lesson_outside_a_teachers_course_has_no_review_for_them(people, course_index):
    other = course_index.get_children().specific().get(slug="latviesu-valoda-a1")
    lesson = add_lesson(add_module(other, title="M", slug="m"), title="N", slug="n")
    from courses.models import CourseReviewTask

    task = CourseReviewTask(name="x")
    assert not task.may_approve(lesson, people["teacher"])
    assert not task.may_approve(lesson, people["editor"])
    assert task.may_approve(lesson, people["other_editor"])


def test_managers_name_editors_in_the_admin_teachers_cannot(client, people, course, staff):
    client.force_login(staff("vaditaja", "Managers"))
    assert client.get("/admin/course_editors/").status_code == 200
    response = client.post("/admin/course_editors/new/",
                           {"course": course.pk, "user": people["teacher"].pk})
    assert response.status_code == 302, response.content.decode()[:1500]
    assert edits_course(type(people["teacher"]).objects.get(pk=people["teacher"].pk), course)

    client.force_login(people["other_editor"])
    refused = client.post("/admin/course_editors/new/",
                          {"course": course.pk, "user": people["other_editor"].pk})
    assert refused.status_code in (302, 403)
    assert not edits_course(people["other_editor"], course)
