"""The Content-Security-Policy (django-csp) and the other security headers on pages: only
Kopā's own script files run, nothing loads from other hosts, no site may frame Kopā. The
templates hold no inline script or event-handler attribute the policy would block."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
APPS = ["cms", "accounts", "courses", "lessons", "quizzes", "organisations", "attendance",
        "certificates", "reports"]
# Rendered to PDF by WeasyPrint, never served to a browser.
PDF_TEMPLATES = {"certificates/pdf", "attendance/sign_in_sheet.html",
                 "organisations/login_cards.html"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
def test_pages_carry_a_policy_that_runs_no_inline_script(client, site):
    response = client.get("/")
    assert response.status_code == 200
    csp = policy(response)
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["script-src"][0] == "'self'"
    assert csp["default-src"] == ["'self'"] and csp["img-src"] == ["'self'", "data:"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    # The only other hosts named: the video players a lesson may show on request.
    hosts = {value for values in csp.values() for value in values if "://" in value}
    assert hosts == set(settings.VIDEO_PLAYER_HOSTS)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_and_still_no_other_host(client, site, make_user):
    admin = make_user(username="boss")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["frame-ancestors"] == ["'self'"]  # its page previews
    assert csp["object-src"] == ["'none'"] and csp["default-src"] == ["'self'"]
    hosts = {value for values in csp.values() for value in values if "://" in value}
    assert hosts == set(settings.VIDEO_PLAYER_HOSTS)


def served_templates():
    for app in APPS:
        for path in sorted((ROOT / app / "templates").rglob("*.html")):
            name = path.relative_to(ROOT / app / "templates").as_posix()
            if not any(name.startswith(skip) for skip in PDF_TEMPLATES):
                yield name, path.read_text()


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*application/json)"
                           r"[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


def test_no_template_has_inline_script_handler_or_style():
    found = []
    for name, text in served_templates():
        found += [(name, match.group(0)) for pattern in (INLINE_SCRIPT, HANDLER, STYLE)
                  for match in pattern.finditer(text)]
    assert not found
