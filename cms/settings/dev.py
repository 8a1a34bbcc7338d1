"""Development: debug on, e-mail to the console, a throwaway key."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-kopa")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
