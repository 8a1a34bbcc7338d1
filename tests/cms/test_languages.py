import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_is_latvian_by_default(client, site):
    html = client.get("/").content.decode()
    assert '<html lang="lv" dir="ltr">' in html
    assert "Ieiet" in html  # "Sign in"


@pytest.mark.parametrize("code,word", [("en", "Sign in"), ("ru", "Войти"), ("uk", "Увійти")])
def test_every_language_is_served_under_its_prefix(client, site, code, word):
    html = client.get(f"/{code}/").content.decode()
    assert f'<html lang="{code}" dir="ltr">' in html
    assert word in html


def test_language_switcher_is_on_every_page(client, site):
    for url in ["/", "/en/", reverse("accounts:login")]:
        html = client.get(url).content.decode()
        assert 'action="/i18n/setlang/"' in html
        for code in ("lv", "en", "ru", "uk"):
            assert f'value="{code}"' in html


def test_choosing_a_language_is_remembered_on_the_account(client, site, learner):
    client.force_login(learner)
    response = client.post("/i18n/setlang/", {"language": "uk", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/uk/"
    learner.refresh_from_db()
    assert learner.preferred_language == "uk"
    # On another device (no cookie) the unprefixed page sends them to their language.
    other_device = client.__class__()
    other_device.force_login(learner)
    response = other_device.get("/")
    assert response.status_code == 302 and response["Location"] == "/uk/"


def test_visitor_choice_is_kept_in_a_cookie(client, site):
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    response = client.get("/")
    assert response["Location"] == "/ru/"


def test_an_explicit_language_in_the_url_wins(client, site, learner):
    learner.preferred_language = "ru"
    learner.save()
    client.force_login(learner)
    assert client.get("/en/").status_code == 200


def test_switching_back_to_latvian_drops_the_prefix(client, site):
    response = client.post("/i18n/setlang/", {"language": "lv", "next": "/en/accounts/sign-in/"})
    assert response["Location"] == "/accounts/sign-in/"


def test_unknown_language_or_foreign_next_is_harmless(client, site):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"


@override_settings(LANGUAGES=[("lv", "Latviešu"), ("en", "English"), ("ru", "Русский"),
                             ("uk", "Українська"), ("ar", "العربية")])
def test_right_to_left_language_sets_dir_rtl(client, site):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_stylesheet_uses_logical_properties_only():
    from pathlib import Path

    css = Path(__file__).resolve().parents[2].joinpath("cms/static/cms/kopa.css").read_text()
    for physical in ("margin-left", "margin-right", "padding-left", "padding-right",
                     "text-align: left", "text-align: right", "float: left", "float: right",
                     "border-left", "border-right"):
        assert physical not in css


def test_translation_catalogues_exist_for_every_language():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for code in ("lv", "en", "ru", "uk"):
        assert (root / "cms" / "locale" / code / "LC_MESSAGES" / "django.po").exists()
