"""Study material: a LessonPage sits in a module of a course; LessonProgress records that
a learner has studied it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from courses.forms import CourseSettingsForm
from lessons.blocks import LessonBodyBlock


class LessonPage(Page):
    # Whether the course needs it: its editors' to decide (courses.forms).
    course_settings_fields = ("required_for_completion",)
    base_form_class = CourseSettingsForm
    intro = RichTextField(_("introduction"), blank=True,
                          help_text=_("What the learner will be able to do after the lesson."))
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=15, help_text=_("How long it takes to study; e.g. 20"))
    required_for_completion = models.BooleanField(
        pgettext_lazy("lesson", "required for completion"), default=True,
        help_text=_("Learners must mark this lesson done to complete the course."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("estimated_minutes"), FieldPanel("required_for_completion")],
                        heading=_("Study")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_view_restrictions(self):
        """One query instead of Wagtail's two on every lesson view: restrictions on this
        page or an ancestor, found by path. Aliases keep Wagtail's own lookup."""
        if self.alias_of_id:
            return super().get_view_restrictions()
        prefixes = [self.path[:depth * self.steplen] for depth in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(page__path__in=prefixes)

    def get_context(self, request, *args, **kwargs):
        from lessons.selectors import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(lesson=self, user=request.user))
        return context


class LessonProgress(models.Model):
    """A learner has studied a lesson. Kept per translation, so a lesson done in English
    counts for its Latvian original and every other translation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="lesson_progress", verbose_name=_("learner"))
    # PROTECT: a lesson someone has studied is unpublished, not deleted, so their record stays.
    lesson = models.ForeignKey(LessonPage, on_delete=models.PROTECT, related_name="progress",
                               verbose_name=_("lesson"))
    translation_key = models.UUIDField(editable=False)
    completed_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        ordering = ["completed_at", "pk"]
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [
            models.UniqueConstraint(fields=["user", "translation_key"],
                                    name="lessonprogress_once_per_lesson"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson_id}"
