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


class Effect(models.Model):
    """A side effect (an e-mail, a certificate to issue, a completion check, a quiz's
    deadline) written in the same transaction as the change that causes it, and delivered
    by the worker until it has happened (`cms.services.effects`). The broker only carries
    a nudge: a lost message delays an effect, never loses it. Arguments are ids, never
    personal data, and so is the error kept (the exception's class name)."""

    kind = models.CharField(_("kind"), max_length=100,
                            help_text=_("The registered handler; e.g. courses.completion"))
    key = models.CharField(_("key"), max_length=200, unique=True,
                           help_text=_("Recording the same key twice is one effect; e.g. "
                                       "certificates:issue:42"))
    args = models.JSONField(_("arguments"), default=dict, blank=True)
    # Bumped when an effect that may run again (a completion check) is asked for anew, so
    # a delivery that began before the new cause does not count for it.
    version = models.PositiveIntegerField(default=1)
    due_at = models.DateTimeField(_("due"))
    next_try_at = models.DateTimeField(_("next try"))
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    gave_up_at = models.DateTimeField(_("gave up"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # Not delivered and not given up on: what the sweep and the workers still owe.
    WAITING = models.Q(delivered_at__isnull=True, gave_up_at__isnull=True)
    GIVEN_UP = models.Q(delivered_at__isnull=True, gave_up_at__isnull=False)

    class Meta:
        verbose_name = _("side effect")
        verbose_name_plural = _("side effects")
        indexes = [models.Index(fields=["next_try_at"], name="cms_effect_waiting",
                                condition=models.Q(delivered_at__isnull=True,
                                                   gave_up_at__isnull=True))]

    def __str__(self) -> str:
        return self.key
