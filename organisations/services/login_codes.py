"""One-time sign-in codes for people without e-mail or password, printed on login cards.
Only a keyed hash is kept (fast to check in bulk, useless without the site's secret);
a code works once, then the person chooses a password on their page."""

import secrets

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import User
from organisations.models import LoginCode

# No 0/o, 1/l/i: the code is read off paper and typed on a phone.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _index in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch in CODE_ALPHABET)


def code_digest(user_id: int, code: str) -> str:
    return salted_hmac("kopa.login-code", f"{user_id}:{normalise(code)}",
                       algorithm="sha256").hexdigest()


def can_have_code(user: User) -> bool:
    """Codes are for people who have no password of their own yet; printing one for anyone
    else would let the printer sign in as them."""
    return user.is_active and not user.is_staff and not user.is_superuser and (
        not user.has_usable_password())


@transaction.atomic
def issue_login_codes(*, users: list[User], by) -> list[tuple[User, str]]:
    """New codes (replacing unused ones) for those of `users` who may have one; returns
    (person, code) pairs for the cards. Three queries, whatever the number of people."""
    eligible = [user for user in users if can_have_code(user)]
    LoginCode.objects.filter(user__in=[user.pk for user in eligible]).delete()
    pairs = [(user, new_code()) for user in eligible]
    LoginCode.objects.bulk_create([
        LoginCode(user=user, digest=code_digest(user.pk, code), issued_by=by)
        for user, code in pairs])
    return pairs


def use_login_code(*, username: str, code: str) -> User | None:
    """The person, when the code is theirs and unused; it is then used up."""
    user = User.objects.filter(username__iexact=(username or "").strip()).first()
    if user is None or not normalise(code or ""):
        make_password(code)  # similar work either way, against timing probes
        return None
    login_code = LoginCode.objects.filter(user=user, used_at__isnull=True).first()
    if login_code is None or not can_have_code(user):
        return None
    if not constant_time_compare(login_code.digest, code_digest(user.pk, code)):
        return None
    used = LoginCode.objects.filter(pk=login_code.pk, used_at__isnull=True).update(
        used_at=timezone.now())
    return user if used else None
