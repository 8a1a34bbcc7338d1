"""Issued certificates: one per enrolment, a frozen snapshot of what it states, and the PDF
rendered once from it into private storage."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from certificates.codes import display_code
from certificates.storage import get_private_storage


class CertificateBatch(models.Model):
    """One bulk action on a run's certificates, so the admin can show its progress."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Issue")
        REISSUE = "reissue", _("Re-issue")

    run = models.ForeignKey("courses.CourseRun", on_delete=models.CASCADE,
                            related_name="certificate_batches", verbose_name=_("group"))
    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices, default=Kind.ISSUE)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("requested by"))
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    total = models.PositiveIntegerField(_("certificates"), default=0)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bulk certificate action")
        verbose_name_plural = _("bulk certificate actions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.run} ({self.total})"


class Certificate(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", _("Revoked")

    # PROTECT: a certificate is a record others rely on; a person's data is erased by
    # anonymising (see services.personal_data), never by deleting the enrolment under it.
    enrollment = models.OneToOneField("courses.Enrollment", on_delete=models.PROTECT,
                                      related_name="certificate", verbose_name=_("enrolment"))
    code = models.CharField(_("verification code"), max_length=17, unique=True,
                            editable=False)
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.PENDING, db_index=True)
    revision = models.PositiveSmallIntegerField(
        _("revision"), default=1, help_text=_("Goes up by one with each re-issue."))
    template = models.ForeignKey("certificates.CertificateTemplate", on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+",
                                 verbose_name=_("template"))
    batch = models.ForeignKey(CertificateBatch, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="certificates",
                              verbose_name=_("bulk action"))

    # The frozen snapshot: what the certificate states, copied when it is issued.
    holder_name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    course_title = models.CharField(_("course"), max_length=255)
    course_title_translated = models.CharField(_("course (second language)"), max_length=255,
                                               blank=True)
    hours_total = models.DecimalField(_("academic hours"), max_digits=6, decimal_places=2)
    hours_attended = models.DecimalField(_("academic hours attended"), max_digits=6,
                                         decimal_places=2, null=True, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    completed_on = models.DateField(_("completed"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    issuer = models.CharField(_("issued by"), max_length=200)
    language = models.CharField(_("second language"), max_length=8, blank=True,
                                help_text=_("Empty: Latvian only."))
    snapshot = models.JSONField(_("other details"), default=dict, blank=True)

    pdf = models.FileField(_("PDF"), storage=get_private_storage, max_length=255, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("render attempts"), default=0)
    render_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    failure_reason = models.CharField(_("why it failed"), max_length=500, blank=True)
    emailed_revision = models.PositiveSmallIntegerField(default=0, editable=False)

    issued_at = models.DateTimeField(pgettext_lazy("certificate", "issued"), null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+",
                                  verbose_name=_("issued by (person)"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("revoked by"))
    revocation_reason = models.CharField(_("reason for revoking"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["pending", "issued", "failed", "revoked"]),
                name="certificate_state_valid"),
            models.CheckConstraint(
                condition=~Q(state="issued") | (Q(issued_at__isnull=False) & ~Q(pdf="")),
                name="certificate_issued_has_pdf"),
            models.CheckConstraint(
                condition=~Q(state="revoked")
                | (Q(revoked_at__isnull=False) & ~Q(revocation_reason="")),
                name="certificate_revoked_has_reason"),
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def is_valid(self) -> bool:
        return self.state == self.State.ISSUED


class CertificateEvent(models.Model):
    """Append-only: what happened to a certificate, who did it, and why."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Rendering failed")
        REISSUE_REQUESTED = "reissue", _("Re-issue requested")
        REVOKED = "revoked", _("Revoked")
        EMAILED = "emailed", _("Sent by e-mail")
        ERASED = "erased", _("Personal data erased")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE,
                                    related_name="events", verbose_name=_("certificate"))
    kind = models.CharField(_("what"), max_length=12, choices=Kind.choices)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
