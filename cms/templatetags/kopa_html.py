"""`{{ value|clean_html }}` instead of Django's safe filter for stored HTML: cleaned by
cms.html's one allow-list again when shown, so rows stored before it (and frozen attempts)
are safe too."""

from django import template
from django.utils.html import format_html

from cms.html import safe_html, safe_pieces

register = template.Library()


@register.filter(name="clean_html")
def clean_html_filter(value) -> str:
    return safe_html(value)


@register.filter
def clean_segments(value) -> list:
    """The text around a gap fill question's gaps, cleaned as one text (see clean_pieces):
    a list of texts, or the form's list of parts where some are `{"segment": text}`."""
    items = list(value or [])
    at = [i for i, item in enumerate(items) if not isinstance(item, dict) or "segment" in item]
    cleaned = safe_pieces([items[i]["segment"] if isinstance(items[i], dict) else items[i]
                           for i in at])
    for i, piece in zip(at, cleaned, strict=True):
        items[i] = {**items[i], "segment": piece} if isinstance(items[i], dict) else piece
    return items


@register.filter
def bdi(value) -> str:
    """A person's name (or other text someone typed) isolated from the text around it, so
    right-to-left letters or a stray direction control cannot turn a list or a sentence
    around (`{{ user.name|bdi }}`, also inside blocktranslate: `with name=user.name|bdi`)."""
    return format_html("<bdi>{}</bdi>", value)


# FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the plain-text form of <bdi>.
FSI, PDI = "\u2068", "\u2069"


@register.filter
def isolate(value) -> str:
    """`bdi` for PDFs: WeasyPrint does not apply <bdi>, but its text layout (Pango with
    FriBidi) follows the Unicode isolates, so a right-to-left name keeps its own direction
    and cannot reorder the words around it on a certificate, a card or a sign-in sheet.
    The value is escaped as usual; only the two isolate characters are added."""
    return format_html("{}{}{}", FSI, value if value is not None else "", PDI)
