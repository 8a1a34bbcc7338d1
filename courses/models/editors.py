"""Who edits a course: its course-wide settings (pass marks, attempts, completion rules,
hours, certificate) and publishing. Teaching a group of the course is a different right:
a teacher may draft lessons and submit them for review, not change what every group of the
course is held to (issue 10)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models.pages import CoursePage


class CourseEditor(models.Model):
    # CASCADE: the right goes with the course page; it holds nothing about learners.
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="editors",
                               verbose_name=_("course"),
                               help_text=_("Also gives the right on the course's "
                                           "translations."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="edited_courses", verbose_name=_("editor"))
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("course editor")
        verbose_name_plural = _("course editors")
        constraints = [models.UniqueConstraint(fields=["course", "user"],
                                               name="courses_editor_once")]

    def __str__(self) -> str:
        return f"{self.user} — {self.course}"
