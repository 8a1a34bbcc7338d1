"""Every API error is JSON `{"code", "message"}` in the caller's language, also the ones
Django and django-ninja answer before our handlers (405, a body over the limit, a CSRF
failure, a server error), with 401 for a missing or bad token and `Retry-After` on 429."""

import pytest
from django.test import Client

from accounts.services import create_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code and body["message"]
    return body


@pytest.mark.parametrize(("method", "path"), [
    ("delete", "/api/v1/courses"), ("put", "/api/v1/me"), ("post", "/api/v1/runs"),
    ("patch", "/api/v1/certificates/verify/ABCD-EFGH")])
def test_a_method_a_route_does_not_take_is_a_json_405_with_allow(quiet, method, path):
    response = getattr(quiet, method)(path)
    assert_json_error(response, 405, "method_not_allowed")
    assert response["Allow"]


def test_the_405_speaks_the_callers_language(quiet):
    latvian = quiet.delete("/api/v1/courses").json()["message"]
    english = quiet.delete("/api/v1/courses", headers={"Accept-Language": "en"}).json()
    assert latvian != english["message"] and "DELETE" in english["message"]


def test_a_body_over_the_limit_is_a_json_413_before_any_view(quiet, learner, settings):
    quiet.force_login(learner)
    body = "{" + " " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + "}"
    response = quiet.post("/api/v1/runs/1/enroll", body, content_type="application/json")
    assert_json_error(response, 413, "too_large")


def test_a_csrf_failure_is_explained_in_the_persons_language(learner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    response = browser.post("/api/v1/runs/1/enroll", "{}", content_type="application/json")
    body = assert_json_error(response, 403, "csrf_failed")
    assert "CSRF check Failed" not in body["message"] and "Pārlādējiet" in body["message"]


def test_a_revoked_token_is_a_401_even_beside_a_session_cookie(learner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    token, key = create_api_token(user=learner, name="script")
    token.delete()
    response = browser.post("/api/v1/runs/1/enroll", "{}", content_type="application/json",
                            headers={"Authorization": f"Bearer {key}"})
    assert_json_error(response, 401, "not_authenticated")


def test_a_token_user_gets_their_own_language(client, make_user):
    olena = make_user(username="olena-token", preferred_language="uk")
    _token, key = create_api_token(user=olena, name="script")
    mine = client.get("/api/v1/courses/999999", headers={"Authorization": f"Bearer {key}"})
    ukrainian = client.get("/api/v1/courses/999999", headers={"Accept-Language": "uk"})
    assert mine.json()["message"] == ukrainian.json()["message"]
    latvian = client.get("/api/v1/courses/999999").json()["message"]
    assert mine.json()["message"] != latvian


def test_too_many_verifications_say_when_to_come_back(client, settings):
    from certificates.codes import display_code, new_code

    answers = [client.get(f"/api/v1/certificates/verify/{display_code(new_code())}")
               for _ in range(80)]
    limited = [answer for answer in answers if answer.status_code == 429]
    assert limited, "the verification limit never answered 429"
    assert_json_error(limited[0], 429, "too_many_requests")
    assert limited[0]["Retry-After"] == "600"


def test_a_server_error_in_the_api_is_json_not_a_page(quiet, monkeypatch):
    from courses.api import catalogue

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")  # a coding mistake, as a server error would come from

    monkeypatch.setattr(catalogue, "catalogue_courses", broken)
    assert_json_error(quiet.get("/api/v1/courses"), 500, "server_error")
