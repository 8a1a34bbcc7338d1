"""Attendance as a ledger a funder can audit: the class sessions of a group in academic
hours, one mark per person and session with who set it and how, and every change kept."""

import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, CourseRun, Enrollment

ACADEMIC_HOUR_MINUTES = 45


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def academic_hours_between(starts_at, ends_at) -> Decimal:
    """Minutes ÷ 45, to two decimals: 90 minutes are 2 academic hours, 60 are 1.33."""
    minutes = Decimal(int((ends_at - starts_at).total_seconds() // 60))
    return (minutes / ACADEMIC_HOUR_MINUTES).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Status(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Method(models.TextChoices):
    TEACHER = "teacher", _("By the teacher")
    SELF = "self", _("Self check-in")
    IMPORT = "import", _("Imported")


class ClassSession(models.Model):
    """One meeting of a group. Its academic hours follow its times unless set by hand (a
    session with a long break may count fewer hours than its span)."""

    # PROTECT: a group with sessions (and so with marks) must not vanish.
    run = models.ForeignKey(CourseRun, on_delete=models.PROTECT, related_name="class_sessions",
                            verbose_name=_("group"))
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    academic_hours = models.DecimalField(
        _("academic hours"), max_digits=5, decimal_places=2, default=Decimal("0"),
        help_text=_("Worked out from the times (45 minutes each) unless you set it; e.g. 4"))
    hours_set_by_hand = models.BooleanField(
        _("hours set by hand"), default=False,
        help_text=_("Keep the academic hours above instead of working them out from the "
                    "times."))
    topic = models.CharField(_("topic"), max_length=200, blank=True,
                             help_text=_("e.g. The Satversme and the Saeima"))
    place = models.CharField(_("place"), max_length=255, blank=True,
                             help_text=_("e.g. Graudu iela 27, Liepāja, room 12"))
    online_url = models.URLField(_("online meeting link"), blank=True)
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="taught_sessions",
                                verbose_name=_("teacher"))
    is_cancelled = models.BooleanField(
        _("cancelled"), default=False,
        help_text=_("A cancelled session counts towards no one's hours."))
    late_after_minutes = models.PositiveSmallIntegerField(
        _("late after, minutes"), default=10,
        help_text=_("Self check-in this many minutes after the start counts as late; e.g. 10"))
    checkin_secret = models.CharField(max_length=64, default=new_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")),
                                   name="classsession_ends_after_start",
                                   violation_error_message=_("A session must end after it "
                                                             "starts.")),
            models.CheckConstraint(condition=Q(academic_hours__gte=0),
                                   name="classsession_hours_not_negative"),
        ]
        indexes = [models.Index(fields=["run", "starts_at"])]

    def __str__(self) -> str:
        from django.utils import timezone

        local = timezone.localtime(self.starts_at)
        return f"{self.run} · {local:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        # Times are shown and entered to the minute: seconds left over from another source
        # would make the hours disagree with the times the teacher sees (23:19 to 00:04
        # counting 44 minutes).
        for name in ("starts_at", "ends_at"):
            value = getattr(self, name)
            if value is not None and (value.second or value.microsecond):
                setattr(self, name, value.replace(second=0, microsecond=0))
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], name}
        if not self.hours_set_by_hand and self.starts_at and self.ends_at:
            self.academic_hours = max(academic_hours_between(self.starts_at, self.ends_at),
                                      Decimal("0"))
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "academic_hours"}
        super().save(*args, **kwargs)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class AttendancePolicy(models.Model):
    """A course's own points and rules; a course without one uses the defaults below."""

    # PROTECT: the rules that produced people's figures stay while the course exists.
    course = models.OneToOneField(CoursePage, on_delete=models.PROTECT,
                                  related_name="attendance_policy", verbose_name=_("course"))
    present_points = models.PositiveSmallIntegerField(_("points for present"), default=2)
    late_points = models.PositiveSmallIntegerField(_("points for late"), default=1)
    excused_points = models.PositiveSmallIntegerField(_("points for excused"), default=1)
    absent_points = models.PositiveSmallIntegerField(_("points for absent"), default=0)
    present_counts_hours = models.BooleanField(_("present counts as hours attended"),
                                               default=True)
    late_counts_hours = models.BooleanField(_("late counts as hours attended"), default=True)
    excused_counts_hours = models.BooleanField(_("excused counts as hours attended"),
                                               default=False)
    absent_counts_hours = models.BooleanField(_("absent counts as hours attended"),
                                              default=False)
    warn_below_percent = models.PositiveSmallIntegerField(
        _("warn below, %"), default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Teachers and coordinators are warned when a learner's attendance so "
                    "far falls below this; e.g. 75"))

    class Meta:
        verbose_name = _("attendance rules")
        verbose_name_plural = _("attendance rules")

    def __str__(self) -> str:
        return str(self.course)

    def points(self, status: str) -> int:
        return getattr(self, f"{status}_points")

    def counts_hours(self, status: str) -> bool:
        return getattr(self, f"{status}_counts_hours")

    @property
    def max_points(self) -> int:
        return max(self.points(status) for status in Status.values)


class AttendanceMark(models.Model):
    """Whether a person was at a session. One row per (session, enrolment): a second edit
    updates it and the change is kept in AttendanceMarkChange."""

    # PROTECT: a session with marks is part of the ledger; cancel it instead of deleting.
    session = models.ForeignKey(ClassSession, on_delete=models.PROTECT, related_name="marks",
                                verbose_name=_("session"))
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE,
                                   related_name="attendance_marks",
                                   verbose_name=_("enrolment"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices,
                              default=Method.TEACHER)
    note = models.CharField(_("note"), max_length=255, blank=True,
                            help_text=_("e.g. came at 18:40, doctor's appointment"))
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+",
                                  verbose_name=_("marked by"))
    marked_at = models.DateTimeField(_("marked"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("attendance mark")
        verbose_name_plural = _("attendance marks")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrollment"],
                                    name="attendancemark_one_per_session",
                                    violation_error_message=_("This person already has a "
                                                              "mark for this session.")),
            models.CheckConstraint(condition=Q(status__in=Status.values),
                                   name="attendancemark_status_valid"),
            models.CheckConstraint(condition=Q(method__in=Method.values),
                                   name="attendancemark_method_valid"),
        ]
        indexes = [models.Index(fields=["enrollment", "status"])]

    def __str__(self) -> str:
        return f"{self.session} · {self.get_status_display()}"


class AttendanceMarkChange(models.Model):
    """Append-only: each time a mark is set or changed, what it became, from what, by whom."""

    mark = models.ForeignKey(AttendanceMark, on_delete=models.CASCADE, related_name="changes",
                             verbose_name=_("attendance mark"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    previous_status = models.CharField(_("previous status"), max_length=10,
                                       choices=Status.choices, blank=True)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           blank=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")

    def __str__(self) -> str:
        return f"{self.previous_status or '—'} → {self.status}"


class CalendarFeed(models.Model):
    """A secret address for a calendar app: a person's sessions in all their groups (no
    run) or in one group. Resetting changes the token, so an old address stops working."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="calendar_feeds", verbose_name=_("person"))
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, null=True, blank=True,
                            related_name="+", verbose_name=_("group"))
    token = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["user", "run"], name="calendarfeed_one_per_run"),
            models.UniqueConstraint(fields=["user"], condition=Q(run__isnull=True),
                                    name="calendarfeed_one_personal"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.run or '*'}"


class AttendanceWarning(models.Model):
    """Open while a learner's attendance so far is below the course's warning level; it
    tells teachers and coordinators once, not at every mark."""

    enrollment = models.OneToOneField(Enrollment, on_delete=models.CASCADE,
                                      related_name="attendance_warning",
                                      verbose_name=_("enrolment"))
    percent = models.DecimalField(_("attendance, %"), max_digits=5, decimal_places=1)
    raised_at = models.DateTimeField(_("raised"))
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    # Set when the e-mails about this raising are claimed for sending, cleared when it is
    # raised again: a redelivered task finds it set and sends nothing twice.
    notified_at = models.DateTimeField(_("teachers and coordinators told"), null=True,
                                       blank=True)

    class Meta:
        verbose_name = _("attendance warning")
        verbose_name_plural = _("attendance warnings")

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.percent}%"
