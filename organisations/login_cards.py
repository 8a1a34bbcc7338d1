"""The printable sheet of login cards: for each person their name (in any script), the
username, a one-time code and a QR code to the sign-in page, in the person's language."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


def sign_in_url(language: str) -> str:
    with translation.override(language):
        path = reverse("accounts:login")
        dashboard = reverse("accounts:dashboard")
    return f"{settings.KOPA_BASE_URL}{path}?next={dashboard}"


def card(user, code: str) -> dict:
    url = sign_in_url(user.preferred_language)
    with translation.override(user.preferred_language):
        labels = {
            "username": _("Username"),
            "code": _("One-time code"),
            "how": _("Scan the QR code or open the address below. Type your username and "
                     "the code. Then choose your own password."),
        }
        direction = "rtl" if translation.get_language_bidi() else "ltr"
    return {"name": user.name, "username": user.username, "code": code, "url": url,
            "qr": segno.make(url, error="m").svg_data_uri(scale=3, border=1),
            "labels": labels, "language": user.preferred_language, "dir": direction}


def render_login_cards(*, pairs: list[tuple], title: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string("organisations/login_cards.html", {
        "cards": [card(user, code) for user, code in pairs], "title": title})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
