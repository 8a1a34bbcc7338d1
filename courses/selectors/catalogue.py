"""Reads for learners: which courses the catalogue lists (in the learner's language where a
translation exists), a course's outline with the learner's progress, and the visibility
rule (published, not in a private section) every learner-facing read shares.

Progress itself belongs to later apps (lessons done, quizzes passed). They plug into the
outline with `register_outline_source` from their AppConfig.ready(), as completion
criteria do, so this module never imports them."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from accounts.models import User
from courses.models import CoursePage, CourseRun, ModulePage

COVER_FILTER = "fill-640x360"


def published_q() -> Q:
    """Published, and so is every page above it: unpublishing a course or a module takes
    its lessons and quizzes down with it, though each keeps its own `live` flag."""
    unpublished_above = Page.objects.filter(
        live=False, path=Substr(OuterRef("path"), 1, Length("path")))
    return Q(live=True) & ~Q(Exists(unpublished_above))


def visible_q() -> Q:
    """Published (with everything above it) and outside every private section, as one
    condition (no extra query): learners never see drafts or restricted pages, in listings
    as on the page itself."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return published_q() & ~Q(Exists(restricted))


# --- the catalogue ----------------------------------------------------------------------

@dataclass(frozen=True)
class CatalogueFilters:
    level: str = ""
    language: str = ""
    region: str = ""
    city: str = ""
    delivery_format: str = ""
    starts_within_days: int | None = None

    @property
    def needs_upcoming_run(self) -> bool:
        return bool(self.region or self.city or self.starts_within_days)


def upcoming_runs(*, today: datetime.date | None = None) -> QuerySet[CourseRun]:
    """Public groups that have not ended yet."""
    today = today or timezone.localdate()
    return CourseRun.objects.filter(is_public=True, ends_on__gte=today)


def courses_in_language(*, locale_id: int) -> QuerySet[CoursePage]:
    """Each course once: its version in this locale if one is published, else the Latvian
    original."""
    visible: QuerySet[CoursePage] = CoursePage.objects.filter(visible_q())  # Wagtail: untyped
    local_keys = visible.filter(locale_id=locale_id).values("translation_key")
    return visible.filter(
        Q(locale_id=locale_id)
        | (Q(locale__language_code=settings.LANGUAGE_CODE)
           & ~Q(translation_key__in=local_keys)))


def catalogue_courses(*, locale_id: int, filters: CatalogueFilters,
                      today: datetime.date | None = None) -> QuerySet[CoursePage]:
    """Runs are attached to a course's original page; translations share its
    translation_key, which is how a translated course finds its groups."""
    today = today or timezone.localdate()
    courses = courses_in_language(locale_id=locale_id)
    runs = upcoming_runs(today=today).filter(course__translation_key=OuterRef("translation_key"))
    if filters.level:
        courses = courses.filter(cefr_level=filters.level)
    if filters.language:
        courses = courses.filter(
            Q(instruction_languages__code=filters.language)
            | Exists(runs.filter(language=filters.language))).distinct()
    if filters.delivery_format:
        courses = courses.filter(Q(delivery_format=filters.delivery_format)
                                 | Exists(runs.filter(delivery_format=filters.delivery_format)))
    if filters.needs_upcoming_run:
        matching = runs
        if filters.region:
            matching = matching.filter(region=filters.region)
        if filters.city:
            matching = matching.filter(city__iexact=filters.city)
        if filters.starts_within_days:
            matching = matching.filter(
                starts_on__gte=today,
                starts_on__lte=today + datetime.timedelta(days=filters.starts_within_days))
        courses = courses.filter(Exists(matching))
    return courses.order_by("kind", "cefr_level", "title", "pk")


def with_listing_data(courses: list[CoursePage], *, today: datetime.date | None = None
                      ) -> list[CoursePage]:
    """Adds what a catalogue card shows (languages, cover rendition, next groups) in a fixed
    number of queries, whatever the number of courses."""
    image_model = get_image_model()
    prefetch_related_objects(
        courses, "instruction_languages",
        Prefetch("cover_image",
                 queryset=image_model.objects.prefetch_renditions(COVER_FILTER)))
    keys = {course.translation_key for course in courses}
    runs_by_key: dict[UUID, list[CourseRun]] = {}
    if keys:
        runs = (upcoming_runs(today=today).filter(course__translation_key__in=keys)
                .select_related("course"))
        for run in runs:
            runs_by_key.setdefault(run.course.translation_key, []).append(run)
    for course in courses:
        course.upcoming = runs_by_key.get(course.translation_key, [])[:3]
    return courses


def catalogue_cities(*, today: datetime.date | None = None) -> list[str]:
    return sorted(set(upcoming_runs(today=today).exclude(city="")
                      .values_list("city", flat=True).distinct()))


# --- a course's outline and a learner's progress ----------------------------------------

@dataclass
class ItemProgress:
    """What a later app knows about one page of a course for one learner."""

    done: bool = False
    minutes: int | None = None
    counts: bool = True  # whether it counts towards the learner's progress


OutlineSource = Callable[[User | AnonymousUser | None, list[Page]], dict[int, ItemProgress]]
_outline_sources: dict[str, OutlineSource] = {}


def register_outline_source(key: str, source: OutlineSource) -> None:
    """`source(user, pages)` answers for the pages of its own types, in a fixed number of
    queries; `user` may be anonymous."""
    _outline_sources[key] = source


@dataclass
class OutlineItem:
    page: Page
    kind: str
    progress: ItemProgress | None = None

    @property
    def done(self) -> bool:
        return bool(self.progress and self.progress.done)

    @property
    def minutes(self) -> int | None:
        return self.progress.minutes if self.progress else None


@dataclass
class OutlineModule:
    page: Page
    items: list[OutlineItem] = field(default_factory=list)

    @property
    def tracked(self) -> list[OutlineItem]:
        return [item for item in self.items if item.progress and item.progress.counts]

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.tracked if item.done)

    @property
    def total(self) -> int:
        return len(self.tracked)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0


@dataclass
class CourseOutline:
    course: Page
    modules: list[OutlineModule]

    @property
    def items(self) -> list[OutlineItem]:
        return [item for module in self.modules for item in module.items]

    @property
    def done_count(self) -> int:
        return sum(module.done_count for module in self.modules)

    @property
    def total(self) -> int:
        return sum(module.total for module in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def next_item(self) -> OutlineItem | None:
        """The first thing in tree order not done yet."""
        for item in self.items:
            if item.progress and item.progress.counts and not item.done:
                return item
        return None

    @property
    def minutes(self) -> int:
        return sum(item.minutes or 0 for item in self.items)


def course_outlines(*, courses: Iterable[Page],
                    user: User | AnonymousUser | None) -> dict[int, CourseOutline]:
    """Modules and their lessons and quizzes, in tree order, with the learner's progress,
    for several courses in a fixed number of queries."""
    courses = list(courses)
    if not courses:
        return {}
    tree_q = Q()
    for course in courses:
        tree_q |= Q(path__startswith=course.path, depth__in=(course.depth + 1, course.depth + 2))
    pages = list(Page.objects.filter(tree_q).filter(visible_q())
                 .select_related("content_type").order_by("path"))
    progress: dict[int, ItemProgress] = {}
    for source in _outline_sources.values():
        progress.update(source(user, pages))
    outlines = {course.pk: CourseOutline(course=course, modules=[]) for course in courses}
    by_path = {course.path: outlines[course.pk] for course in courses}
    steplen = Page.steplen
    current: dict[str, OutlineModule] = {}
    module_type = ModulePage._meta.model_name
    for page in pages:
        parent_path = page.path[:-steplen]
        if parent_path in by_path:
            if page.content_type.model != module_type:
                continue
            module = OutlineModule(page=page)
            by_path[parent_path].modules.append(module)
            current[page.path] = module
        elif parent_path in current:
            current[parent_path].items.append(
                OutlineItem(page=page, kind=page.content_type.model,
                            progress=progress.get(page.pk)))
    return outlines


def course_outline(*, course: Page, user: User | AnonymousUser | None) -> CourseOutline:
    return course_outlines(courses=[course], user=user)[course.pk]


def course_of(page: Page) -> CoursePage | None:
    """The course a module, lesson or quiz belongs to (one query)."""
    paths = [page.path[:depth * Page.steplen] for depth in range(2, page.depth + 1)]
    course: CoursePage | None  # Wagtail's manager is untyped
    course = CoursePage.objects.filter(path__in=paths).first()
    return course

