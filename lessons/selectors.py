"""Reads about lessons: what a lesson page shows around its body (where it sits, what
comes before and after, how far the learner is), what a learner has done, and the
"lessons" completion rule."""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import HttpRequest
from wagtail.models import Locale, Page

from accounts.models import User
from courses.models import SEAT_STATES, CoursePage, Enrollment
from courses.registry import CriterionResult
from courses.selectors.catalogue import courses_in_language
from courses.selectors.outline import (
    ItemProgress,
    course_outlines,
    outline_around,
    required_keys_by_course,
)
from lessons.models import LessonPage, LessonProgress


def done_keys(*, user: User, keys: Iterable[UUID]) -> QuerySet[LessonProgress]:
    return LessonProgress.objects.filter(user=user, translation_key__in=keys)


def lesson_context(*, lesson: LessonPage, user: User | AnonymousUser) -> dict[str, Any]:
    """Everything around the body, read from the course's outline (the original's tree in
    the learner's language), whichever translation of the lesson is served: the course and
    module, the previous and next item, and the learner's progress — the same items and
    counts as the course page, /my/ and completion. A fixed number of queries however big
    the course."""
    context: dict[str, Any] = {
        "course": None, "module": None, "course_entry": None, "module_entry": None,
        "previous_item": None, "next_item": None, "lesson_done": False,
        "course_progress": None, "untranslated_entry": None}
    outline = outline_around(page=lesson, user=user)
    item = outline.item_of(lesson.translation_key) if outline else None
    if item is not None and item.untranslated and item.page.pk == lesson.pk:
        context["untranslated_entry"] = item  # the original, served for lack of a translation
    if outline is not None:
        context.update(course=outline.course, course_entry=outline)
        module = outline.module_of(lesson.translation_key)
        if module is not None:
            context.update(module=module.page, module_entry=module)
        items = outline.items
        if item is not None:
            at = items.index(item)
            context["previous_item"] = items[at - 1] if at else None
            context["next_item"] = items[at + 1] if at + 1 < len(items) else None
        if user.is_authenticated:
            context["course_progress"] = {"done": outline.done_count, "total": outline.total,
                                          "percent": outline.percent}
    if user.is_authenticated:
        context["lesson_done"] = item.done if item is not None else done_keys(
            user=user, keys=[lesson.translation_key]).exists()
    return context


def outline_progress(user: User | AnonymousUser | None,
                     pages: list[Page]) -> dict[int, ItemProgress]:
    """The lessons among `pages` (originals): minutes, whether they count and whether they
    are done, in any translation. One query."""
    lesson_model = LessonPage._meta.model_name
    ids = [page.pk for page in pages if page.content_type.model == lesson_model]
    if not ids:
        return {}
    rows = LessonPage.objects.filter(pk__in=ids)
    fields = ["pk", "estimated_minutes", "required_for_completion"]
    if user is not None and user.is_authenticated:
        rows = rows.annotate(is_done=Exists(LessonProgress.objects.filter(
            user=user, translation_key=OuterRef("translation_key"))))
        fields.append("is_done")
    return {row["pk"]: ItemProgress(done=row.get("is_done", False),
                                    minutes=row["estimated_minutes"],
                                    counts=row["required_for_completion"],
                                    required=row["required_for_completion"])
            for row in rows.values(*fields)}


# --- the "lessons" completion rule ---------------------------------------------------------

def _result(required: set[UUID], done: int) -> CriterionResult:
    from django.utils.translation import gettext as _

    total = len(required)
    return CriterionResult(
        key="lessons", met=done >= total, label=_("Lessons done"),
        detail=_("%(done)s of %(total)s") % {"done": done, "total": total},
        progress=done / total if total else 1.0)


def evaluate_lessons_many(enrollments: list[Enrollment]) -> dict[int, CriterionResult | None]:
    """Three queries for any number of enrolments: the courses' originals, their required
    lessons, and which of them their learners have done."""
    courses = {enrollment.run.course_id: enrollment.run.course for enrollment in enrollments}
    required = required_keys_by_course(list(courses.values()), LessonPage)
    all_keys = set().union(*required.values()) if required else set()
    users = {enrollment.user_id for enrollment in enrollments}
    done: dict[int, set[UUID]] = {}
    for user_id, key in (LessonProgress.objects
                         .filter(user_id__in=users, translation_key__in=all_keys)
                         .values_list("user_id", "translation_key")):
        done.setdefault(user_id, set()).add(key)
    results: dict[int, CriterionResult | None] = {}
    for enrollment in enrollments:
        keys = required.get(enrollment.run.course_id, set())
        if not keys:
            results[enrollment.pk] = None  # a course without required lessons: no rule
            continue
        results[enrollment.pk] = _result(keys, len(keys & done.get(enrollment.user_id, set())))
    return results


def evaluate_lessons(enrollment: Enrollment) -> CriterionResult | None:
    return evaluate_lessons_many([enrollment])[enrollment.pk]


# --- the learner's courses, for /my/ -------------------------------------------------------

def my_courses(*, user: User, limit: int = 20) -> list[dict[str, object]]:
    """Courses the learner is enrolled in (active or completed) or has studied, each with
    progress and the next thing to study, in a fixed number of queries. Shown in the
    learner's language where a translation exists."""
    enrolled = set(Enrollment.objects.filter(
        user=user, state__in=SEAT_STATES)
        .values_list("run__course__translation_key", flat=True))
    studied_paths = list(LessonPage.objects.filter(progress__user=user)
                         .values_list("path", "depth"))
    course_paths = {path[:(depth - 2) * Page.steplen] for path, depth in studied_paths}
    studied = set(CoursePage.objects.filter(path__in=course_paths)
                  .values_list("translation_key", flat=True)) if course_paths else set()
    keys = enrolled | studied
    if not keys:
        return []
    try:
        locale_id = Locale.get_active().pk
    except Locale.DoesNotExist:
        locale_id = Locale.get_default().pk
    courses = list(courses_in_language(locale_id=locale_id).filter(translation_key__in=keys)
                   .order_by("title")[:limit])
    outlines = course_outlines(courses=courses, user=user)
    completed = set(Enrollment.objects.filter(
        user=user, state=Enrollment.State.COMPLETED)
        .values_list("run__course__translation_key", flat=True))
    return [{"course": course, "outline": outlines[course.pk],
             "completed": course.translation_key in completed} for course in courses]


# --- who may fetch a document ------------------------------------------------------------

def may_fetch_document(request: HttpRequest, document: Model) -> bool:
    """A document (a lesson's handout, audio or video file) is served to who may see a page
    that uses it: a published page outside every private section, or a private one whose
    restriction this request passes; people who work in the admin may fetch every document
    (they choose them for pages). A document no page uses is for the admin only. Uses are
    found in Wagtail's reference index, kept up to date as pages are saved."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    from courses.selectors.catalogue import published_q

    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    page_ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(document),
        to_object_id=str(document.pk),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    pages = Page.objects.filter(published_q(), pk__in=[int(pk) for pk in page_ids])
    for page in pages:
        restrictions = page.get_view_restrictions()
        if all(restriction.accept_request(request) for restriction in restrictions):
            return True
    return False
