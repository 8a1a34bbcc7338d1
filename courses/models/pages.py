"""What is taught, as Wagtail pages: CourseIndexPage → CoursePage → ModulePage → lessons
and quizzes (their page types live in the lessons and quizzes apps)."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from courses.forms import CourseSettingsForm
from courses.models.choices import AttendanceBasis, CefrLevel, CourseKind, DeliveryFormat


class InstructionLanguage(models.Model):
    """A language a course can be taught in (a row, so the catalogue can filter by it)."""

    code = models.CharField(_("code"), max_length=8, unique=True,
                            help_text=_("ISO 639-1 code; e.g. lv, ru, uk, en, ar"))
    name = models.CharField(_("name"), max_length=60, help_text=_("e.g. Latviešu"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("language of instruction")
        verbose_name_plural = _("languages of instruction")

    def __str__(self) -> str:
        return self.name


class CourseIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    courses_per_page = 12

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.views.catalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, index=self))
        return context

    def route(self, request, path_components):
        """A course page is found by its full path in one query instead of one per level
        (lessons sit four levels below). Where this language has no translation of the
        page, the Latvian original is served, so a learner always reaches the content."""
        if not path_components:
            return super().route(request, path_components)
        try:
            return self.route_by_path(request, path_components)
        except Http404:
            original = self.original_index()
            if original is None:
                raise
            return original.route_by_path(request, path_components)

    def route_by_path(self, request, path_components):
        url_path = self.url_path + "/".join(path_components) + "/"
        page = None
        # The tree is fenced, so the depth tells the page type: ask that table directly
        # and save the second query that `.specific` would make.
        model = self.page_type_at_depth(len(path_components))
        from courses.selectors.catalogue import published_q

        if model is not None:
            page = (model.objects.filter(url_path=url_path, locale_id=self.locale_id)
                    .annotate(is_published=published_q()).first())
        if page is None:
            page = (Page.objects.filter(url_path=url_path, locale_id=self.locale_id)
                    .annotate(is_published=published_q()).first())
            if page is None:
                # Not a page of its own: perhaps a route inside one (e.g. a quiz attempt).
                return super().route(request, path_components)
            is_published = page.is_published
            page = page.specific
            page.is_published = is_published
        # Drafts, and pages under an unpublished course or module, are for nobody here.
        if not page.is_published:
            raise Http404
        return page.route(request, [])

    @staticmethod
    def page_type_at_depth(levels: int) -> type[Page] | None:
        from django.apps import apps

        if levels == 1:
            return CoursePage
        if levels == 2:
            return ModulePage
        if levels == 3:
            return apps.get_model("lessons", "LessonPage")
        return None

    def original_index(self) -> "CourseIndexPage | None":
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return (CourseIndexPage.objects.filter(translation_key=self.translation_key,
                                               locale__language_code=settings.LANGUAGE_CODE)
                .first())


class CoursePage(Page):
    # Fields every group of the course is held to: its editors' to change (courses.forms).
    course_settings_fields = ("academic_hours", "certificate_offered",
                              "completion_min_attendance", "completion_attendance_basis",
                              "completion_requires_signoff")
    base_form_class = CourseSettingsForm
    summary = models.CharField(
        _("summary"), max_length=300, blank=True,
        help_text=_("One or two sentences for the catalogue; e.g. 28 academic hours about "
                    "the Latvian state, history, culture and everyday life."))
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("cover image"))
    description = RichTextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices,
                            default=CourseKind.LANGUAGE)
    cefr_level = models.CharField(_("CEFR level"), max_length=2, choices=CefrLevel.choices,
                                  blank=True, help_text=_("For language courses; e.g. A1"))
    topic = models.CharField(_("topic"), max_length=120, blank=True,
                             help_text=_("For other courses; e.g. civic integration"))
    instruction_languages = ParentalManyToManyField(
        InstructionLanguage, blank=True, related_name="courses",
        verbose_name=_("languages of instruction"))
    academic_hours = models.PositiveSmallIntegerField(
        _("academic hours"), default=0,
        help_text=_("Total length; one academic hour is 45 minutes. e.g. 28"))
    delivery_format = models.CharField(_("format"), max_length=20,
                                       choices=DeliveryFormat.choices,
                                       default=DeliveryFormat.IN_CLASS)
    certificate_offered = models.BooleanField(
        _("certificate on completion"), default=True,
        help_text=_("Whether learners who complete the course receive a certificate."))

    # Completion rules. Activities add their own (a lesson or quiz marked as required);
    # these are the course-wide ones.
    completion_min_attendance = models.PositiveSmallIntegerField(
        _("minimum attendance, %"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty for no attendance rule; e.g. 80"))
    completion_attendance_basis = models.CharField(
        _("attendance counted as"), max_length=10, choices=AttendanceBasis.choices,
        default=AttendanceBasis.HOURS)
    completion_requires_signoff = models.BooleanField(
        _("teacher's sign-off required"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        MultiFieldPanel([
            FieldPanel("kind"),
            FieldPanel("cefr_level"),
            FieldPanel("topic"),
            FieldPanel("instruction_languages", widget=forms.CheckboxSelectMultiple),
            FieldPanel("academic_hours"),
            FieldPanel("delivery_format"),
            FieldPanel("certificate_offered"),
        ], heading=_("About the course")),
        MultiFieldPanel([
            FieldPanel("completion_min_attendance"),
            FieldPanel("completion_attendance_basis"),
            FieldPanel("completion_requires_signoff"),
        ], heading=_("Completion rules")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from courses.views.catalogue import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(request, course=self))
        return context


class ModulePage(Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True,
                               help_text=_("e.g. The Satversme, the Saeima and the President"))

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["lessons.LessonPage", "quizzes.QuizPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from courses.views.catalogue import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_page_context(request, module=self))
        return context
