"""Shared fixtures: the site tree as the demo builds it, people in each role, and the
markers that skip tests whose service is absent (with the reason)."""

import os
import shutil

import pytest
from django.conf import settings
from django.db import connection

from accounts.services import create_user

# Each test of the fault suite starts and kills processes; one that hangs fails after this.
FAULT_TIMEOUT_SECONDS = 300


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    chromium = shutil.which("chromium") or os.environ.get("KOPA_CHROMIUM")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(
                reason="needs PostgreSQL (row locks, real concurrency): set DATABASE_URL"))
        if "browser" in item.keywords and not chromium:
            item.add_marker(pytest.mark.skip(
                reason="needs Debian's chromium (apt-get install chromium)"))
        if "fault" in item.keywords and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(FAULT_TIMEOUT_SECONDS))


@pytest.fixture(scope="session", autouse=True)
def _no_stray_connections_at_teardown(django_db_setup, django_db_blocker):
    """On PostgreSQL the test database can only be dropped when nobody is connected; a
    live-server thread still serving Chromium's keep-alive connection when a browser test
    ends can hold one. Ending those sessions first lets the teardown finish cleanly."""
    yield
    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Latvian, the default. A test (or a code path it calls) that
    activates another language leaves it active in the thread, and the next test's
    `reverse()` would then build `/en/...` addresses."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache. Redis outlives a test (and a whole run): a
    rendition, rate-limit counter or page fragment cached by an earlier test would point
    at rows and files that no longer exist (a rolled-back image id reused by the next
    test, whose media folder is another)."""
    from django.core.cache import caches

    for alias in caches:
        if alias != "fallback":  # the database cache: no database here; see cms/cache.py
            caches[alias].clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and private files go to a throwaway folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "media")}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
    }


@pytest.fixture
def wagtail_root(transactional_db):
    """For transactional tests (threads, live server, real workers): they start from a
    database an earlier one may have flushed, without the tree roots migrations made."""
    from wagtail.models import Locale

    from cms.demo import ensure_tree_roots

    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    ensure_tree_roots(locale)


@pytest.fixture
def site(db):
    """The demo's site skeleton (locales, home page as the default site's root)."""
    from cms import demo

    context: dict = {}
    demo.load(context)
    return context["site"]


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def make(**kwargs):
        counter["n"] += 1
        kwargs.setdefault("first_name", "Anna")
        kwargs.setdefault("last_name", f"Bērziņa{counter['n']}")
        kwargs.setdefault("password", "a-long-test-password")
        return create_user(**kwargs)

    return make


@pytest.fixture
def staff(make_user):
    """make(username, role group name): a person who works in the admin in that role."""
    from django.contrib.auth.models import Group

    from accounts.demo import ensure_groups

    ensure_groups()

    def make(username, group):
        user = make_user(username=username)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        return type(user).objects.get(pk=user.pk)

    return make


@pytest.fixture
def learner(make_user):
    return make_user(username="learner1", email="learner1@example.lv")


@pytest.fixture
def learner_without_email(make_user):
    return make_user(username="ahmad1234", first_name="Ahmad", last_name="Rahimi")


@pytest.fixture
def db_vendor(db) -> str:
    return connection.vendor


@pytest.fixture
def course_index(home_page):
    from courses.factories import course_index as make_index

    return make_index(home_page)


@pytest.fixture
def course(course_index):
    from courses.factories import add_course

    return add_course(course_index, title="Integrācijas kurss", slug="integracijas-kurss",
                      kind="integration", academic_hours=28)


@pytest.fixture
def module(course):
    from courses.factories import add_module

    return add_module(course, title="Latvijas valsts", slug="latvijas-valsts")


@pytest.fixture
def teacher(make_user):
    return make_user(username="teacher1", email="teacher1@example.lv")


@pytest.fixture
def run(course, teacher):
    from courses.factories import CourseRunFactory

    return CourseRunFactory(course=course, title="Rīga, rudens, latviski", teachers=[teacher])


@pytest.fixture
def enrollment(run, learner):
    from courses.factories import EnrollmentFactory

    return EnrollmentFactory(run=run, user=learner)
