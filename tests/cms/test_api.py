import json

import pytest

from accounts.services import create_api_token

pytestmark = pytest.mark.django_db


def test_openapi_schema_and_docs(client, site):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Kopā API"
    assert "/api/v1/me" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_unauthenticated_is_a_json_401(client, site):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_token_auth(client, site, learner):
    _token, key = create_api_token(user=learner, name="script")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200
    assert response.json()["username"] == "learner1"


def test_a_wrong_field_is_a_422_with_code_and_message(client, site, learner):
    client.force_login(learner)
    response = client.patch("/api/v1/me", data=json.dumps({"language": "en"}),
                            content_type="application/json")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error" and body["message"]
    assert body["errors"][0]["field"] == "preferred_language"


def test_malformed_json_is_a_4xx_json_error(client, site, learner):
    client.force_login(learner)
    response = client.patch("/api/v1/me", data="{not json", content_type="application/json")
    assert 400 <= response.status_code < 500
    assert "code" in response.json()


def test_business_rule_errors_keep_their_code(client, site, learner):
    client.force_login(learner)
    response = client.patch("/api/v1/me", data=json.dumps({"preferred_language": "xx"}),
                            content_type="application/json")
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_language"


def test_unknown_endpoint_is_a_json_404(client, site):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_session_writes_need_csrf(site, learner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.patch("/api/v1/me", data=json.dumps({"preferred_language": "en"}),
                            content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
