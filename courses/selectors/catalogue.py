"""Reads for learners: which courses the catalogue lists (in the learner's language where a
translation exists), and the visibility rule (published, not in a private section) every
learner-facing read shares. A course's outline is in courses.selectors.outline."""

import datetime
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from courses.models import CoursePage, CourseRun

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
