"""API messages come in the person's language: their profile's, else Accept-Language."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_errors_follow_accept_language(client):
    english = client.get("/api/v1/courses/999999", HTTP_ACCEPT_LANGUAGE="en")
    russian = client.get("/api/v1/courses/999999", HTTP_ACCEPT_LANGUAGE="ru")
    latvian = client.get("/api/v1/courses/999999")
    assert {english.status_code, russian.status_code, latvian.status_code} == {404}
    assert len({english.json()["message"], russian.json()["message"],
                latvian.json()["message"]}) == 3


def test_a_signed_in_persons_own_language_wins(client, make_user):
    person = make_user(username="olena-api", preferred_language="uk")
    client.force_login(person)
    mine = client.get("/api/v1/courses/999999", HTTP_ACCEPT_LANGUAGE="en").json()["message"]
    client.logout()
    ukrainian = client.get("/api/v1/courses/999999",
                           HTTP_ACCEPT_LANGUAGE="uk").json()["message"]
    assert mine == ukrainian


def test_the_api_language_does_not_outlive_its_request(client):
    from django.urls import reverse
    from django.utils import translation

    translation.activate("lv")
    client.get("/api/v1/courses/999999", HTTP_ACCEPT_LANGUAGE="en")
    assert translation.get_language() == "lv"
    assert not reverse("accounts:login").startswith("/en/")
