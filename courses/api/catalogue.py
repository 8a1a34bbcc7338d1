"""Courses and their outline (GET /courses, GET /courses/{id}). Both are public; a
signed-in learner also gets their progress."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.models import Locale

from accounts.auth import public_auth
from cms.errors import NotFound
from cms.schemas import ErrorOut
from courses.models import CoursePage
from courses.models.choices import CefrLevel, DeliveryFormat, Region
from courses.selectors.catalogue import (
    CatalogueFilters,
    catalogue_courses,
    visible_q,
    with_listing_data,
)
from courses.selectors.outline import course_outline

router = Router(tags=["courses"])
PAGE_SIZE = 20



class CourseFilters(Schema):
    level: CefrLevel | None = None
    language: str | None = None
    region: Region | None = None
    city: str | None = None
    format: DeliveryFormat | None = None
    starts_within: int | None = Field(None, ge=1, le=3650,
                                      description="Groups starting within this many days")
    lang: str | None = None
    page: int = Field(1, ge=1)


class UpcomingRunOut(Schema):
    id: int
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    city: str
    region: str
    language: str
    delivery_format: str


class CourseOut(Schema):
    id: int
    title: str
    slug: str
    locale: str
    url: str | None
    summary: str
    kind: str
    cefr_level: str
    topic: str
    academic_hours: int
    delivery_format: str
    certificate_offered: bool
    languages: list[str]
    upcoming_runs: list[UpcomingRunOut]


class CourseListOut(Schema):
    count: int
    page: int
    pages: int
    items: list[CourseOut]


class ItemOut(Schema):
    id: int
    title: str
    type: str
    url: str | None
    language: str  # of the page shown: the original's where it is not translated yet
    minutes: int | None = None
    done: bool | None = None


class ModuleOut(Schema):
    id: int
    title: str
    url: str | None
    language: str
    items: list[ItemOut]
    done: int | None = None
    total: int | None = None


class ProgressOut(Schema):
    done: int
    total: int
    percent: int
    next: ItemOut | None = None


class CourseDetailOut(CourseOut):
    description: str
    completion_min_attendance: int | None
    completion_requires_signoff: bool
    modules: list[ModuleOut]
    progress: ProgressOut | None = None


def locale_for(lang: str | None) -> Locale:
    code = lang or translation.get_language() or settings.LANGUAGE_CODE
    return (Locale.objects.filter(language_code=code).first()
            or Locale.objects.get(language_code=settings.LANGUAGE_CODE))


def course_out(course: CoursePage, request: HttpRequest) -> dict:
    return {
        "id": course.pk, "title": course.title, "slug": course.slug,
        "locale": course.locale.language_code, "url": course.get_full_url(request),
        "summary": course.summary, "kind": course.kind, "cefr_level": course.cefr_level,
        "topic": course.topic, "academic_hours": course.academic_hours,
        "delivery_format": course.delivery_format,
        "certificate_offered": course.certificate_offered,
        "languages": [language.code for language in course.instruction_languages.all()],
        "upcoming_runs": getattr(course, "upcoming", []),
    }


@router.get("/courses", response={200: CourseListOut, 422: ErrorOut}, auth=public_auth)
def list_courses(request: HttpRequest, filters: Query[CourseFilters]):
    locale = locale_for(filters.lang)
    courses = catalogue_courses(locale_id=locale.pk, filters=CatalogueFilters(
        level=filters.level or "", language=filters.language or "",
        region=filters.region or "", city=filters.city or "",
        delivery_format=filters.format or "",
        starts_within_days=filters.starts_within if filters.starts_within else None,
    )).select_related("locale")
    paginator = Paginator(courses, PAGE_SIZE)
    page = paginator.get_page(filters.page)
    items = with_listing_data(list(page.object_list))
    return {"count": paginator.count, "page": page.number, "pages": paginator.num_pages,
            "items": [course_out(course, request) for course in items]}


@router.get("/courses/{course_id}", response={200: CourseDetailOut, 404: ErrorOut},
            auth=public_auth)
def get_course(request: HttpRequest, course_id: int, lang: str | None = None):
    """The outline is the original's tree, each module and item in `lang` (default: the
    caller's language) where translated, else the original with its `language`."""
    course = (CoursePage.objects.filter(pk=course_id).filter(visible_q())
              .select_related("locale").first())
    if course is None:
        raise NotFound(_("This course does not exist or is not published."))
    user = request.auth
    courses = with_listing_data([course])
    outline = course_outline(course=course, user=user, language=lang)
    signed_in = user.is_authenticated

    def item_out(item) -> dict:
        return {"id": item.page.pk, "title": item.page.title,
                "type": item.kind.removesuffix("page"), "url": item.url(request),
                "language": item.page_language, "minutes": item.minutes,
                "done": item.done if signed_in else None}

    data = course_out(courses[0], request)
    data.update({
        "description": course.description,
        "completion_min_attendance": course.completion_min_attendance,
        "completion_requires_signoff": course.completion_requires_signoff,
        "modules": [{"id": module.page.pk, "title": module.page.title,
                     "url": module.url(request), "language": module.page_language,
                     "items": [item_out(item) for item in module.items],
                     "done": module.done_count if signed_in else None,
                     "total": module.total if signed_in else None}
                    for module in outline.modules],
        "progress": {"done": outline.done_count, "total": outline.total,
                     "percent": outline.percent,
                     "next": item_out(outline.next_item) if outline.next_item else None}
        if signed_in else None,
    })
    return data
