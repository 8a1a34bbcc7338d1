import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.http import HttpRequest

from accounts.models import User
from cms.models import HomePage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_creates_the_demo_accounts(capsys):
    call_command("seed_demo")
    counts = (User.objects.count(), HomePage.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), HomePage.objects.count()) == counts
    out = capsys.readouterr().out
    assert "kopa-demo" in out
    for name in ("admin", "manager", "teacher", "coordinator", "learner"):
        user = User.objects.get(username=name)
        assert user.check_password("kopa-demo")
    assert User.objects.get(username="admin").is_superuser


@pytest.mark.django_db
def test_home_page_and_admin_answer(client):
    call_command("seed_demo")
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 302  # to sign in
    # A request, as every sign-in passes one: django-axes counts attempts by it.
    assert client.login(request=HttpRequest(), username="admin", password="kopa-demo")
    assert client.get("/admin/").status_code == 200


def test_production_settings_pass_the_deploy_check():
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a deployment never has it.
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.production",
           "SECRET_KEY": "kS9#fQ2!vLm8@pZ4^wX7&tR1*yB6%nH3(jD5)gC0-aE2=uO9+iW4~eT7",
           "ALLOWED_HOSTS": "kopa.example"}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy",
                             "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    # Nothing silenced either: no security warning (security.W0xx) is merely hidden.
    assert "(0 silenced)" in result.stdout and "security.W" not in result.stdout, result.stdout


def test_production_settings_carry_the_security_headers_and_cookie_flags():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production",
           "SECRET_KEY": "kS9#fQ2!vLm8@pZ4^wX7&tR1*yB6%nH3(jD5)gC0-aE2=uO9+iW4~eT7"}
    code = ("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, "
            "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SECURE_CONTENT_TYPE_NOSNIFF, s.X_FRAME_OPTIONS, s.SECURE_REFERRER_POLICY, "
            "s.SECURE_CROSS_ORIGIN_OPENER_POLICY, s.SILENCED_SYSTEM_CHECKS)")

    def printed(**extra):
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT,
                                env={**env, **extra}, capture_output=True, text=True,
                                check=False)
        return result.stdout.strip().splitlines()[-1].split(" ", 1)

    assert printed() == ["True", "True True True True DENY strict-origin-when-cross-origin "
                                 "same-origin []"]
    # Behind a proxy that redirects itself, the redirect can be switched off.
    assert printed(SECURE_SSL_REDIRECT="0")[0] == "False"


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_mail_server_is_configured_from_the_environment():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production",
           "SECRET_KEY": "kS9#fQ2!vLm8@pZ4^wX7&tR1*yB6%nH3(jD5)gC0-aE2=uO9+iW4~eT7",
           "EMAIL_HOST": "smtp.example.lv", "EMAIL_PORT": "587", "EMAIL_USE_TLS": "true",
           "EMAIL_HOST_USER": "kopa", "EMAIL_HOST_PASSWORD": "s3cret"}
    code = ("from django.conf import settings as s; "
            "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_HOST_USER, "
            "bool(s.EMAIL_HOST_PASSWORD))")
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT,
                            env=env, capture_output=True, text=True, check=False)
    printed = result.stdout.strip().splitlines()[-1].split()  # after shell's import notice
    assert printed == ["smtp.example.lv", "587", "True", "kopa", "True"], result.stderr


@pytest.mark.parametrize("entry_point", ["cms.wsgi", "cms.asgi", "cms.celery"])
def test_deployment_entry_points_default_to_production_settings(entry_point):
    env = {key: value for key, value in os.environ.items()
           if key != "DJANGO_SETTINGS_MODULE"}
    env["SECRET_KEY"] = "kS9#fQ2!vLm8@pZ4^wX7&tR1*yB6%nH3(jD5)gC0-aE2=uO9+iW4~eT7"
    code = (f"import {entry_point}; from django.conf import settings; "
            "print(settings.SETTINGS_MODULE)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "cms.settings.production", result.stderr


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_its_tree_roots_back():
    """A flush (as after every transactional test) signals post_migrate: the page root,
    the root collection and the default locale are made again, so a later test (or a
    restored database) can add pages and documents."""
    from django.core.management import call_command
    from wagtail.models import Collection, Locale, Page

    call_command("flush", interactive=False, verbosity=0)
    assert Page.get_first_root_node() is not None
    assert Collection.get_first_root_node() is not None
    assert Locale.objects.filter(language_code="lv").exists()
