"""A NUL character (which PostgreSQL cannot store in text) is refused with a message in
the person's language, in query strings, forms and JSON alike, before any view runs; files
may still hold NUL bytes."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/courses?q=a%00b", "/courses/?q=%00"])
def test_a_nul_in_the_query_string_is_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_in_json_is_refused_with_the_apis_error_shape(client, learner, run):
    client.force_login(learner)
    response = client.post(f"/api/v1/runs/{run.pk}/enroll", json.dumps({"key": "a\u0000b"}),
                           content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "nul_character" and "NUL" in body["message"]
    assert not run.enrollments.exists()


def test_a_nul_in_a_form_is_refused(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/sign-in/", {"username": "a\x00", "password": "x"})
    assert response.status_code == 400


def test_a_file_may_hold_nul_bytes(client, learner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(learner)
    upload = SimpleUploadedFile("a.xlsx", b"PK\x03\x04\x00\x00binary")
    response = client.post("/api/v1/organisations/999/imports", {"file": upload})
    assert response.status_code != 400 or response.json()["code"] != "nul_character"
