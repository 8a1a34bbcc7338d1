"""The PDF: HTML and CSS rendered by WeasyPrint from a certificate's frozen snapshot, in
Latvian and a second language, with a QR code to the verification page.

Fonts come from fontconfig (Debian's fonts-noto-core and fonts-dejavu-core): Noto Sans
covers Latin with diacritics and Cyrillic, Noto Sans Arabic covers Arabic and Persian, and
Pango/HarfBuzz shape them right-to-left; WeasyPrint embeds the subsets it uses."""

import base64
import unicodedata
from decimal import Decimal
from functools import cache

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from certificates.models import Certificate, CertificateTemplate
from certificates.services.snapshot import RTL_LANGUAGES

# Loading fonts and parsing the stylesheet cost more than laying out one page, so both
# are done once per worker process (they hold no data about anyone).
FONT_CONFIG = FontConfiguration()


@cache
def stylesheet() -> CSS:
    css = render_to_string("certificates/pdf/certificate.css")
    return CSS(string=css, font_config=FONT_CONFIG)


def verification_url(code: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificates:verify_code", kwargs={"code": code})
    return settings.KOPA_BASE_URL.rstrip("/") + path


def qr_data_uri(url: str) -> str:
    # One pixel per module, scaled up by the PDF viewer without smoothing: sharp at any
    # size, and far cheaper to lay out than the same code as an SVG path.
    return segno.make(url, error="m").png_data_uri(scale=1, border=0)


def format_hours(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}"


def format_date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def text_direction(text: str) -> str:
    """The direction of the first strongly directional letter, for names in any script."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def wording(certificate: Certificate, language: str) -> dict:
    """The certificate's sentences in one language."""
    snapshot = certificate.snapshot
    total = format_hours(certificate.hours_total)
    with translation.override(language):
        if certificate.hours_attended is not None:
            hours = _("%(attended)s of %(total)s academic hours attended") % {
                "attended": format_hours(certificate.hours_attended), "total": total}
        else:
            hours = _("%(total)s academic hours") % {"total": total}
        course_title = certificate.course_title
        if language != settings.LANGUAGE_CODE and certificate.course_title_translated:
            course_title = certificate.course_title_translated
        online = snapshot.get("delivery_format") == "online"
        return {
            "language": language,
            "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
            "title": _("Certificate"),
            "certifies": _("This is to certify that"),
            "completed": _("has completed the course"),
            "course_title": course_title,
            "hours": hours,
            "dates": _("from %(start)s to %(end)s") % {
                "start": format_date(certificate.starts_on),
                "end": format_date(certificate.ends_on)},
            "place": _("online") if online and not certificate.place else certificate.place,
            "completed_on": _("Completed on %(date)s") % {
                "date": format_date(certificate.completed_on)},
            "issued_by": _("Issued by"),
            "code_label": _("Verification code"),
            "check_at": _("Check this certificate at"),
        }


def image_data_uri(image) -> str:
    """Embedded, so rendering needs no web server and works with any file storage."""
    if image is None:
        return ""
    rendition = image.get_rendition("max-1600x1600")
    with rendition.file.open("rb") as handle:
        data = handle.read()
    mime = "image/png" if rendition.file.name.lower().endswith(".png") else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def render_html(certificate: Certificate) -> str:
    template = certificate.template or CertificateTemplate(name="Kopā")
    url = verification_url(certificate.display_code)
    languages = [settings.LANGUAGE_CODE]
    if certificate.language and certificate.language != settings.LANGUAGE_CODE:
        languages.append(certificate.language)
    snapshot = certificate.snapshot
    context = {
        "certificate": certificate,
        "layout": snapshot.get("layout") or template.layout,
        "sections": [wording(certificate, language) for language in languages],
        "name_direction": text_direction(certificate.holder_name),
        "issued_on": snapshot.get("issued_on", ""),
        "signatory_name": snapshot.get("signatory_name", ""),
        "signatory_title": snapshot.get("signatory_title", ""),
        "footer": snapshot.get("footer", ""),
        "logo": image_data_uri(template.logo),
        "background": image_data_uri(template.background),
        "signature": image_data_uri(template.signature),
        "verification_url": url,
        "qr": qr_data_uri(url),
    }
    return render_to_string("certificates/pdf/certificate.html", context)


def render_pdf(certificate: Certificate) -> bytes:
    html = render_html(certificate)
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(stylesheets=[stylesheet()], font_config=FONT_CONFIG)
