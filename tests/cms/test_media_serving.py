"""Uploads served by Django itself (development): the browser keeps to the stated type, and
a file that could carry script (.html, .svg) is only ever a download, never a page."""

import pytest
from django.test import RequestFactory

from cms.views import serve_media


@pytest.fixture
def media(settings):
    root = settings.MEDIA_ROOT
    root.mkdir(parents=True, exist_ok=True)
    (root / "page.html").write_text("<script>alert(document.cookie)</script>")
    (root / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">'
                                   "<script>alert(1)</script></svg>")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def get(path):
    return serve_media(RequestFactory().get(f"/media/{path}"), path)


@pytest.mark.parametrize("name", ["page.html", "logo.svg"])
def test_uploaded_html_and_svg_are_downloads_never_pages(media, name):
    response = get(name)
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pictures_are_shown_with_nosniff(media):
    response = get("photo.png")
    assert response["Content-Type"] == "image/png"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
