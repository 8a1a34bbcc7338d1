import json

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.services import create_user, generate_username

pytestmark = pytest.mark.django_db


def test_export_contains_the_account_and_no_password(client, site, learner):
    client.force_login(learner)
    response = client.get(reverse("accounts:export"))
    data = json.loads(response.content)
    assert data["account"]["username"] == "learner1"
    assert "password" not in response.content.decode()


def test_erasure_anonymises_and_signs_out(client, site, learner):
    client.force_login(learner)
    response = client.post(reverse("accounts:erase"), {"confirm": "learner1"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.username.startswith("erased-")
    assert learner.email is None and learner.first_name == "" and not learner.is_active
    assert "_auth_user_id" not in client.session


def test_erasure_needs_the_username_typed(client, site, learner):
    client.force_login(learner)
    response = client.post(reverse("accounts:erase"), {"confirm": "nope"})
    assert response.status_code == 400
    assert User.objects.get(pk=learner.pk).username == "learner1"


@pytest.mark.parametrize("first,last", [("Jānis", "Bērziņš"), ("Олена", "Коваленко"),
                                        ("مریم", "احمدی")])
def test_generated_usernames_are_typeable_ascii(first, last):
    username = generate_username(first, last)
    assert username.isascii() and username.isalnum()


def test_account_without_email_has_no_usable_password_until_set(db):
    user = create_user(first_name="Ahmad", last_name="Rahimi")
    assert user.email is None
    assert not user.has_usable_password()
