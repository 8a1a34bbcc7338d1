"""Settings shared by every environment; each value that differs per machine comes from
the environment so the same code runs on a laptop (SQLite, embedded broker) and in
production (PostgreSQL, Redis)."""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

from cms import languages
from cms.uploads import DEFAULT_LIMITS_MB, extensions_for

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("KOPA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_trusted_proxies(name: str) -> int | tuple[str, ...]:
    """Reverse proxies in front of the web processes, whose X-Forwarded-For may be believed:
    a number of hops ("1" behind one nginx or load balancer) or comma-separated addresses
    and networks of the proxies ("10.0.0.0/8, 192.168.1.5"). Unset: none, and the header is
    ignored, since any visitor can write it."""
    value = os.environ.get(name, "").strip()
    if not value:
        return ()
    if value.isdigit():
        return int(value)
    networks = env_list(name)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name}: {network!r} is neither a number of proxies nor an address or "
                "network") from exc
    return tuple(networks)


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Who the client is for per-client limits (certificate verification): see the function.
KOPA_TRUSTED_PROXIES = env_trusted_proxies("KOPA_TRUSTED_PROXIES")

# Kopā's own apps, in dependency order (see README: Architecture).
KOPA_APPS = [
    "cms",
    "accounts",
    "courses",
    "lessons",
    "quizzes",
    "organisations",
    "attendance",
    "certificates",
    "reports",
]
INSTALLED_APPS = [
    *KOPA_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.KopaUsersAppConfig",  # wagtail.users with our user form
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "polymorphic",
    "django_htmx",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.KopaCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    # Refuses bodies shorter than their Content-Length before any form reads them.
    "cms.middleware.CompleteBodyMiddleware",
    # Every API error as JSON, whoever answered it (Django, django-ninja or us).
    "cms.middleware.ApiErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# --- Database -------------------------------------------------------------------------
# Absent DATABASE_URL means a SQLite file under var/, so a newcomer needs no server.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'kopa.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the worker read while the other writes; the timeout
    # makes a writer wait for a lock instead of failing at once.
    # A transaction that reads first and writes later would fail at once with "database is
    # locked" if another process wrote in between (the busy timeout does not cover that
    # upgrade); taking the write lock at BEGIN makes the worker and web process wait instead.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
         "transaction_mode": "IMMEDIATE"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and broker -----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        # Falls back to the database cache below while Redis cannot be reached (cms/cache.py).
        "default": {
            "BACKEND": "cms.cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kopa"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
        "fallback": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                     "LOCATION": "kopa_cache"},
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery (read by cms/celery.py with the CELERY_ namespace) ---------------------------
CELERY_BROKER_URL = os.environ.get(
    "CELERY_BROKER_URL", REDIS_URL or f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True  # outcomes are recorded in our own tables
# A task is acknowledged only when it has finished, and put back if its worker dies, so a
# killed worker's job is redelivered; tasks are therefore written to be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis redelivers an unacknowledged task after this many seconds (default: one hour).
CELERY_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "300"))
# Only Redis (and SQS) know this option; the SQLAlchemy transport hands its options to
# create_engine(), which refuses unknown ones.
CELERY_BROKER_TRANSPORT_OPTIONS = (
    # A broker that does not answer is given up on after 2 s (cms.services.send_task).
    {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT, "socket_connect_timeout": 2}
    if CELERY_BROKER_URL.startswith(("redis://", "rediss://")) else {}
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_WORKER_CONCURRENCY = int(os.environ.get("CELERY_WORKER_CONCURRENCY", "2"))
# Housekeeping, run by `celery beat` (embedded in the worker `make run` starts; one beat
# process per installation in production). Each task is idempotent and cheap when idle.
CELERY_BEAT_SCHEDULE = {
    # Pages an editor scheduled to go live (or to expire) at a time.
    "publish-scheduled-pages": {"task": "cms.publish_scheduled", "schedule": 60.0},
    # Side effects (e-mails, certificates, completion checks, quiz deadlines) that are due
    # and have no live message: never queued, a failed try, lost by the
    # broker, or held by a worker that died.
    "queue-due-effects": {"task": "cms.queue_due_effects",
                          "schedule": float(os.environ.get("KOPA_EFFECT_SWEEP_SECONDS", "30"))},
    # Effects delivered more than KOPA_EFFECT_KEEP_DAYS ago: forgotten.
    "prune-delivered-effects": {"task": "cms.prune_delivered_effects", "schedule": 3600.0},
    # Certificates whose render message was lost: queued again.
    "requeue-stalled-certificates": {"task": "certificates.requeue_stalled_certificates",
                                     "schedule": 300.0},
    # Import checks never imported: their rows (personal data) deleted after a week.
    "clear-stale-import-rows": {"task": "organisations.clear_stale_import_rows",
                                "schedule": 3600.0},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The outbox (cms.services.effects). A worker holds an effect for LEASE seconds: longer
# than any handler takes (a certificate's PDF, an SMTP timeout), so a live delivery is
# never doubled; a worker that died is replaced after it. A message not consumed within
# REQUEUE seconds is taken as lost and queued again. Failed tries wait RETRY seconds,
# doubling up to RETRY_MAX; after MAX_ATTEMPTS the effect is given up on (listed by
# `manage.py effects`, tried again with `--retry`).
KOPA_EFFECT_LEASE_SECONDS = int(os.environ.get("KOPA_EFFECT_LEASE_SECONDS", "300"))
KOPA_EFFECT_REQUEUE_SECONDS = int(os.environ.get("KOPA_EFFECT_REQUEUE_SECONDS", "600"))
KOPA_EFFECT_RETRY_SECONDS = int(os.environ.get("KOPA_EFFECT_RETRY_SECONDS", "30"))
KOPA_EFFECT_RETRY_MAX_SECONDS = int(os.environ.get("KOPA_EFFECT_RETRY_MAX_SECONDS", "3600"))
KOPA_EFFECT_MAX_ATTEMPTS = int(os.environ.get("KOPA_EFFECT_MAX_ATTEMPTS", "12"))
# /health/ warns when an effect has been due this long and is still not delivered (the
# worker or beat is not running, or every try fails), and when any was given up on.
KOPA_EFFECT_OVERDUE_SECONDS = int(os.environ.get("KOPA_EFFECT_OVERDUE_SECONDS", "900"))
KOPA_EFFECT_KEEP_DAYS = int(os.environ.get("KOPA_EFFECT_KEEP_DAYS", "30"))

# --- Authentication -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out username or client before any password or
# login-code check, for the site's sign-in and Wagtail's /admin/login/ alike.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "accounts.auth.UsernameOrEmailBackend"]
# Failed sign-ins are counted in the database (no Redis needed); a username, or a client
# address trying one username, is locked for AXES_COOLOFF_TIME after AXES_FAILURE_LIMIT.
AXES_ENABLED = os.environ.get("KOPA_SIGN_IN_THROTTLING", "1") == "1"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("KOPA_SIGN_IN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KOPA_SIGN_IN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_VERBOSE = False
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------
LANGUAGE_CODE = languages.DEFAULT
# The four shipped languages, plus Arabic or Persian (right-to-left; the layout is ready)
# only once their catalogues translate every string: cms/languages.py.
LANGUAGES = languages.offered_languages(BASE_DIR, KOPA_APPS)
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
LANGUAGE_COOKIE_NAME = "kopa_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Riga"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [
    ("lv", _("Latvian")),
    ("en", _("English")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = list(languages.SHIPPED)

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Certificates and login cards are personal data: stored outside MEDIA_ROOT and served
# only by views that check permission.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kopā"
WAGTAILADMIN_BASE_URL = os.environ.get("KOPA_BASE_URL", "http://127.0.0.1:8000")
KOPA_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = extensions_for("document")  # the one allowlist: cms/uploads.py
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Video links: YouTube and Vimeo only, in their private players (lessons.embeds).
WAGTAILEMBEDS_FINDERS = [{"class": "lessons.embeds.PrivateVideoFinder",
                          "providers": [oembed_providers.youtube, oembed_providers.vimeo]}]
# Rich text has no embed button: a video goes in a lesson's video block, whose player is
# loaded only when the learner presses play; an embed in text would load with the page.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "ol", "ul", "bold", "italic", "link", "hr",
                                 "document-link", "image"]},
    },
}
# Avatars are initials, not pictures fetched from gravatar.com (which would tell it who
# works in the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- E-mail ---------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kopā <noreply@kopa.lv>")
# The mail server (SMTP backend); the password comes from the environment only.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))  # a stuck server must not hang a worker

# --- Sessions and security ------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Phones are shared: a session lasts KOPA_SESSION_HOURS (default 12), not two weeks.
SESSION_COOKIE_AGE = int(os.environ.get("KOPA_SESSION_HOURS", "12")) * 3600
# No page of Kopā may be framed; Wagtail's preview views (the one framed use, same-origin)
# set SAMEORIGIN on their own responses.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Addresses can hold ids and secret feed tokens: other sites get at most the origin
# (YouTube's player refuses to play in a frame whose request carries no referrer at all).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Content-Security-Policy (django-csp; cms.middleware.KopaCSPMiddleware) -------------
# Pages run only Kopā's own script files: no inline script, no event-handler attributes
# (a tiny inline script, if ever unavoidable, carries nonce="{{ request.csp_nonce }}").
# Nothing is fetched from another host: the one exception is the video players a lesson
# may frame, and those load only when the learner presses play (lessons.embeds).
VIDEO_PLAYER_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": VIDEO_PLAYER_HOSTS,
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# The Wagtail admin (/admin/) writes inline scripts and styles of its own and frames its
# page previews (same origin): these directives replace the site's there. Still no other
# host than the video players, whose previews editors see.
KOPA_ADMIN_CSP_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *VIDEO_PLAYER_HOSTS],
    "frame-ancestors": ["'self'"],
}

# --- Logging: never personal data; the request path can hold it, so 4xx paths are not
# logged at warning level in production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # Wagtail's own background work (search index, reference index) runs through
        # django-tasks' immediate backend; its per-task lines are noise.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# --- organisations (issue 4): one-time codes from printed login cards sign people in ---
AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "organisations.auth.LoginCodeBackend"]
# A code not used within this many days stops working (a lost card is not a key for ever).
KOPA_LOGIN_CODE_DAYS = int(os.environ.get("KOPA_LOGIN_CODE_DAYS", "30"))

# --- Lessons (issue 3): audio and video blocks take uploaded files as documents --------
# Upload limits per kind of file (cms.uploads, the one allowlist for every upload path):
# phone-friendly sizes, in MB.
KOPA_UPLOAD_LIMITS_MB = {**DEFAULT_LIMITS_MB,
                         "document": int(os.environ.get("KOPA_DOCUMENT_MAX_MB", "20")),
                         "audio": int(os.environ.get("KOPA_AUDIO_MAX_MB", "50")),
                         "video": int(os.environ.get("KOPA_VIDEO_MAX_MB", "500"))}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = KOPA_UPLOAD_LIMITS_MB["image"] * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = extensions_for("image")  # no SVG: it can hold script
