"""Sign-in with a one-time code from a login card, in the same username and password
boxes as everyone else (the code goes in the password box)."""

from django.contrib.auth.backends import ModelBackend

from organisations.services.login_codes import use_login_code


class LoginCodeBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        user = use_login_code(username=username, code=password)
        if user is not None and self.user_can_authenticate(user):
            return user
        return None
