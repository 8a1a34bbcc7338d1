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
        from accounts.registry import register_role_setup

        register_role_setup("accounts", grant_user_management)


def grant_user_management(groups: dict) -> None:
    """Managers make and edit accounts in the admin. Not delete: erasing a person goes
    through the personal-data erasure, which every app takes part in."""
    from django.contrib.auth.models import Permission

    groups["Managers"].permissions.add(*Permission.objects.filter(
        content_type__app_label="accounts", content_type__model="user",
        codename__in=["add_user", "change_user", "view_user"]))


class KopaUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with Kopā's fields (optional e-mail, name as shown, language)."""

    user_viewset = "accounts.viewsets.UserViewSet"
