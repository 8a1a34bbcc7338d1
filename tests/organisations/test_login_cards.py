"""People without e-mail sign in with a one-time code from a printed login card."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from accounts.models import User
from organisations import services
from organisations.models import LoginCode
from tests.organisations.conftest import xlsx_bytes


@pytest.fixture
def imported(organisation, coordinator, run):
    result = services.preview_import(
        organisation=organisation, run=run, filename="grupa.xlsx", by=coordinator,
        content=xlsx_bytes([("Ģirts", "Šņoriņš", "", "", "lv", "", "", "", ""),
                            ("Олена", "Коваленко", "", "", "uk", "", "", "", ""),
                            ("مریم", "احمدی", "", "", "en", "", "", "", "")]))
    return services.commit_import(participant_import=result, by=coordinator, valid_only=False)


def sign_in(username, code):
    client = Client()
    response = client.post("/accounts/sign-in/", {"username": username, "password": code})
    return client, response


def test_a_one_time_code_signs_in_once(organisation, coordinator, imported):
    person = User.objects.get(first_name="Ģirts")
    [(_user, code)], _skipped = services.issue_login_codes(users=[person], by=coordinator)
    client, response = sign_in(person.username, code.upper())
    assert response.status_code == 302
    assert client.get("/my/").status_code == 200
    _other, again = sign_in(person.username, code)
    assert again.status_code == 200  # the form again, with an error
    assert LoginCode.objects.get(user=person).used_at is not None


def test_a_wrong_code_does_not_sign_in(organisation, coordinator, imported):
    person = User.objects.get(first_name="Ģirts")
    services.issue_login_codes(users=[person], by=coordinator)
    _client, response = sign_in(person.username, "aaaa-bbbb")
    assert response.status_code == 200


def test_a_new_card_makes_the_old_code_invalid(organisation, coordinator, imported):
    person = User.objects.get(first_name="Ģirts")
    [(_user, old)], _skipped = services.issue_login_codes(users=[person], by=coordinator)
    services.issue_login_codes(users=[person], by=coordinator)
    _client, response = sign_in(person.username, old)
    assert response.status_code == 200


def test_no_codes_for_people_with_their_own_password(coordinator, learner):
    assert services.issue_login_codes(users=[learner], by=coordinator) == ([], [learner])


def test_after_the_code_the_person_chooses_a_password(organisation, coordinator, imported):
    person = User.objects.get(first_name="Олена")
    [(_user, code)], _skipped = services.issue_login_codes(users=[person], by=coordinator)
    client, _response = sign_in(person.username, code)
    page = client.get("/uk/my/").content.decode()
    assert 'name="new_password1"' in page
    client.post("/my/password/", {"new_password1": "Kovalenko-2026!x",
                                  "new_password2": "Kovalenko-2026!x"})
    person.refresh_from_db()
    assert person.check_password("Kovalenko-2026!x")
    _other, response = sign_in(person.username, "Kovalenko-2026!x")
    assert response.status_code == 302


def test_the_coordinator_prints_login_cards_as_a_pdf(organisation, coordinator, imported):
    client = Client()
    client.force_login(coordinator)
    response = client.post(f"/organisations/{organisation.pk}/import/{imported.pk}/login-cards/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    for person in User.objects.filter(memberships__organisation=organisation):
        assert person.username in text
    assert "Šņoriņš" in text and "Коваленко" in text
    assert LoginCode.objects.count() == 3


def test_printing_cards_for_nobody_who_needs_one_says_so(organisation, coordinator, learner):
    from organisations.factories import ParticipantFactory

    ParticipantFactory(organisation=organisation, user=learner)
    client = Client()
    client.force_login(coordinator)
    response = client.post(f"/organisations/{organisation.pk}/login-cards/",
                           {"people": [learner.pk]}, follow=True)
    assert response.status_code == 200
    assert not LoginCode.objects.exists()
