from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # apps.py holds two configs; this one is the app's own
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_migrate

        from accounts import signals
        from accounts.models import User

        m2m_changed.connect(signals.on_groups_changed, sender=User.groups.through,
                            dispatch_uid="accounts.groups_staff")
        post_migrate.connect(signals.on_post_migrate, dispatch_uid="accounts.role_groups")


class KopaUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with Kopā's fields (optional e-mail, name as shown, language)."""

    user_viewset = "accounts.viewsets.UserViewSet"
