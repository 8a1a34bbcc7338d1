"""Who studies what, when: a CourseRun is one scheduled group of a course, an Enrollment a
person's place in it, and EnrollmentEvent its append-only history."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from courses.models.choices import DeliveryFormat, Region
from courses.models.pages import CoursePage


class CourseRun(models.Model):
    # PROTECT: a course page with groups (and so with people's records) must not vanish.
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="runs",
                               verbose_name=_("course"))
    title = models.CharField(_("title"), max_length=200,
                             help_text=_("e.g. Integration course, Liepāja, autumn, in Russian"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    delivery_format = models.CharField(_("format"), max_length=20,
                                       choices=DeliveryFormat.choices,
                                       default=DeliveryFormat.IN_CLASS)
    city = models.CharField(_("city"), max_length=80, blank=True,
                            help_text=_("e.g. Liepāja; empty for online groups"))
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True,
                               help_text=_("e.g. Graudu iela 27, Liepāja, room 12"))
    online_url = models.URLField(_("online meeting link"), blank=True)
    language = models.CharField(_("language of instruction"), max_length=8, default="lv",
                                help_text=_("ISO 639-1 code; e.g. lv, ru, uk"))
    capacity = models.PositiveIntegerField(_("seats"), default=25)
    waitlist_enabled = models.BooleanField(_("waiting list"), default=True)
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    enrolment_key = models.CharField(
        _("enrolment key"), max_length=64, blank=True,
        help_text=_("If set, learners need it to join; e.g. LIEPAJA-2026"))
    teachers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                      related_name="teaching_runs", verbose_name=_("teachers"))
    is_public = models.BooleanField(
        _("listed publicly"), default=True,
        help_text=_("Unlisted groups are only for people enrolled by a teacher or an "
                    "organisation."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="courserun_ends_after_start",
                                   violation_error_message=_("A group cannot end before "
                                                             "it starts.")),
            models.CheckConstraint(condition=Q(capacity__gte=1),
                                   name="courserun_capacity_positive",
                                   violation_error_message=_("A group needs at least one "
                                                             "seat.")),
            models.CheckConstraint(
                condition=Q(enrolment_opens_at__isnull=True)
                | Q(enrolment_closes_at__isnull=True)
                | Q(enrolment_closes_at__gte=F("enrolment_opens_at")),
                name="courserun_enrolment_window_ordered",
                violation_error_message=_("Enrolment cannot close before it opens.")),
        ]
        indexes = [models.Index(fields=["course", "starts_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def language_name(self) -> str:
        """The language of instruction in its own words (latviešu, русский, українська)."""
        try:
            return translation.get_language_info(self.language)["name_local"]
        except KeyError:
            return self.language

    @property
    def place(self) -> str:
        if self.delivery_format == DeliveryFormat.ONLINE:
            return str(DeliveryFormat.ONLINE.label)
        if self.city and self.city not in self.address:
            return ", ".join(part for part in (self.address, self.city) if part)
        return self.address or self.city


class EnrollmentState(models.TextChoices):
    WAITLISTED = "waitlisted", _("On the waiting list")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The states in which someone holds a place in a group: they study there, are marked there,
# may be taught and graded there. Waiting-list and withdrawn people do not.
SEAT_STATES = (EnrollmentState.ACTIVE, EnrollmentState.COMPLETED)


class EnrollmentMethod(models.TextChoices):
    SELF = "self", _("Self-enrolment")
    KEY = "key", _("With an enrolment key")
    TEACHER = "teacher", _("By a teacher")
    ORGANISATION = "organisation", _("By an organisation")
    IMPORT = "import", _("Imported from a file")
    MANAGER = "manager", _("By a manager")


class Enrollment(models.Model):
    State = EnrollmentState
    Method = EnrollmentMethod

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="enrollments", verbose_name=_("learner"))
    run = models.ForeignKey(CourseRun, on_delete=models.PROTECT, related_name="enrollments",
                            verbose_name=_("group"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.ACTIVE, db_index=True)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices,
                              default=Method.SELF)
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("enrolled by"))
    created_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    activated_at = models.DateTimeField(_("seat taken"), null=True, blank=True)
    # The waiting list is served in this order (a re-enrolment queues anew).
    waitlisted_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=255,
                                         blank=True)
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="+",
                                      verbose_name=_("signed off by"))
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "run"], name="enrollment_one_per_run",
                                    violation_error_message=_("This person is already "
                                                              "enrolled in this group.")),
            models.CheckConstraint(condition=Q(state__in=EnrollmentState.values),
                                   name="enrollment_state_valid"),
            models.CheckConstraint(condition=Q(method__in=EnrollmentMethod.values),
                                   name="enrollment_method_valid"),
            models.CheckConstraint(
                condition=~Q(state="completed") | Q(completed_at__isnull=False),
                name="enrollment_completed_has_date"),
            models.CheckConstraint(
                condition=~Q(state="withdrawn") | Q(withdrawn_at__isnull=False),
                name="enrollment_withdrawn_has_date"),
        ]
        indexes = [models.Index(fields=["run", "state"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.run}"

    @property
    def holds_seat(self) -> bool:
        return self.state in SEAT_STATES


class EnrollmentEventKind(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITLISTED = "waitlisted", _("Put on the waiting list")
    PROMOTED = "promoted", _("Moved from the waiting list to a seat")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")
    REOPENED = "reopened", _("Completion undone")
    SIGNED_OFF = "signed_off", _("Signed off by a teacher")


class EnrollmentEvent(models.Model):
    """Append-only: what happened to an enrolment, who did it and when."""

    Kind = EnrollmentEventKind

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE,
                                   related_name="events", verbose_name=_("enrolment"))
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    # Set once by the task that e-mails the person, so a redelivered task sends nothing twice.
    notified_at = models.DateTimeField(_("person notified"), null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EnrollmentEventKind.values),
                                   name="enrollmentevent_kind_valid"),
        ]
        verbose_name = _("enrolment event")
        verbose_name_plural = _("enrolment events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        """A recorded event is never rewritten (only the e-mail task's `notified_at`
        changes, with a conditional UPDATE); the history must stand as it happened."""
        if not self._state.adding and set(kwargs.get("update_fields") or ()) != {
                "notified_at"}:
            raise ValueError("Enrolment events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # Only with the enrolment itself (erasure of a person's data), never on its own.
        raise ValueError("Enrolment events are append-only.")
