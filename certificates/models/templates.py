"""How a certificate looks: a snippet managers edit (layout, logo, signatory, background,
languages) and the courses it is used for."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class CertificateTemplate(ClusterableModel):
    class Layout(models.TextChoices):
        CLASSIC = "classic", _("Classic (landscape, framed)")
        PLAIN = "plain", _("Plain (portrait)")

    class SecondLanguage(models.TextChoices):
        LEARNER = "learner", _("The learner's language")
        RUN = "run", _("The group's language of instruction")
        EN = "en", _("English")
        NONE = "none", _("None (Latvian only)")

    name = models.CharField(_("name"), max_length=120,
                            help_text=_("For the admin only; e.g. Integration course 2026"))
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices,
                              default=Layout.CLASSIC)
    second_language = models.CharField(
        _("second language"), max_length=10, choices=SecondLanguage.choices,
        default=SecondLanguage.LEARNER,
        help_text=_("Certificates are in Latvian and, below it, in this language."))
    issuer = models.CharField(
        _("issued by"), max_length=200, blank=True,
        help_text=_("The organisation named as issuer; e.g. Biedrība “Kopā”. Empty: the "
                    "organisation in the site settings."))
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("logo"))
    background = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("background"),
        help_text=_("A light image behind the text; e.g. a pale ornament"))
    signatory_name = models.CharField(_("signatory"), max_length=120, blank=True,
                                      help_text=_("e.g. Māra Kalniņa"))
    signatory_title = models.CharField(_("signatory's position"), max_length=120, blank=True,
                                       help_text=_("e.g. Valdes priekšsēdētāja"))
    signature = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+",
                                  verbose_name=_("signature image"))
    footer = models.CharField(
        _("footer"), max_length=300, blank=True,
        help_text=_("A line at the bottom; e.g. The course is co-funded by the European "
                    "Union."))
    is_default = models.BooleanField(
        _("default"), default=False,
        help_text=_("Used for every course that has no template of its own."))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("layout"),
        FieldPanel("second_language"),
        FieldPanel("is_default"),
        MultiFieldPanel([
            FieldPanel("issuer"),
            FieldPanel("signatory_name"),
            FieldPanel("signatory_title"),
            FieldPanel("signature"),
        ], heading=_("Issuer and signatory")),
        MultiFieldPanel([
            FieldPanel("logo"),
            FieldPanel("background"),
            FieldPanel("footer"),
        ], heading=_("Look")),
        InlinePanel("courses", heading=_("Used for these courses"), label=_("course")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=models.Q(is_default=True),
                                    name="certificatetemplate_one_default",
                                    violation_error_message=_("Only one template can be the "
                                                              "default.")),
        ]

    def __str__(self) -> str:
        return self.name


class CertificateTemplateCourse(Orderable):
    """Which template a course uses; a course has at most one (a database constraint)."""

    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="courses")
    # PROTECT: records point at pages; a course is archived, not deleted.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("course"))

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("course")
        constraints = [
            models.UniqueConstraint(fields=["course"], name="certificatetemplate_course_once",
                                    violation_error_message=_("This course already has a "
                                                              "certificate template.")),
        ]

    def __str__(self) -> str:
        return str(self.course)
