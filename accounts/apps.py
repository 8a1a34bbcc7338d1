from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")


class KopaUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with Kopā's fields (optional e-mail, name as shown, language)."""

    user_viewset = "accounts.viewsets.UserViewSet"
