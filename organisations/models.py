"""Organisations that send people to courses (NGOs, municipalities, employers), their
coordinators, the groups open to them, their participants, participant imports from a
spreadsheet and the one-time sign-in codes printed on login cards."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.validators import refuse_control_characters
from courses.models import CourseRun
from courses.models.choices import Region


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200,
                            validators=[refuse_control_characters],
                            help_text=_("e.g. Biedrība “Patvērums Drošā Mājā”"))
    slug = models.SlugField(_("short name"), max_length=80, unique=True,
                            help_text=_("Used in file names; e.g. patverums"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True,
                                      help_text=_("e.g. info@example.lv"))
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_organisations",
        verbose_name=_("coordinators"),
        help_text=_("Staff who enrol and follow this organisation's participants."))
    # A CourseRun cannot point here (courses comes before organisations), so the link lives
    # on this side: the groups this organisation may enrol its people into.
    runs = models.ManyToManyField(CourseRun, through="OrganisationRun", blank=True,
                                  related_name="organisations", verbose_name=_("groups"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class OrganisationRun(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="run_links", verbose_name=_("organisation"))
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="organisation_links",
                            verbose_name=_("group"))
    is_organiser = models.BooleanField(
        _("organises this group"), default=False,
        help_text=_("The organisation running the group; others may only enrol their people."))

    class Meta:
        verbose_name = _("group open to an organisation")
        verbose_name_plural = _("groups open to organisations")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "run"],
                                    name="organisationrun_once",
                                    violation_error_message=_("This group is already open to "
                                                              "this organisation.")),
            models.UniqueConstraint(fields=["run"], condition=Q(is_organiser=True),
                                    name="organisationrun_one_organiser",
                                    violation_error_message=_("A group has one organising "
                                                              "organisation.")),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.run}"


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Prefers not to say")


class Participant(models.Model):
    """A person an organisation has brought in, with the optional facts funders count."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="participants",
                                     verbose_name=_("organisation"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships", verbose_name=_("person"))
    citizenship = models.CharField(_("country of citizenship"), max_length=2, blank=True,
                                   help_text=_("ISO 3166 code; e.g. UA, SY, AF"))
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+",
                                 verbose_name=_("added by"))
    source_import = models.ForeignKey("ParticipantImport", on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="participants",
                                      verbose_name=_("imported from"))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["organisation", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"],
                                    name="participant_once_per_organisation"),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="participant_birth_year_plausible"),
            models.CheckConstraint(condition=Q(gender__in=["", *Gender.values]),
                                   name="participant_gender_valid"),
            models.CheckConstraint(condition=Q(region__in=["", *Region.values]),
                                   name="participant_region_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", _("Checked, not imported yet")
    COMMITTED = "committed", _("Imported")
    REJECTED = "rejected", _("Not imported: the file had errors")
    EXPIRED = "expired", _("Expired: not imported within a week, rows deleted")


class ParticipantImport(models.Model):
    """One uploaded file: checked row by row (the dry run), then imported or not. The rows
    are kept only until the import is committed, then cleared: they hold personal data."""

    State = ImportState

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="imports", verbose_name=_("organisation"))
    run = models.ForeignKey(CourseRun, on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="+", verbose_name=_("enrol into group"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("uploaded by"))
    filename = models.CharField(_("file"), max_length=255)
    state = models.CharField(_("state"), max_length=20, choices=ImportState.choices,
                             default=ImportState.PREVIEWED)
    rows = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    committed_at = models.DateTimeField(_("imported"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("participant import")
        verbose_name_plural = _("participant imports")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ImportState.values),
                                   name="participantimport_state_valid"),
        ]

    def __str__(self) -> str:
        return self.filename


class LoginCode(models.Model):
    """A one-time sign-in code printed on a login card for someone without e-mail. Only a
    keyed hash is stored; the code itself exists on paper only. It works once: signing in
    with it uses it up, and printing a new card replaces it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="login_code", verbose_name=_("person"))
    digest = models.CharField(max_length=64)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, related_name="+", verbose_name=_("issued by"))
    issued_at = models.DateTimeField(_("issued"), auto_now=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")

    def __str__(self) -> str:
        return str(self.user)


class LoginCodeIssue(models.Model):
    """The record of every login code made: who made it, when and for whom. Kept when the
    code is used or replaced, so a card printed for someone can always be traced."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="login_code_issues", verbose_name=_("person"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, related_name="+", verbose_name=_("issued by"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    reset = models.BooleanField(_("reset of a used account"), default=False)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("sign-in code issue")
        verbose_name_plural = _("sign-in code issues")

    def __str__(self) -> str:
        return str(self.user)
