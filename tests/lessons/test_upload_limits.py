"""Uploads in the admin keep to Kopā's limits: a size per kind of file, no web page dressed
as a document or a sound, no SVG images (they can hold script)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, staff):
    client.force_login(staff("vaditaja", "Managers"))
    return client


def upload(client, name, content):
    return client.post("/admin/documents/add/", {
        "title": name, "file": SimpleUploadedFile(name, content), "collection": 1})


def test_a_plain_pdf_is_taken(editor):
    response = upload(editor, "satversme.pdf", b"%PDF-1.4\n" + b"x" * 1000)
    assert response.status_code == 302
    assert Document.objects.filter(title="satversme.pdf").exists()


@pytest.mark.parametrize("name,content", [
    ("satversme.pdf", b"<!DOCTYPE html><script>alert(1)</script>"),
    ("dziesma.mp3", b"  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("lapa.txt", b"<html><body onload=alert(1)>"),
])
def test_a_web_page_dressed_as_a_document_is_refused(editor, name, content):
    response = upload(editor, name, content)
    assert response.status_code == 200
    assert "tīmekļa lapa" in response.content.decode()
    assert not Document.objects.exists()


def test_a_document_over_its_kinds_limit_is_refused(editor, settings):
    settings.KOPA_UPLOAD_LIMITS_MB = {**settings.KOPA_UPLOAD_LIMITS_MB, "document": 1}
    response = upload(editor, "liels.pdf", b"%PDF-1.4\n" + b"x" * (1024 * 1024 + 1))
    assert response.status_code == 200
    assert "par lielu" in response.content.decode()
    assert not Document.objects.exists()


def test_a_file_type_outside_the_list_is_refused(editor):
    response = upload(editor, "lapa.html", b"<p>labdien</p>")
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_svg_images_are_refused(editor):
    svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"
    response = editor.post("/admin/images/add/", {
        "title": "x", "file": SimpleUploadedFile("x.svg", svg, content_type="image/svg+xml"),
        "collection": 1})
    assert response.status_code == 200
    assert not Image.objects.exists()
    from wagtail.images.tests.utils import get_test_image_file

    png = get_test_image_file()
    taken = editor.post("/admin/images/add/", {
        "title": "y", "file": SimpleUploadedFile("y.png", png.file.getvalue(),
                                                 content_type="image/png"), "collection": 1})
    assert taken.status_code == 302 and Image.objects.count() == 1
