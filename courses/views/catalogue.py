"""What the catalogue, course and module pages show. The pages call these from
get_context(); the reads themselves are in courses.selectors.catalogue."""

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from courses.models import CourseIndexPage, CoursePage, InstructionLanguage, ModulePage
from courses.models.choices import CefrLevel, DeliveryFormat, Region
from courses.selectors.catalogue import (
    CatalogueFilters,
    catalogue_cities,
    catalogue_courses,
    upcoming_runs,
    with_listing_data,
)
from courses.selectors.outline import course_outline

STARTS_WITHIN = [("", _("Any time")), ("7", _("Within a week")), ("30", _("Within a month")),
                 ("90", _("Within three months"))]


class CatalogueFilterForm(forms.Form):
    """GET filters; a wrong value is ignored rather than failing the page."""

    level = forms.ChoiceField(label=_("Level"), required=False,
                              choices=[("", _("Any level")), *CefrLevel.choices])
    language = forms.ChoiceField(label=_("Language of instruction"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False,
                               choices=[("", _("Anywhere")), *Region.choices])
    city = forms.ChoiceField(label=_("City"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False,
                               choices=[("", _("Any format")), *DeliveryFormat.choices])
    starts_within = forms.ChoiceField(label=_("Starts"), required=False, choices=STARTS_WITHIN)

    def __init__(self, *args, languages: list[tuple[str, str]], cities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language")), *languages]
        self.fields["city"].choices = [("", _("Any city")), *((c, c) for c in cities)]

    def filters(self) -> CatalogueFilters:
        self.is_valid()
        data = self.cleaned_data  # only the fields that validated: a bad value is dropped
        starts = data.get("starts_within")
        return CatalogueFilters(level=data.get("level", ""), language=data.get("language", ""),
                                region=data.get("region", ""), city=data.get("city", ""),
                                delivery_format=data.get("format", ""),
                                starts_within_days=int(starts) if starts else None)


def catalogue_context(request: HttpRequest, *, index: CourseIndexPage) -> dict:
    languages = list(InstructionLanguage.objects.values_list("code", "name"))
    form = CatalogueFilterForm(request.GET or None, languages=languages,
                               cities=catalogue_cities())
    filters = form.filters() if form.is_bound else CatalogueFilters()
    courses = catalogue_courses(locale_id=index.locale_id, filters=filters)
    paginator = Paginator(courses, index.courses_per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = with_listing_data(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    return {"filter_form": form, "courses_page": page, "paginator": paginator,
            "filter_query": query.urlencode(), "is_filtered": any(
                value for name, value in request.GET.items() if name != "page")}


def course_page_context(request: HttpRequest, *, course: CoursePage) -> dict:
    runs = list(upcoming_runs().filter(course__translation_key=course.translation_key)[:10])
    return {"outline": course_outline(course=course, user=request.user),
            "upcoming_runs": runs}


def module_page_context(request: HttpRequest, *, module: ModulePage) -> dict:
    """The module as its course's outline has it (the original's items, each shown in the
    learner's language where translated), whichever translation of it is served."""
    outline = course_outline(course=module.get_parent(), user=request.user)
    return {"course": outline.course, "outline": outline,
            "outline_module": outline.module_of(module.translation_key)}
