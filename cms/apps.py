from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def ensure_site_roots(sender, app_config=None, **kwargs) -> None:
    """After every migrate — and every flush, which signals the same — the page tree's root,
    the root collection and the default locale exist: Wagtail's migrations make them once,
    and a database flushed (as after a transactional test) would otherwise have none, so
    the next document upload or page would fail."""
    from django.apps import apps
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    from cms.demo import ensure_tree_roots

    # Signalled per app with models, in INSTALLED_APPS order: at the last one every
    # content type exists again (a flush made them anew, with new ids).
    with_models = [config for config in apps.get_app_configs()
                   if config.models_module is not None]
    if app_config is None or not with_models or app_config is not with_models[-1]:
        return
    ContentType.objects.clear_cache()
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    ensure_tree_roots(locale)


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        post_migrate.connect(ensure_site_roots, dispatch_uid="cms.site_roots")
