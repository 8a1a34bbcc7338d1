import pytest
from django.db import IntegrityError
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def sign_in(client, login, password="a-long-test-password"):
    return client.post(reverse("accounts:login"), {"username": login, "password": password})


def test_sign_in_with_username(client, site, learner):
    response = sign_in(client, "learner1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_sign_in_with_email_in_any_case(client, site, learner):
    response = sign_in(client, "LEARNER1@Example.LV")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_person_without_email_signs_in_with_username(client, site, learner_without_email):
    assert learner_without_email.email is None
    response = sign_in(client, "AHMAD1234")
    assert response.status_code == 302


def test_wrong_password_is_refused_with_a_message_in_latvian(client, site, learner):
    response = sign_in(client, "learner1", "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "parole" in response.content.decode().lower()


def test_many_people_without_email_can_coexist(make_user):
    make_user(username="a1")
    make_user(username="a2")
    assert User.objects.filter(email__isnull=True).count() == 2


def test_email_is_unique_ignoring_case(make_user):
    make_user(username="one", email="same@example.lv")
    with pytest.raises(IntegrityError):
        User.objects.create(username="two", email="SAME@example.lv")


def test_blank_email_is_stored_as_none(db):
    user = User.objects.create(username="blank", email="  ")
    assert user.email is None
