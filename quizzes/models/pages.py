"""A quiz is a page in a course module: its slots say which questions are asked, its
settings when, how often, for how long, and what learners see afterwards."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from courses.forms import CourseSettingsForm
from quizzes.models.questions import Question, QuestionCategory


class ReviewItem(models.TextChoices):
    ANSWER = "answer", _("their answer")
    CORRECTNESS = "correctness", _("whether it is right")
    MARKS = "marks", _("marks")
    FEEDBACK = "feedback", _("feedback")
    RIGHT_ANSWER = "right_answer", _("the right answer")


class ReviewTime(models.TextChoices):
    DURING = "during", _("during the attempt")
    AFTER = "after", _("right after the attempt")
    LATER = "later", _("later, while the quiz is open")
    CLOSED = "closed", _("after the quiz closes")


class ReviewOptionsField(models.JSONField):
    """A list of ReviewItem values, edited as tick boxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=ReviewItem.choices, required=False, widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name, help_text=self.help_text)


ALL_REVIEW = [item.value for item in ReviewItem]


class QuizPage(Page):
    # What every group of the course is held to: its editors' to change (courses.forms).
    course_settings_fields = ("pass_mark", "attempts_allowed", "time_limit_minutes",
                              "required_for_completion", "review_during", "review_after",
                              "review_later", "review_closed")
    base_form_class = CourseSettingsForm
    intro = RichTextField(_("introduction"), blank=True)
    pass_mark = models.DecimalField(
        _("pass mark, %"), max_digits=5, decimal_places=2, default=Decimal(60),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share of marks needed to pass; e.g. 60"))
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 for no limit; e.g. 2"))
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit, minutes"), null=True, blank=True,
        help_text=_("Leave empty for no limit; e.g. 30"))
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    questions_per_page = models.PositiveSmallIntegerField(
        _("questions per page"), default=5, validators=[MinValueValidator(1)],
        help_text=_("Answers are saved each time the learner changes page; e.g. 5"))
    required_for_completion = models.BooleanField(
        _("required for completion"), default=True,
        help_text=_("Learners must pass this quiz to complete the course."))
    review_during = ReviewOptionsField(_("during the attempt"), default=list, blank=True)
    review_after = ReviewOptionsField(_("right after the attempt"), default=list, blank=True,
                                      help_text=_("Within two minutes of submitting"))
    review_later = ReviewOptionsField(_("later, while the quiz is open"), default=list,
                                      blank=True)
    review_closed = ReviewOptionsField(_("after the quiz closes"), default=list, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("slots", label=_("questions"), heading=_("Questions")),
    ]
    settings_panels = [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempts_allowed")]),
            FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("questions_per_page")]),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            FieldPanel("required_for_completion"),
        ], heading=_("Quiz settings")),
        MultiFieldPanel([FieldPanel("review_during"), FieldPanel("review_after"),
                         FieldPanel("review_later"), FieldPanel("review_closed")],
                        heading=_("What learners see in the review")),
        *Page.settings_panels,
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and \
            (self.closes_at is None or now < self.closes_at)

    def serve(self, request, *args, **kwargs):
        from quizzes.views.taking import quiz_home

        return quiz_home(request, quiz=self)


class QuizSlot(Orderable):
    """One place in the quiz: a fixed question, or N questions drawn at random from a
    category when each attempt starts."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="slots", verbose_name=_("question"))
    category = models.ForeignKey(QuestionCategory, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="slots",
                                 verbose_name=_("or random questions from"))
    random_count = models.PositiveSmallIntegerField(
        _("how many random questions"), default=1, validators=[MinValueValidator(1)])
    include_subcategories = models.BooleanField(_("include subcategories"), default=True)
    mark = models.DecimalField(_("mark"), max_digits=6, decimal_places=2, null=True,
                               blank=True, help_text=_("Leave empty for the question's own"))

    panels = [FieldPanel("question"), FieldRowPanel([FieldPanel("category"),
                                                     FieldPanel("random_count"),
                                                     FieldPanel("include_subcategories")]),
              FieldPanel("mark")]

    class Meta(Orderable.Meta):
        verbose_name = _("question slot")
        constraints = [models.CheckConstraint(
            condition=(models.Q(question__isnull=False, category__isnull=True)
                       | models.Q(question__isnull=True, category__isnull=False)),
            name="quizzes_slot_question_xor_category")]

    def clean(self):
        from django.core.exceptions import ValidationError

        if (self.question_id is None) == (self.category_id is None):
            raise ValidationError(_("Choose either a question or a category."))
