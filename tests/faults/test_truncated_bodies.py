"""A body cut off before its `Content-Length` (a dropped connection) is refused on every
route of the site — pages, API and admin — before any view reads it, so no form that
saves work can save a fragment. Routes come from the URL configuration itself: a new one
is covered without being listed."""

import io

import pytest

from tests.faults.routes import every_route

pytestmark = [pytest.mark.fault, pytest.mark.django_db]
ROUTES = every_route()
FORM = b"status=present&note=slims&q1-present=1&q1=0&title=Jauns&reason=darbs"


def test_every_route_is_reachable_for_the_test():
    assert len(ROUTES) > 400
    assert [label for label, path in ROUTES if not path] == []


def cut(client, path: str, content_type: str, body: bytes = FORM):
    return client.generic("POST", path, b"", **{
        "CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body[: len(body) // 2])})


@pytest.fixture
def manager(client, staff):
    client.force_login(staff("vaditaja", "Managers"))
    return client


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=kopa",
                                          "application/json"])
def test_a_cut_body_is_refused_on_every_route_before_any_view(manager, content_type):
    answers = {}
    for label, path in ROUTES:
        response = cut(manager, path, content_type)
        answers[label] = response.status_code
        if path.startswith("/api/"):
            assert response.json()["code"] == "incomplete_request", label
    assert {label: status for label, status in answers.items() if status != 400} == {}


def test_the_refusal_says_nothing_was_saved_in_the_persons_language(client):
    page = cut(client, "/my/", "application/x-www-form-urlencoded")
    assert page.status_code == 400
    assert "Nekas netika saglabāts" in page.content.decode()
    client.cookies["django_language"] = "uk"
    api = cut(client, "/api/v1/me", "application/json", b'{"language": "uk"}')
    assert api.status_code == 400 and api.json()["code"] == "incomplete_request"
