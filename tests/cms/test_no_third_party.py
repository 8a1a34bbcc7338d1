"""No page, the Wagtail admin included, makes the browser ask a third party for anything
(an avatar from Gravatar would send a hash of the editor's e-mail)."""

import re

import pytest

pytestmark = pytest.mark.django_db
LOADS = re.compile(r"<(?:img|script|iframe|link|source|audio|video)\b[^>]*\s"
                   r"(?:src|href|srcset)=[\"']?((?:https?:)?//[^\"' >]+)", re.IGNORECASE)


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/"])
def test_the_admin_loads_nothing_from_elsewhere(client, site, url):
    from accounts.services import create_user

    editor = create_user(username="redaktore", email="redaktore@example.lv",
                         first_name="Inese", last_name="Kalniņa", password="a-long-password-1")
    editor.is_superuser = editor.is_staff = True
    editor.save()
    client.force_login(editor)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "gravatar" not in html.lower()
    assert LOADS.findall(html) == []


@pytest.mark.parametrize("url", ["/", "/courses/", "/verify/", "/accounts/sign-in/"])
def test_public_pages_load_nothing_from_elsewhere(client, course, url):
    page = client.get(url, follow=True)
    assert page.status_code == 200
    assert LOADS.findall(page.content.decode()) == []
