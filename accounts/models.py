"""People. Many learners have no e-mail and only a phone, so the username is the identity
and e-mail is optional (unique only where given)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.validators import refuse_control_characters


def interface_language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class KopaUserManager(UserManager):
    def get_by_natural_key(self, username: str) -> "User":
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    # AbstractUser's blank e-mail would collide under a unique constraint, so "no e-mail"
    # is stored as NULL.
    email = models.EmailField(  # noqa: DJ001 — NULL means "no e-mail", see above
        _("e-mail address"), blank=True, null=True, default=None,
        help_text=_("Optional. Many participants have none; e.g. anna.berzina@example.lv"),
    )
    # As AbstractUser's, with the one rule for names shown to others (accounts.validators);
    # model forms (the admin's user forms) check it, create_user and imports call it.
    first_name = models.CharField(_("first name"), max_length=150, blank=True,
                                  validators=[refuse_control_characters])
    last_name = models.CharField(_("last name"), max_length=150, blank=True,
                                 validators=[refuse_control_characters])
    display_name = models.CharField(
        _("name as shown"), max_length=200, blank=True, validators=[refuse_control_characters],
        help_text=_("How the name is written on certificates, in any script; "
                    "e.g. Anna Bērziņa, Олена Коваленко, مریم احمدی"),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, default="lv",
        help_text=_("Language of the interface and of e-mails; e.g. lv, en, ru, uk"),
    )
    phone = models.CharField(
        _("phone"), max_length=32, blank=True,
        help_text=_("Optional contact number; e.g. +371 20000000"),
    )

    # Who made the account for someone without e-mail (a teacher adding a person by name):
    # that person may print them a login card, see organisations.services.login_codes.
    created_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"))

    objects = KopaUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique",
                condition=models.Q(email__isnull=False),
                violation_error_message=_("Another account already uses this e-mail address."),
            ),
        ]

    def save(self, *args, **kwargs) -> None:
        self.email = (self.email or "").strip() or None
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.username

    def __str__(self) -> str:
        return self.name
