"""Writes about lessons: a learner marks a lesson done."""

from django.db import IntegrityError, transaction

from courses.models import Enrollment
from courses.permissions import teachers_of_course
from courses.selectors.catalogue import course_of
from courses.services import queue_completion_check
from lessons.models import LessonPage, LessonProgress


def mark_lesson_done(*, user, lesson: LessonPage) -> tuple[LessonProgress, bool]:
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
                for enrollment_id in enrollments.values_list("pk", flat=True):
                    queue_completion_check(enrollment_id)
    except IntegrityError:
        # The same learner marked it done at the same moment elsewhere.
        return LessonProgress.objects.get(user=user,
                                          translation_key=lesson.translation_key), False
    return progress, True


def export_progress(user) -> dict:
    return {"lessons_done": [
        {"lesson": row["lesson__title"], "done_at": row["completed_at"].isoformat()}
        for row in LessonProgress.objects.filter(user=user)
        .values("lesson__title", "completed_at")]}


def erase_progress(user) -> None:
    LessonProgress.objects.filter(user=user).delete()


# --- who may author a course -----------------------------------------------------------
# Wagtail grants page permissions to groups on a subtree. A teacher may author the courses
# they teach, so each course gets a group of its own, holding permissions on the course
# page and its translations, whose members are the teachers of the course's groups (runs).

EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
MANAGER_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
MEDIA_PERMISSIONS = (("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
                     ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"))


def _page_permissions(types: tuple[str, ...]) -> list:
    from django.contrib.auth.models import Permission

    return list(Permission.objects.filter(content_type__app_label="wagtailcore",
                                          codename__in=[f"{t}_page" for t in types]))


def _grant_media(group) -> None:
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    for app_label, codename in MEDIA_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label,
                                            codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root,
                                                        permission=permission)


def course_editors_group_name(course) -> str:
    return f"Course editors #{course.translation_key}"


@transaction.atomic
def sync_course_editors(*, course_id: int):
    """Makes the course's editor group hold exactly the teachers of its runs, with page
    permissions on the course and each of its translations. Idempotent."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from courses.models import CoursePage

    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return None
    group, _created = Group.objects.get_or_create(name=course_editors_group_name(course))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                 codename="access_admin"))
    _grant_media(group)
    pages = list(CoursePage.objects.filter(translation_key=course.translation_key))
    permissions = _page_permissions(EDITOR_PAGE_PERMISSIONS)
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page,
                                                      permission=permission)
    group.user_set.set(teachers_of_course(course))
    return group


def sync_editors_of_courses(*, course_ids) -> None:
    for course_id in set(course_ids):
        sync_course_editors(course_id=course_id)


def queue_editor_sync(*, course_ids) -> None:
    """After the change that moved teachers commits (signals hand over to this)."""
    course_ids = set(course_ids)
    if course_ids:
        transaction.on_commit(lambda: sync_editors_of_courses(course_ids=course_ids))


@transaction.atomic
def grant_manager_permissions(*, group) -> None:
    """Managers may author everywhere: page permissions on the root of the tree."""
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:  # a database just flushed (tests): nothing to grant on yet
        return
    for permission in _page_permissions(MANAGER_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    _grant_media(group)
