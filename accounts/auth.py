"""How people prove who they are: a username or an e-mail with a password on the web, a
session or a bearer token on the API."""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Q
from django.http import HttpRequest
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
        return api_token.user if api_token is not None else None


# Token first: a script with a token has no session and no CSRF cookie.
api_auth = [TokenAuth(), SessionAuth()]
