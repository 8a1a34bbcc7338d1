"""Anyone can check a certificate by its code; they learn only name, course, hours, date and
issuer; lookups are limited per client; a malformed code gets a clear message."""

import pytest
from django.core.cache import cache

from certificates import services
from certificates.codes import display_code, new_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def test_a_valid_certificate_shows_only_what_it_states(client, completed, issue):
    certificate = issue(completed)
    response = client.get(f"/verify/{certificate.display_code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Valid certificate" in page or "Derīga apliecība" in page
    assert certificate.holder_name in page and "Integrācijas kurss" in page
    assert certificate.issuer.replace("“", "&ldquo;") in page or certificate.issuer in page
    assert completed.user.username not in page
    assert completed.user.email not in page
    assert response["X-Robots-Tag"].startswith("noindex")


def test_the_code_can_be_typed_in_lower_case_without_dashes(client, completed, issue):
    certificate = issue(completed)
    typed = certificate.code.lower()
    response = client.get("/verify/", {"code": f" kopa{typed} "})
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{certificate.display_code}/"


def test_a_revoked_certificate_says_so(client, completed, issue, teacher):
    certificate = issue(completed)
    services.revoke_certificate(certificate=certificate, by=teacher, reason="Fraud")
    page = client.get(f"/en/verify/{certificate.display_code}/").content.decode()
    assert "has been revoked" in page
    assert "Fraud" not in page


def test_an_unknown_code_says_so(client):
    response = client.get(f"/en/verify/{display_code(new_code())}/")
    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


def test_a_pending_certificate_is_not_shown_as_valid(client, completed):
    certificate = services.request_certificate(enrollment=completed, queue=False)
    response = client.get(f"/en/verify/{certificate.display_code}/")
    assert response.status_code == 404


@pytest.mark.parametrize("typed", ["hello", "KOPA-0000", "KOPA-7Q2M-XW4D-9HRT-K3ZB-Ü", "<script>"])
def test_a_malformed_code_gets_a_clear_message_not_an_error_page(client, typed):
    response = client.get("/en/verify/", {"code": typed})
    assert response.status_code == 400
    assert "This is not a certificate code" in response.content.decode()


def test_a_mistyped_character_is_caught_by_the_check_character(client, completed, issue):
    code = issue(completed).code
    wrong = ("1" if code[3] != "1" else "2")
    response = client.get(f"/en/verify/{display_code(code[:3] + wrong + code[4:])}/")
    assert response.status_code == 400


def test_lookups_are_limited_per_client(client, settings):
    settings.CERTIFICATES_VERIFY_LIMIT = 3
    code = display_code(new_code())
    statuses = [client.get(f"/en/verify/{code}/").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    other = client.get(f"/en/verify/{code}/", REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 404
    api = client.get(f"/api/v1/certificates/verify/{code}")
    assert api.status_code == 429 and api.json()["code"] == "too_many_requests"


def test_the_api_answers_with_the_same_fields(client, completed, issue):
    certificate = issue(completed)
    data = client.get(f"/api/v1/certificates/verify/{certificate.display_code}").json()
    assert data == {
        "status": "valid", "code": certificate.display_code, "name": certificate.holder_name,
        "course": "Integrācijas kurss", "hours_total": "28.00", "hours_attended": None,
        "completed_on": certificate.completed_on.isoformat(), "issuer": certificate.issuer}


def test_the_api_explains_malformed_and_unknown_codes(client):
    malformed = client.get("/api/v1/certificates/verify/nonsense")
    assert malformed.status_code == 400 and malformed.json()["code"] == "malformed_code"
    unknown = client.get(f"/api/v1/certificates/verify/{display_code(new_code())}")
    assert unknown.status_code == 404 and unknown.json()["code"] == "unknown_certificate"


def test_verification_needs_a_bounded_number_of_queries(client, completed, issue,
                                                       django_assert_max_num_queries):
    certificate = issue(completed)
    with django_assert_max_num_queries(6):
        client.get(f"/verify/{certificate.display_code}/")
