"""Tests: fast hashing, mail kept in memory, and a file-based SQLite test database so a real
Celery worker process started by a test can see what the test wrote."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import CACHES, DATABASES, REDIS_URL, VAR_DIR, os

DEBUG = False
SECRET_KEY = "test-only-not-secret-kopa"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail stays in memory; a worker started by the fault suite sends to the test's own SMTP
# server instead (tests/faults/smtp.py).
EMAIL_BACKEND = os.environ.get("KOPA_TEST_EMAIL_BACKEND",
                               "django.core.mail.backends.locmem.EmailBackend")
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(MEDIA_ROOT)}},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# The live server's request threads (browser tests) must not keep connections open after a
# request, or the test database cannot be dropped at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("KOPA_TEST_SQLITE", str(VAR_DIR / "test-kopa.sqlite3"))
    }
# Unit tests run tasks in-process when they are queued; the worker tests start a real
# worker on the real broker with CELERY_TASK_ALWAYS_EAGER=0.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("CELERY_TASK_ALWAYS_EAGER", "1") == "1"
CELERY_TASK_EAGER_PROPAGATES = True

# Each test process (every pytest-xdist worker, and a run without xdist) gets a Redis
# database of its own for the cache, apart from the broker's: the tests clear the cache
# before each test, which must never empty another process's cache or the task queue.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL:
    _base, _sep, _db = REDIS_URL.rpartition("/")
    _number = int(_xdist_worker[2:]) if _xdist_worker.startswith("gw") else 7
    _index = 8 + _number % 8
    CACHES["default"]["LOCATION"] = f"{_base}/{_index}" if _db.isdigit() else REDIS_URL
