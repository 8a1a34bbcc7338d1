"""Writes about people: creating accounts (also without e-mail), language, tokens, and the
export and erasure of a person's data."""

import secrets
import string

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import APIToken

from accounts.models import User
from accounts.registry import personal_data_sections, role_setups
from accounts.validators import refuse_control_characters
from cms.errors import KopaError

USERNAME_ALPHABET = string.ascii_lowercase + string.digits


def supported_language(code: str | None) -> str:
    codes = [c for c, _name in settings.LANGUAGES]
    return code if code in codes else settings.LANGUAGE_CODE


def generate_username(first_name: str, last_name: str) -> str:
    """A short, typeable username for someone without e-mail: ASCII letters of the name and
    digits (Latvian, Cyrillic or Arabic names become ASCII or fall back to 'learner')."""
    from anyascii import anyascii

    base = "".join(ch for ch in anyascii(f"{first_name}{last_name[:1]}").lower()
                   if ch in USERNAME_ALPHABET)[:12] or "learner"
    for _attempt in range(20):
        candidate = f"{base}{secrets.randbelow(9000) + 1000}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    return f"{base}{secrets.token_hex(4)}"


def create_user(*, username: str | None = None, first_name: str = "", last_name: str = "",
                email: str | None = None, password: str | None = None,
                preferred_language: str = "lv", display_name: str = "",
                phone: str = "", created_by: User | None = None) -> User:
    for value in (first_name, last_name, display_name):
        try:
            refuse_control_characters(value)
        except ValidationError as exc:
            raise KopaError(exc.messages[0], code="control_characters") from exc
    email = (email or "").strip() or None
    if email and User.objects.filter(email__iexact=email).exists():
        raise KopaError(_("Another account already uses this e-mail address."),
                        code="email_taken", status=409)
    username = (username or "").strip() or generate_username(first_name, last_name)
    if User.objects.filter(username__iexact=username).exists():
        raise KopaError(_("This username is taken."), code="username_taken", status=409)
    user = User(username=username, first_name=first_name.strip(), last_name=last_name.strip(),
                email=email, display_name=display_name.strip(), phone=phone.strip(),
                preferred_language=supported_language(preferred_language),
                created_by=created_by)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def set_preferred_language(*, user: User, language: str) -> User:
    user.preferred_language = supported_language(language)
    user.save(update_fields=["preferred_language"])
    return user


def create_api_token(*, user: User, name: str) -> tuple[APIToken, str]:
    """Returns the token and its key; the key is not stored and cannot be shown again."""
    token, key = APIToken.create_token(user=user, name=name)  # Any: Wagtail is untyped
    return token, key


def export_personal_data(*, user: User) -> dict[str, object]:
    data: dict[str, object] = {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "display_name": user.display_name,
            "email": user.email,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        }
    }
    for section in personal_data_sections():
        data[section.key] = section.export(user)
    return data


@transaction.atomic
def erase_personal_data(*, user: User) -> None:
    """Anonymises the account in place: records that funders counted (enrolments, hours)
    keep their numbers but no longer name the person."""
    for section in personal_data_sections():
        section.erase(user)
    user.username = f"erased-{user.pk}-{secrets.token_hex(3)}"
    user.first_name = ""
    user.last_name = ""
    user.display_name = ""
    user.email = None
    user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.last_login = None
    user.date_joined = timezone.now()
    user.save()
    # = user.api_tokens, a reverse relation mypy cannot see: Wagtail ships no types
    APIToken.objects.filter(user=user).delete()


def sync_staff_status(*, user_ids: list[int]) -> None:
    """Staff status means "works in the Wagtail admin": joining a group that grants admin
    access (Managers, Teachers) makes a person staff. Keeping it in step with the groups
    lets every public page tell an editor from a learner without a permissions query, and
    makes a manager added in the admin's Groups tab a manager everywhere at once. Leaving
    the group does not take staff status away: what the person may do is still decided by
    their groups, so a stale flag only costs them the permission check learners skip."""
    from django.contrib.auth.models import Permission
    from django.db.models import Exists, OuterRef

    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin",
                                             codename="access_admin")
    grants = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__permissions__in=admin_access)
    User.objects.filter(Exists(grants), pk__in=user_ids, is_staff=False).update(is_staff=True)


ROLE_GROUPS = ("Managers", "Teachers", "Coordinators")
ADMIN_GROUPS = ("Managers", "Teachers")  # they work in the Wagtail admin


def ensure_role_groups() -> dict[str, Group]:
    """The role groups with what each app grants them: run after every migrate, so a new
    installation has working Managers, Teachers and Coordinators without the demo."""
    from django.contrib.auth.models import Permission

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_GROUPS}
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin",
                                             codename="access_admin").first()
    if admin_access is not None:
        for name in ADMIN_GROUPS:
            groups[name].permissions.add(admin_access)
    for setup in role_setups():
        setup(groups)
    return groups
