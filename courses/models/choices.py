from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseKind(models.TextChoices):
    LANGUAGE = "language", _("Language course")
    INTEGRATION = "integration", _("Integration course")
    OTHER = "other", _("Other course")


class CefrLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class DeliveryFormat(models.TextChoices):
    IN_CLASS = "in_class", _("In class")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Region(models.TextChoices):
    """Latvia's planning regions, as funders report them."""

    RIGA = "riga", _("Rīga")
    KURZEME = "kurzeme", _("Kurzeme")
    LATGALE = "latgale", _("Latgale")
    VIDZEME = "vidzeme", _("Vidzeme")
    ZEMGALE = "zemgale", _("Zemgale")


class AttendanceBasis(models.TextChoices):
    HOURS = "hours", _("Share of academic hours attended")
    POINTS = "points", _("Share of attendance points")
