"""The site itself: the editable home page, site-wide settings, and the worker heartbeat
that tells operators the background worker is alive."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = models.CharField(
        _("introduction"), max_length=300, blank=True,
        help_text=_("One or two sentences under the title; e.g. Learn Latvian and about "
                    "life in Latvia, in class or online."),
    )
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation"), max_length=200, blank=True,
        help_text=_("Who runs this site; e.g. Biedrība “Kopā”"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True,
                                      help_text=_("e.g. info@kopa.lv"))
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True,
                                     help_text=_("e.g. +371 67000000"))
    funding_notice = models.TextField(
        _("funding notice"), blank=True,
        help_text=_("Shown in the footer; e.g. The project is co-funded by the European "
                    "Union."))

    class Meta:
        verbose_name = _("site settings")


class WorkerHeartbeat(models.Model):
    """Written by a Celery task; the newest row shows that a worker consumed the queue."""

    token = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    queued_at = models.DateTimeField()
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.hostname} {self.seen_at:%Y-%m-%d %H:%M:%S}"


class CacheEntry(models.Model):
    """Django's database cache table, used only while Redis is down (`cms.cache`)."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "kopa_cache"

    def __str__(self) -> str:
        return self.cache_key
