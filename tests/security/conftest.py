"""The access matrix's world is built once for the package inside a transaction that is rolled
back at the end; every cell runs in a savepoint of its own (pytest-django's `db`), so a
request that changes something (a withdrawal, a mark) is undone before the next cell."""

import pytest
from django.conf import settings
from django.db import transaction

from tests.security.world import build


@pytest.fixture(scope="session")
def _matrix_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(scope="package")
def _matrix_storage(_matrix_media):
    """The world's files (documents, a certificate PDF) live for the whole module, so the
    per-test media folder of tests/conftest.py is replaced by one folder here."""
    from django.test import override_settings

    from cms.settings import test as base

    with override_settings(
            MEDIA_ROOT=_matrix_media / "media", PRIVATE_MEDIA_ROOT=_matrix_media / "private",
            STORAGES={**base.STORAGES,
                      "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                  "OPTIONS": {"location": str(_matrix_media / "media")}},
                      "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                  "OPTIONS": {"location": str(_matrix_media / "private"),
                                              "base_url": None}}}):
        yield


@pytest.fixture
def _media_in_tmp(_matrix_storage):
    """Overrides the shared per-test media folder (see `_matrix_storage`)."""


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, _matrix_storage):
    """Built once for the package; each role is signed in once here (a session row), so a
    cell only sends that session's cookie instead of signing in again."""
    from django.test import Client

    with django_db_blocker.unblock(), transaction.atomic():
        built = build()
        for role, user in built.users.items():
            client = Client()
            client.force_login(user)
            built.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield built
        transaction.set_rollback(True)
