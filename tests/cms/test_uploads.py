"""One allowlist of file types and sizes (`cms.uploads`) for every upload path: Wagtail
documents (handouts, sound, film, captions), Wagtail images (lesson pictures, certificate
logos and signatures), question-bank files and the files inside them, participant lists.
A web page (HTML, SVG, XML, script) never gets in under another name, and what is stored
is never shown from the site's origin as anything but its own type."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cms.errors import KopaError
from cms.uploads import (
    PURPOSES,
    READ_ONLY_TYPES,
    TYPES,
    UploadRefused,
    check_upload,
    extensions_for,
)
from quizzes.models import Question
from quizzes.services.bank import ImportFailed, import_file

pytestmark = pytest.mark.django_db

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAM"
                       "BAQDJ/pLvAAAAAElFTkSuQmCC")
# The first bytes of a real file of each type.
GOOD_HEADS = {
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg": b"\xff\xd8\xff\xdb", "png": PNG,
    "gif": b"GIF89a\x01\x00", "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "mp3": b"ID3\x04\x00", "ogg": b"OggS\x00\x02", "m4a": b"\x00\x00\x00\x20ftypM4A ",
    "wav": b"RIFF\x24\x00\x00\x00WAVEfmt ", "mp4": b"\x00\x00\x00\x18ftypmp42",
    "webm": b"\x1a\x45\xdf\xa3\x9f", "vtt": b"WEBVTT\n\n00:00.000 --> 00:01.000\nSveiki",
    "pdf": b"%PDF-1.7\n", "docx": b"PK\x03\x04\x14\x00", "pptx": b"PK\x03\x04\x14\x00",
    "xlsx": b"PK\x03\x04\x14\x00", "odt": b"PK\x03\x04\x14\x00", "ods": b"PK\x03\x04\x14\x00",
    "txt": b"Labdien!\n", "csv": b"Vards,Uzvards\n", "gift": b"::Q:: Kura? {=Riga ~Tallina}",
    "xml": b'<?xml version="1.0"?><quiz></quiz>',
}
WEB_PAGES = [b"<!DOCTYPE html><script>alert(1)</script>",
             b"  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
             b"\xef\xbb\xbf<html><body onload=alert(1)>", b"<?xml version='1.0'?><svg/>",
             b"<iframe src=javascript:alert(1)>"]
ALL_TYPES = [(purpose, extension) for purpose in PURPOSES
             for extension in extensions_for(purpose)]


def test_every_allowed_type_has_a_real_file_to_prove_it():
    assert set(GOOD_HEADS) == set(TYPES) | {ext for types in READ_ONLY_TYPES.values()
                                            for ext in types}


@pytest.mark.parametrize(("purpose", "extension"), ALL_TYPES)
def test_a_real_file_of_each_allowed_type_is_taken(purpose, extension):
    assert check_upload(f"fails.{extension}", GOOD_HEADS[extension], purpose).extension \
        == extension


@pytest.mark.parametrize(("purpose", "extension"), ALL_TYPES)
@pytest.mark.parametrize("page", WEB_PAGES)
def test_a_web_page_is_never_taken_under_any_allowed_name(purpose, extension, page):
    with pytest.raises(UploadRefused) as refused:
        check_upload(f"fails.{extension}", page, purpose)
    assert refused.value.code == "bad_file"


@pytest.mark.parametrize(("purpose", "extension"), [
    (purpose, extension) for purpose, extension in ALL_TYPES
    if extension not in ("txt", "csv", "gift")])
def test_contents_that_do_not_match_the_name_are_refused(purpose, extension):
    wrong = GOOD_HEADS["png" if extension not in ("png",) else "pdf"]
    if extension == "pdf":
        wrong = b"GIF89a"
    with pytest.raises(UploadRefused) as refused:
        check_upload(f"fails.{extension}", wrong, purpose)
    assert refused.value.code == "bad_file"


@pytest.mark.parametrize("name", ["lapa.html", "zime.svg", "x.js", "x.exe", "bez_nosaukuma",
                                  "x.pdf.html", "x.xhtml"])
@pytest.mark.parametrize("purpose", list(PURPOSES))
def test_types_outside_the_list_are_refused_on_every_path(purpose, name):
    with pytest.raises(UploadRefused) as refused:
        check_upload(name, b"<p>labdien</p>", purpose)
    assert refused.value.code == "bad_file_type"


@pytest.mark.parametrize(("purpose", "extension", "kind"), [
    ("document", "pdf", "document"), ("document", "mp3", "audio"),
    ("document", "mp4", "video"), ("document", "vtt", "captions"),
    ("image", "png", "image"), ("question_file", "png", "image"),
    ("question_import", "xml", "question_import"), ("participants", "csv", "participants")])
def test_each_kind_keeps_to_its_own_size(settings, purpose, extension, kind):
    settings.KOPA_UPLOAD_LIMITS_MB = {**settings.KOPA_UPLOAD_LIMITS_MB, kind: 1}
    just_right = GOOD_HEADS[extension] + b"x" * (1024 * 1024 - len(GOOD_HEADS[extension]))
    check_upload(f"fails.{extension}", just_right, purpose)
    with pytest.raises(UploadRefused) as refused:
        check_upload(f"fails.{extension}", just_right + b"x", purpose)
    assert refused.value.code == "file_too_large"
    assert "1 MB" in refused.value.message


def test_the_message_is_in_the_persons_language():
    from django.utils import translation

    for language, words in [("lv", "tīmekļa lapa"), ("ru", "веб-страница"),
                            ("uk", "вебсторінка"), ("en", "web page")]:
        with translation.override(language), pytest.raises(UploadRefused) as refused:
            check_upload("x.pdf", WEB_PAGES[0], "document")
        assert words in str(refused.value.message)


# --- every way in asks the one allowlist ------------------------------------------------

@pytest.fixture
def manager(client, staff):
    client.force_login(staff("vaditaja", "Managers"))
    return client


@pytest.mark.parametrize(("name", "content", "taken"), [
    ("karte.png", PNG, True), ("karte.png", WEB_PAGES[1], False),
    ("karte.jpg", PNG, False), ("karte.svg", WEB_PAGES[1], False)])
def test_images_for_lessons_and_certificates_keep_to_the_list(manager, name, content, taken):
    response = manager.post("/admin/images/add/", {
        "title": name, "file": SimpleUploadedFile(name, content), "collection": 1})
    assert Image.objects.exists() is taken
    assert response.status_code == (302 if taken else 200)


def test_multiple_document_upload_keeps_to_the_list(manager):
    response = manager.post("/admin/documents/multiple/add/", {
        "files[]": SimpleUploadedFile("dziesma.mp3", WEB_PAGES[1]), "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    assert not Document.objects.exists()
    assert response.json()["success"] is False


def _moodle(file_name: str, content: bytes) -> bytes:
    encoded = base64.b64encode(content).decode()
    return ('<?xml version="1.0" encoding="UTF-8"?><quiz><question type="truefalse">'
            "<name><text>Karte</text></name><questiontext format=\"html\"><text><![CDATA["
            f'<p><img src="@@PLUGINFILE@@/{file_name}"> Rīga ir galvaspilsēta?</p>]]></text>'
            f'<file name="{file_name}" path="/" encoding="base64">{encoded}</file>'
            "</questiontext><answer fraction=\"100\"><text>true</text></answer>"
            "<answer fraction=\"0\"><text>false</text></answer></question></quiz>").encode()


def test_a_picture_inside_an_imported_question_is_stored():
    question = import_file(content=_moodle("karte.png", PNG), fmt="xml")[0]
    assert "/media/quizzes/files/" in question.text


@pytest.mark.parametrize(("name", "content"), [
    ("karte.svg", WEB_PAGES[1]), ("lapa.html", WEB_PAGES[0]), ("karte.png", WEB_PAGES[0])])
def test_a_web_page_inside_an_imported_question_imports_nothing_and_says_why(name, content):
    with pytest.raises(ImportFailed) as failed:
        import_file(content=_moodle(name, content), fmt="xml")
    assert name in failed.value.problems[0][1]
    assert not Question.objects.exists()


def test_the_question_import_page_refuses_a_file_outside_the_list(manager):
    response = manager.post("/admin/question-bank/import/", {
        "file": SimpleUploadedFile("jautajumi.html", WEB_PAGES[0])})
    assert response.status_code == 200
    assert "Atļauti" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(("name", "content", "code"), [
    ("dalibnieki.csv", WEB_PAGES[0], "bad_file"), ("dalibnieki.html", b"a,b", "bad_file_type"),
    ("dalibnieki.xlsx", b"<html>", "bad_file")])
def test_participant_lists_keep_to_the_list(name, content, code):
    from organisations.services.import_files import read_table

    with pytest.raises(KopaError) as refused:
        read_table(filename=name, content=content)
    assert refused.value.code == code
