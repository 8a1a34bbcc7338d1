"""Writes about lessons: a learner marks a lesson done."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from accounts.models import User
from courses.models import Enrollment
from courses.permissions import editors_of_course, teachers_of_course
from courses.selectors.outline import course_of
from courses.services import queue_completion_checks
from lessons.models import LessonPage, LessonProgress

if TYPE_CHECKING:
    from django.contrib.auth.models import Group, Permission

    from courses.models import CoursePage


def mark_lesson_done(*, user: User, lesson: LessonPage) -> tuple[LessonProgress, bool]:
    """Records that `user` has studied `lesson` (idempotent: a double click or a second
    device records it once) and has completion checked for the learner's active
    enrolments in its course. Returns the record and whether it is new."""
    existing = LessonProgress.objects.filter(
        user=user, translation_key=lesson.translation_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            progress = LessonProgress.objects.create(
                user=user, lesson=lesson, translation_key=lesson.translation_key)
            course = course_of(lesson)
            if course is not None:
                enrollments = Enrollment.objects.filter(
                    user=user, state=Enrollment.State.ACTIVE,
                    run__course__translation_key=course.translation_key)
                queue_completion_checks(enrollments.values_list("pk", flat=True))
    except IntegrityError:
        # The same learner marked it done at the same moment elsewhere.
        return LessonProgress.objects.get(user=user,
                                          translation_key=lesson.translation_key), False
    return progress, True


def export_progress(user: User) -> dict[str, object]:
    return {"lessons_done": [
        {"lesson": row["lesson__title"], "done_at": row["completed_at"].isoformat()}
        for row in LessonProgress.objects.filter(user=user)
        .values("lesson__title", "completed_at")]}


def erase_progress(user: User) -> None:
    LessonProgress.objects.filter(user=user).delete()


# --- who may author a course -----------------------------------------------------------
# Wagtail grants page permissions to groups on a subtree. Each course gets two groups of its
# own, holding permissions on the course page and its translations: its authors (the
# teachers of its groups) draft pages and submit them for review; its editors (named by a
# manager, `courses.CourseEditor`) also publish and change course-wide settings.

AUTHOR_PAGE_PERMISSIONS = ("add", "change", "lock", "unlock")
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
MANAGER_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
MEDIA_PERMISSIONS = (("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
                     ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"))


def _page_permissions(types: tuple[str, ...]) -> "list[Permission]":
    from django.contrib.auth.models import Permission

    return list(Permission.objects.filter(content_type__app_label="wagtailcore",
                                          codename__in=[f"{t}_page" for t in types]))


def _grant_media(group: "Group") -> None:
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    for app_label, codename in MEDIA_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label,
                                            codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root,
                                                        permission=permission)


def course_editors_group_name(course: "CoursePage") -> str:
    return f"Course editors #{course.translation_key}"


def course_authors_group_name(course: "CoursePage") -> str:
    return f"Course authors #{course.translation_key}"


def _sync_group(*, name: str, pages: "list[CoursePage]", types: tuple[str, ...],
                members: Iterable[User]) -> "Group":
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                 codename="access_admin"))
    _grant_media(group)
    permissions = _page_permissions(types)
    GroupPagePermission.objects.filter(group=group).exclude(
        permission__in=permissions).delete()
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page,
                                                      permission=permission)
    group.user_set.set(members)
    return group


@transaction.atomic
def sync_course_editors(*, course_id: int) -> "Group | None":
    """Makes the course's author group hold exactly the teachers of its runs and its editor
    group exactly its named editors, each with its page permissions on the course and each
    of its translations. Idempotent. Returns the editor group."""
    from courses.models import CoursePage

    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return None
    pages = list(CoursePage.objects.filter(translation_key=course.translation_key))
    _sync_group(name=course_authors_group_name(course), pages=pages,
                types=AUTHOR_PAGE_PERMISSIONS, members=teachers_of_course(course))
    return _sync_group(name=course_editors_group_name(course), pages=pages,
                       types=EDITOR_PAGE_PERMISSIONS, members=editors_of_course(course))


def sync_editors_of_courses(*, course_ids: Iterable[int]) -> None:
    for course_id in set(course_ids):
        sync_course_editors(course_id=course_id)


def queue_editor_sync(*, course_ids: Iterable[int]) -> None:
    """After the change that moved teachers commits (signals hand over to this)."""
    course_ids = set(course_ids)
    if course_ids:
        transaction.on_commit(lambda: sync_editors_of_courses(course_ids=course_ids))


@transaction.atomic
def grant_manager_permissions(*, group: "Group") -> None:
    """Managers may author everywhere: page permissions on the root of the tree."""
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:  # a database just flushed (tests): nothing to grant on yet
        return
    for permission in _page_permissions(MANAGER_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    _grant_media(group)


REVIEW_WORKFLOW = "Course review"


@transaction.atomic
def ensure_review_workflow() -> None:
    """The default workflow: a change drafted by a course's author (a teacher) goes live
    when the course's editors approve it. Made once; it takes the place of Wagtail's
    untouched default ("Moderators approval", whose group nobody is in) on the root, and
    a manager may change or turn it off in the admin afterwards without it coming back."""
    from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

    from courses.models import CourseReviewTask

    root = Page.get_first_root_node()
    if root is None or Workflow.objects.filter(name=REVIEW_WORKFLOW).exists():
        return
    workflow = Workflow.objects.create(name=REVIEW_WORKFLOW)
    task = CourseReviewTask.objects.create(name="Course editors approve")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    current = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if current is None:
        WorkflowPage.objects.create(page=root, workflow=workflow)
    elif current.workflow.name == "Moderators approval":
        current.workflow = workflow
        current.save(update_fields=["workflow"])
