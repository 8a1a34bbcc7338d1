"""Phones are shared: a session ends after KOPA_SESSION_HOURS (12 by default), not the two
weeks Django would keep it, and the cookie the browser gets says so."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.accounts.test_sign_in import sign_in

pytestmark = pytest.mark.django_db


def test_a_sign_in_lasts_twelve_hours_by_default(client, site, learner, settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert sign_in(client, learner.username).status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 12 * 3600
    expiry = Session.objects.get(session_key=cookie.value).expire_date
    assert abs(expiry - (timezone.now() + timedelta(hours=12))) < timedelta(minutes=1)


def test_the_lifetime_is_configurable():
    env = {**os.environ, "KOPA_SESSION_HOURS": "2", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import "
         "settings; print(settings.SESSION_COOKIE_AGE)"],
        env=env, capture_output=True, text=True, check=True).stdout
    assert out.split()[-1] == str(2 * 3600)
