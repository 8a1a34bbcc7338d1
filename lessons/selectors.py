"""Reads about lessons: what a lesson page shows around its body (where it sits, what
comes before and after, how far the learner is), what a learner has done, and the
"lessons" completion rule."""

from collections.abc import Iterable
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Func, Model, Q, QuerySet, Subquery
from django.http import HttpRequest
from wagtail.models import Locale, Page

from accounts.models import User
from courses.models import CoursePage, Enrollment
from courses.registry import CriterionResult
from courses.selectors.catalogue import (
    ItemProgress,
    course_outlines,
    courses_in_language,
    visible_q,
)
from lessons.models import LessonPage, LessonProgress


def done_keys(*, user: User, keys: Iterable[UUID]) -> QuerySet[LessonProgress]:
    return LessonProgress.objects.filter(user=user, translation_key__in=keys)


def _count(queryset: QuerySet[Model]) -> Subquery:
    return Subquery(queryset.order_by().annotate(n=Func(F("pk"), function="COUNT"))
                    .values("n")[:1])


def lesson_context(*, lesson: LessonPage, user: User | AnonymousUser) -> dict[str, object]:
    """Everything around the body in one query however big the course: the course and
    module, the previous and next page in tree order, and the learner's progress."""
    steplen = Page.steplen
    course_path = lesson.path[:(lesson.depth - 2) * steplen]
    module_path = lesson.path[:(lesson.depth - 1) * steplen]
    siblings = (Page.objects.filter(path__startswith=course_path, depth=lesson.depth)
                .filter(visible_q()))
    previous_pk = siblings.filter(path__lt=lesson.path).order_by("-path").values("pk")[:1]
    next_pk = siblings.filter(path__gt=lesson.path).order_by("path").values("pk")[:1]
    pages = Page.objects.filter(Q(path__in=[course_path, module_path])
                                | Q(pk=Subquery(previous_pk)) | Q(pk=Subquery(next_pk)))
    signed_in = user.is_authenticated
    if user.is_authenticated:  # = signed_in, which mypy does not follow to narrow `user`
        mine = LessonProgress.objects.filter(user=user).values("translation_key")
        required = (LessonPage.objects.filter(path__startswith=course_path,
                                              depth__gt=lesson.depth - 2)
                    .filter(visible_q(), required_for_completion=True))
        pages = pages.annotate(
            lessons_total=_count(required),
            lessons_done=_count(required.filter(translation_key__in=mine)),
            this_done=_count(LessonProgress.objects.filter(
                user=user, translation_key=lesson.translation_key)))
    context: dict[str, object]
    context = {"course": None, "module": None, "previous_page": None, "next_page": None,
               "lesson_done": False, "course_progress": None}
    for page in pages:
        if page.path == course_path:
            context["course"] = page
        elif page.path == module_path:
            context["module"] = page
        elif page.path < lesson.path:
            context["previous_page"] = page
        else:
            context["next_page"] = page
        if signed_in:
            total, done = page.lessons_total, page.lessons_done
            context["lesson_done"] = bool(page.this_done)
            context["course_progress"] = {
                "done": done, "total": total,
                "percent": round(100 * done / total) if total else 0}
    return context


def outline_progress(user: User | AnonymousUser | None,
                     pages: list[Page]) -> dict[int, ItemProgress]:
    """The lessons among `pages`: minutes, whether they count and whether they are done."""
    lesson_model = LessonPage._meta.model_name
    ids = [page.pk for page in pages if page.content_type.model == lesson_model]
    if not ids:
        return {}
    rows = list(LessonPage.objects.filter(pk__in=ids).values(
        "pk", "translation_key", "estimated_minutes", "required_for_completion"))
    done: set[UUID] = set()
    if user is not None and user.is_authenticated:
        done = set(done_keys(user=user, keys=[row["translation_key"] for row in rows])
                   .values_list("translation_key", flat=True))
    return {row["pk"]: ItemProgress(done=row["translation_key"] in done,
                                    minutes=row["estimated_minutes"],
                                    counts=row["required_for_completion"])
            for row in rows}


# --- the "lessons" completion rule ---------------------------------------------------------

def _required_keys_by_course(courses: list[CoursePage]) -> dict[int, set[UUID]]:
    if not courses:
        return {}
    tree_q = Q()
    for course in courses:
        tree_q |= Q(path__startswith=course.path, depth__gt=course.depth)
    keys: dict[int, set[UUID]] = {course.pk: set() for course in courses}
    by_path = {course.path: course.pk for course in courses}
    rows = (LessonPage.objects.filter(tree_q).filter(visible_q(), required_for_completion=True)
            .values_list("path", "translation_key"))
    for path, key in rows:
        for course_path, course_pk in by_path.items():
            if path.startswith(course_path):
                keys[course_pk].add(key)
    return keys


def _result(required: set[UUID], done: int) -> CriterionResult:
    from django.utils.translation import gettext as _

    total = len(required)
    return CriterionResult(
        key="lessons", met=done >= total, label=_("Lessons done"),
        detail=_("%(done)s of %(total)s") % {"done": done, "total": total},
        progress=done / total if total else 1.0)


def evaluate_lessons_many(enrollments: list[Enrollment]) -> dict[int, CriterionResult | None]:
    """Two queries for any number of enrolments: the required lessons of their courses, and
    which of them their learners have done."""
    courses = {enrollment.run.course_id: enrollment.run.course for enrollment in enrollments}
    required = _required_keys_by_course(list(courses.values()))
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
        user=user, state__in=[Enrollment.State.ACTIVE, Enrollment.State.COMPLETED])
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
