"""One-time sign-in codes for people without e-mail or password, printed on login cards.
Only a keyed hash is kept (fast to check in bulk, useless without the site's secret);
a code works once, expires after KOPA_LOGIN_CODE_DAYS, then the person chooses a password
on their page. Who may make a code for whom is decided by `may_issue_code` alone."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import User
from courses.permissions import is_manager
from organisations.models import LoginCode, LoginCodeIssue
from organisations.permissions import coordinated_people

# No 0/o, 1/l/i: the code is read off paper and typed on a phone. 8 of 31 characters are
# about 40 bits: enough with single use, expiry and sign-in throttling (not a password).
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _index in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch in CODE_ALPHABET)


def code_digest(user_id: int, code: str) -> str:
    return salted_hmac("kopa.login-code", f"{user_id}:{normalise(code)}",
                       algorithm="sha256").hexdigest()


def code_lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "KOPA_LOGIN_CODE_DAYS", 30))


def can_have_code(user: User) -> bool:
    """Codes are for people who have no password of their own yet; printing one for anyone
    else would let the printer sign in as them."""
    return user.is_active and not user.is_staff and not user.is_superuser and (
        not user.has_usable_password())


def never_used(user: User) -> bool:
    """An account made for a login card that nobody has signed in to yet."""
    return can_have_code(user) and user.last_login is None


def may_issue_code(*, by: User | AnonymousUser, user: User, reset: bool = False,
                   coordinated: set[int] | None = None) -> bool:
    """THE rule of who may make a login code for whom (every card path asks here).
    A fresh code: for an account never signed in to, by the person who created it, a
    coordinator of one of the person's organisations or a manager. A reset (the account
    has been used; the person lost their card): by a coordinator or manager, or by the
    teacher who created the account. `coordinated`: the ids `by` coordinates among the
    people asked about at once (coordinated_people), so a group's cards cost one query."""
    if not by.is_authenticated or by.pk == user.pk:
        return False
    if not user.is_active or user.is_staff or user.is_superuser:
        return False
    if coordinated is None:
        coordinated = coordinated_people(by, [user])
    entitled = is_manager(by) or user.created_by_id == by.pk or user.pk in coordinated
    if not entitled:
        return False
    return True if reset else never_used(user)


@transaction.atomic
def issue_login_codes(*, users: list[User], by: User, reset: bool = False
                      ) -> tuple[list[tuple[User, str]], list[User]]:
    """New codes (replacing unused ones) for those of `users` `by` may make one for;
    returns (person, code) pairs for the cards and the people skipped. Every code made is
    recorded in LoginCodeIssue. A reset makes the person's password unusable, so the new
    card is the only way in."""
    coordinated = coordinated_people(by, users)
    eligible = [user for user in users
                if may_issue_code(by=by, user=user, reset=reset, coordinated=coordinated)]
    skipped = [user for user in users if user not in eligible]
    if reset:
        for user in eligible:
            if user.has_usable_password():
                user.set_unusable_password()
                user.save(update_fields=["password"])
    LoginCode.objects.filter(user__in=[user.pk for user in eligible]).delete()
    pairs = [(user, new_code()) for user in eligible]
    LoginCode.objects.bulk_create([
        LoginCode(user=user, digest=code_digest(user.pk, code), issued_by=by)
        for user, code in pairs])
    LoginCodeIssue.objects.bulk_create([
        LoginCodeIssue(user=user, issued_by=by, reset=reset) for user, _code in pairs])
    return pairs, skipped


def use_login_code(*, username: str, code: str) -> User | None:
    """The person, when the code is theirs, unused and not expired; it is then used up."""
    user = User.objects.filter(username__iexact=(username or "").strip()).first()
    if user is None or not normalise(code or ""):
        make_password(code)  # similar work either way, against timing probes
        return None
    login_code = LoginCode.objects.filter(
        user=user, used_at__isnull=True,
        issued_at__gte=timezone.now() - code_lifetime()).first()
    if login_code is None or not can_have_code(user):
        return None
    if not constant_time_compare(login_code.digest, code_digest(user.pk, code)):
        return None
    used = LoginCode.objects.filter(pk=login_code.pk, used_at__isnull=True).update(
        used_at=timezone.now())
    return user if used else None
