"""Check-in codes as people really type them: Arabic-Indic or Persian digits are the same
code; junk gets the clear "wrong or expired" answer, never a 500."""

import pytest
from django.core.cache import cache

from attendance import services
from attendance.models import AttendanceMark, Status

pytestmark = pytest.mark.django_db

ARABIC_INDIC, PERSIAN = 0x0660, 0x06F0


def in_digits(code: str, zero: int, sep: str = "") -> str:
    return sep.join(chr(zero + int(digit)) for digit in code)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def api(client):
    client.raise_request_exception = False  # a 500 is an answer to assert on here

    def post(session, code):
        return client.post(f"/api/v1/sessions/{session.pk}/check-in", {"code": code},
                           content_type="application/json")
    return post


@pytest.mark.parametrize("zero,sep", [(ARABIC_INDIC, ""), (PERSIAN, ""), (ARABIC_INDIC, " ")])
def test_the_right_code_in_arabic_or_persian_digits_checks_in_over_the_api(
        client, api, live_session, enrollment, zero, sep):
    client.force_login(enrollment.user)
    code, _left = services.current_code(live_session)
    response = api(live_session, in_digits(code, zero, sep))
    assert response.status_code == 201, response.content
    assert response.json()["status"] == Status.PRESENT


def test_the_right_code_in_persian_digits_checks_in_on_the_page(client, live_session,
                                                                 enrollment):
    client.force_login(enrollment.user)
    code, _left = services.current_code(live_session)
    response = client.post(f"/en/attendance/sessions/{live_session.pk}/check-in/",
                           {"code": in_digits(code, PERSIAN)})
    assert response.status_code == 302
    assert AttendanceMark.objects.get(enrollment=enrollment).status == Status.PRESENT


@pytest.mark.parametrize("junk", [
    "\u00b2" * 6,  # superscript two: isdigit() says yes, int() says no
    in_digits("12345", ARABIC_INDIC),  # five digits
    "\uff11\uff12\uff13\uff14\uff15x",  # full-width digits and a letter
    "12345" + in_digits("67", ARABIC_INDIC),  # seven
    "abcdef",
    "\u00bd12345",  # a fraction
])
def test_junk_gets_the_wrong_code_message_as_json(client, api, live_session, enrollment,
                                                  junk):
    client.force_login(enrollment.user)
    response = api(live_session, junk)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "wrong_code"
    assert response.json()["message"].startswith("Kods ir nepareizs")  # Latvian, the default
    assert not AttendanceMark.objects.exists()


def test_a_wrong_code_in_arabic_digits_gets_the_message_on_the_page(client, live_session,
                                                                     enrollment):
    client.force_login(enrollment.user)
    client.raise_request_exception = False
    code, _left = services.current_code(live_session)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    response = client.post(f"/en/attendance/sessions/{live_session.pk}/check-in/",
                           {"code": in_digits(wrong, ARABIC_INDIC)})
    assert response.status_code == 422
    assert "This code is wrong or has expired" in response.content.decode()
    response = client.post(f"/en/attendance/sessions/{live_session.pk}/check-in/",
                           {"code": "²²²²²²"})
    assert response.status_code == 422
    assert "This code is wrong or has expired" in response.content.decode()


def test_the_code_box_accepts_any_digits(client, live_session, enrollment):
    client.force_login(enrollment.user)
    html = client.get(f"/en/attendance/sessions/{live_session.pk}/check-in/").content.decode()
    assert 'inputmode="numeric"' in html and "pattern=" not in html
