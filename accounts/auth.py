"""How people prove who they are: a username or an e-mail with a password on the web, a
session or a bearer token on the API."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest
from django.utils import translation
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth

from accounts.models import User


class UsernameOrEmailBackend(ModelBackend):
    """Accepts the username or the e-mail (any case) in the username box."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        login = username.strip()
        users = list(User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login))[:2])
        # An e-mail that equals someone else's username must not sign in as either of them.
        exact = [u for u in users if u.username.lower() == login.lower()] or users
        if len(exact) != 1:
            User().set_password(password)  # same work as a real check, against timing probes
            return None
        user = exact[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class TokenAuth(BearerTokenAuth):
    """Wagtail's API tokens (hashed, revocable, managed in the admin), with the person as
    `request.auth` so every endpoint sees a user whichever way they signed in."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = super().authenticate(request, token)
        if api_token is None:
            return None
        user = api_token.user
        # The person's own language, as for a session (accounts.middleware): a token
        # arrives after the middleware chose one from Accept-Language.
        if user.preferred_language in {code for code, _name in settings.LANGUAGES}:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return user


class SessionUnlessToken(SessionAuth):
    """The session, for requests that bring no token. A request with an `Authorization`
    header is judged by its token alone: a revoked token is a 401, not a CSRF failure of
    a session it never meant to use."""

    def __call__(self, request: HttpRequest):
        if request.headers.get("Authorization"):
            return None
        return super().__call__(request)


# Token first: a script with a token has no session and no CSRF cookie.
api_auth = [TokenAuth(), SessionUnlessToken()]


def anonymous(request: HttpRequest) -> AnonymousUser | None:
    """Lets visitors in where no sign-in is needed (signed-in callers are recognised first).
    A caller whose token is not valid is told so (401), not served as a visitor."""
    if request.headers.get("Authorization"):
        return None
    return AnonymousUser()


# Operations anyone may call; the OpenAPI schema marks them so (security may be empty).
public_auth = [*api_auth, anonymous]
