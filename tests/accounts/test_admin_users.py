import pytest
from django.core.management import call_command
from django.http import HttpRequest

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site):
    call_command("seed_demo")
    # A request, as every sign-in passes one: django-axes counts attempts by it.
    assert client.login(request=HttpRequest(), username="admin", password="kopa-demo")
    return client


def test_admin_creates_a_person_without_email_or_password(admin_client):
    response = admin_client.post("/admin/users/new/", {
        "username": "olena2026", "email": "", "first_name": "Олена",
        "last_name": "Коваленко", "display_name": "Олена Коваленко",
        "preferred_language": "uk", "phone": "", "password1": "", "password2": "",
        "is_active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="olena2026")
    assert user.email is None and user.preferred_language == "uk"
    assert user.display_name == "Олена Коваленко"


def test_admin_form_refuses_an_email_in_use(admin_client):
    response = admin_client.post("/admin/users/new/", {
        "username": "dup", "email": "TEACHER@kopa.example", "first_name": "A",
        "last_name": "B", "preferred_language": "lv", "password1": "", "password2": "",
    })
    assert response.status_code == 200
    assert not User.objects.filter(username="dup").exists()


def test_admin_edit_form_shows_kopa_fields(admin_client):
    learner = User.objects.get(username="learner")
    html = admin_client.get(f"/admin/users/edit/{learner.pk}/").content.decode()
    assert 'name="display_name"' in html and 'name="preferred_language"' in html
