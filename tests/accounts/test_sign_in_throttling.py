"""Too many failed sign-ins lock the username (and the client trying it) for a while, on
the site's sign-in, on /admin/login/ and for login codes; counted in the database."""

import pytest
from axes.utils import reset
from django.test import Client, override_settings

from accounts.services import create_user
from organisations import services


@pytest.fixture(autouse=True)
def clean_axes(db):
    reset()
    yield
    reset()


def post(url, username, password, lang="en"):
    return Client().post(f"/{lang}{url}" if lang else url,
                         {"username": username, "password": password})


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_site_sign_in_locks_after_too_many_wrong_passwords(learner):
    for _ in range(2):
        assert post("/accounts/sign-in/", learner.username, "wrong").status_code == 200
    locked = post("/accounts/sign-in/", learner.username, "wrong")
    assert locked.status_code == 429
    assert "15 minutes" in locked.content.decode()
    assert "coordinator" in locked.content.decode()
    # The right password does not help while locked.
    assert post("/accounts/sign-in/", learner.username, "a-long-test-password").status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_lockout_is_translated(learner):
    for _ in range(3):
        response = post("/accounts/sign-in/", learner.username, "wrong", lang="")
    assert response.status_code == 429
    assert "15 minūtēm" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_admin_login_locks_too(learner):
    for _ in range(3):
        response = Client().post("/admin/login/", {"username": learner.username,
                                                   "password": "wrong"})
    assert response.status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_codes_are_throttled(make_user):
    coordinator = make_user()
    person = create_user(first_name="Ģirts", last_name="Šņoriņš", created_by=coordinator)
    [(_user, code)], _ = services.issue_login_codes(users=[person], by=coordinator)
    for _ in range(3):
        post("/accounts/sign-in/", person.username, "aaaa-bbbb")
    assert post("/accounts/sign-in/", person.username, code).status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_one_persons_lockout_does_not_lock_another(learner, make_user):
    other = make_user(username="other1", password="other-pass-123!")
    for _ in range(3):
        post("/accounts/sign-in/", learner.username, "wrong")
    assert post("/accounts/sign-in/", other.username, "other-pass-123!").status_code == 302
