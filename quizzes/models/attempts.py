"""What a learner did in a quiz. An attempt keeps a frozen copy of each question it asked
(`spec`), so editing the bank later never changes a finished attempt's grade."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from quizzes.models.pages import QuizPage
from quizzes.models.questions import Question


class Attempt(models.Model):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        SUBMITTED = "submitted", _("submitted")
        NEEDS_GRADING = "needs_grading", _("waiting for grading")
        FINISHED = "finished", _("finished")

    # PROTECT: results must outlive an edit of the course tree; a quiz with attempts is
    # unpublished, not deleted.
    quiz = models.ForeignKey(QuizPage, on_delete=models.PROTECT, related_name="attempts",
                             verbose_name=_("quiz"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="quiz_attempts", verbose_name=_("learner"))
    # The group the learner took the quiz in: its teachers grade the attempt, and only
    # while the learner holds a seat there (courses.permissions.gradable). Empty for a
    # teacher's or manager's own try, which only managers see. PROTECT as enrolments do.
    run = models.ForeignKey("courses.CourseRun", null=True, blank=True,
                            on_delete=models.PROTECT, related_name="quiz_attempts",
                            verbose_name=_("group"))
    number = models.PositiveSmallIntegerField(_("attempt number"), default=1)
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.IN_PROGRESS)
    seed = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True,
                                blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2,
                                    default=0)
    percent = models.DecimalField(_("result, %"), max_digits=5, decimal_places=2, null=True,
                                  blank=True)
    passed = models.BooleanField(_("passed"), null=True)
    submitted_late = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"],
                                    name="quizzes_attempt_unique_number"),
            models.UniqueConstraint(fields=["quiz", "user"],
                                    condition=models.Q(state="in_progress"),
                                    name="quizzes_one_open_attempt"),
            models.CheckConstraint(
                condition=models.Q(state__in=["in_progress", "submitted", "needs_grading",
                                              "finished"]),
                name="quizzes_attempt_state_valid"),
            models.CheckConstraint(
                condition=~models.Q(state="finished") | models.Q(score__isnull=False,
                                                                 finished_at__isnull=False),
                name="quizzes_finished_attempt_has_score"),
        ]
        indexes = [models.Index(fields=["quiz", "state"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.IN_PROGRESS


class AttemptAnswer(models.Model):
    """One slot of an attempt: the question as asked, the learner's response and its grade."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    # SET_NULL: statistics follow the bank question while it exists; the attempt itself
    # only needs `spec`.
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="attempt_answers")
    spec = models.JSONField()
    public = models.JSONField(help_text="what the learner is shown, in the attempt's order")
    max_mark = models.DecimalField(max_digits=6, decimal_places=2)
    response = models.JSONField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    # Bumped whenever the saved response changes: a page drawn at an older version (another
    # tab, another phone) cannot overwrite a newer answer without being told.
    version = models.PositiveIntegerField(default=0)
    fraction = models.DecimalField(max_digits=8, decimal_places=7, null=True, blank=True)
    mark = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    needs_grading = models.BooleanField(default=False)
    comment = models.TextField(_("comment"), blank=True)
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"],
                                    name="quizzes_answer_unique_position"),
            models.CheckConstraint(
                condition=models.Q(fraction__isnull=True)
                | models.Q(fraction__gte=0, fraction__lte=1),
                name="quizzes_answer_fraction_0_1"),
        ]
        indexes = [models.Index(fields=["needs_grading"],
                                condition=models.Q(needs_grading=True),
                                name="quizzes_answer_to_grade")]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.position}"

    @property
    def kind(self) -> str:
        return self.spec["kind"]
