"""The PDF says what the snapshot says, in Latvian and the learner's language, in any
script, with fonts embedded, Arabic and Persian shaped, and a QR code to the check page."""

import io
import re

import pytest
from pypdf import PdfReader

from certificates.factories import CertificateTemplateFactory, CompletedEnrollmentFactory
from certificates.models import CertificateTemplateCourse

pytestmark = pytest.mark.django_db

NAMES = {
    "lv": "Ērika Šķēle-Ļūļaņa",
    "ru": "Олена Коваленко",
    "ar": "محمد عبد الله",
    "fa": "مریم احمدی",
}


def pdf_of(certificate) -> PdfReader:
    with certificate.pdf.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def fonts_of(reader: PdfReader) -> list:
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.append(font.get_object())
    return fonts


def glyphs_for(font, character: str) -> set[str]:
    """Glyph ids that the font's ToUnicode map says stand for `character`."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    wanted = f"{ord(character):04X}"
    pairs = re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap)
    return {glyph.upper() for glyph, text in pairs if text.upper() == wanted}


@pytest.fixture
def certificate_for(run, make_user, issue):
    def make(name: str, language: str = "lv"):
        user = make_user(display_name=name)
        user.preferred_language = language  # Arabic and Persian are not UI languages yet
        user.save()
        return issue(CompletedEnrollmentFactory(run=run, user=user))

    return make


@pytest.mark.parametrize("script", list(NAMES))
def test_names_in_every_script_come_out_of_the_pdf_as_written(certificate_for, script):
    certificate = certificate_for(NAMES[script])
    text = text_of(pdf_of(certificate))
    assert NAMES[script] in text
    assert "Integrācijas kurss" in text and certificate.display_code in text


def test_every_font_is_embedded(certificate_for):
    reader = pdf_of(certificate_for(NAMES["fa"], language="ru"))
    fonts = fonts_of(reader)
    assert fonts
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
            font["/BaseFont"])
    assert any("Arabic" in str(font["/BaseFont"]) for font in fonts)


def test_arabic_letters_are_shaped_by_position(certificate_for):
    # In "مریم" the first meem is initial and the last is final: two different glyphs for
    # one letter, which only happens when the text was shaped.
    reader = pdf_of(certificate_for(NAMES["fa"]))
    arabic = [font for font in fonts_of(reader) if "Arabic" in str(font["/BaseFont"])]
    assert len(set().union(*(glyphs_for(font, "م") for font in arabic))) >= 2


def test_the_certificate_is_in_latvian_and_the_learners_language(certificate_for):
    reader = pdf_of(certificate_for(NAMES["ru"], language="ru"))
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert "Apliecība" in text
    assert "Удостоверение" in text


def test_persian_wording_for_a_persian_speaking_learner_reads_right_to_left(certificate_for):
    certificate = certificate_for(NAMES["fa"], language="fa")
    assert certificate.language == "fa"
    text = text_of(pdf_of(certificate))
    assert "گواهی" in text  # "certificate" in Persian


def test_a_latvian_speaker_gets_a_latvian_certificate(certificate_for):
    certificate = certificate_for(NAMES["lv"], language="lv")
    assert certificate.language == ""
    assert "Certificate" not in text_of(pdf_of(certificate))


def test_the_qr_code_links_to_the_verification_page(certificate_for, settings):
    certificate = certificate_for(NAMES["lv"])
    reader = pdf_of(certificate)
    uris = [annotation.get_object()["/A"]["/URI"]
            for annotation in reader.pages[0].get("/Annots", [])]
    expected = f"{settings.KOPA_BASE_URL}/verify/{certificate.display_code}/"
    assert expected in uris
    assert expected in text_of(reader)


def test_the_courses_template_decides_issuer_signatory_and_languages(run, make_user, issue):
    template = CertificateTemplateFactory(issuer="Rīgas dome", signatory_name="Jānis Bērziņš",
                                          second_language="en", layout="plain")
    CertificateTemplateCourse.objects.create(template=template, course=run.course)
    user = make_user(preferred_language="uk")
    certificate = issue(CompletedEnrollmentFactory(run=run, user=user))
    assert certificate.issuer == "Rīgas dome" and certificate.language == "en"
    text = text_of(pdf_of(certificate))
    assert "Jānis Bērziņš" in text and "Certificate" in text
    page = pdf_of(certificate).pages[0]
    assert page.mediabox.height > page.mediabox.width  # the plain layout is portrait


def test_logo_background_and_signature_are_embedded(run, make_user, issue):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Logo", file=get_test_image_file())
    template = CertificateTemplateFactory(logo=image, background=image, signature=image)
    CertificateTemplateCourse.objects.create(template=template, course=run.course)
    certificate = issue(CompletedEnrollmentFactory(run=run, user=make_user()))
    page = pdf_of(certificate).pages[0]
    images = page["/Resources"]["/XObject"]
    assert len(images) >= 3  # logo, background, signature (and the QR code)
