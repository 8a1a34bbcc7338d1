"""The one HTML sanitiser: every piece of stored HTML that reaches a page goes through
`clean_html` when it is saved, and again when it is shown (the `clean_html` template filter),
so rows stored before this rule, and attempts frozen from them, are safe too.

It is an allow-list, not a block-list (nh3, a binding of the Rust crate ammonia): the HTML is
parsed as a browser parses it, and only the tags and attributes below survive. Event handlers,
`style`, scripts, frames, forms and every URL scheme but http(s)/mailto go, in whatever
spelling or entity encoding they come."""

import re

import nh3
from django.utils.safestring import mark_safe

TAGS = {
    "p", "br", "div", "span", "strong", "em", "b", "i", "u", "s", "small", "sub", "sup",
    "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "code", "pre",
    "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
    "a", "img", "audio", "video", "source",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    # Wagtail keeps rich text in its own format and expands it when a question is frozen:
    # `<embed embedtype="image" id="3">` is inert in a browser (no src), and is kept so
    # images chosen in the admin editor survive saving.
    "embed",
}
_CELL = {"colspan", "rowspan"}
ATTRIBUTES = {
    # `linktype` and `id` are Wagtail's references to pages and documents (see `_attribute`).
    "a": {"href", "linktype", "id"},
    "img": {"src", "alt", "width", "height"},
    "audio": {"src", "controls"},
    "video": {"src", "controls", "width", "height"},
    "source": {"src", "type"},
    "th": _CELL, "td": _CELL,
    "embed": {"embedtype", "id", "format", "alt"},
}
# The classes Wagtail gives an image from the editor; no other class reaches a page.
CLASSES = {"img": {"richtext-image", "left", "right", "full-width"}}
# Relative URLs (our stored files: /media/quizzes/files/...) pass; data: and javascript: do
# not. The importers store Moodle's embedded files and link to them, so no data: is needed.
URL_SCHEMES = {"http", "https", "mailto"}
# Elements dropped with everything inside them; the text of other unknown tags is kept.
DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object",
                        "svg", "math", "textarea", "select", "title", "xmp", "noembed",
                        "noframes", "plaintext"}

# Wagtail finds its stored references only in the XHTML spelling `<embed .../>`.
_EMBED = re.compile(r"<embed(\b[^>]*?)/?>")

# Marks the places between pieces (see `clean_pieces`); a private-use character.
_JOINT = "\ue000"


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and not value.isdigit():
        # Only Wagtail's numeric references; a named id could clobber the page's own.
        return None
    # A joint inside an attribute would put markup inside the attribute when the pieces
    # are put back together: it is taken out (the piece count then shows the loss).
    return value.replace(_JOINT, "")


def _clean(text: str) -> str:
    cleaned = nh3.clean(text, tags=TAGS, attributes=ATTRIBUTES, allowed_classes=CLASSES,
                        url_schemes=URL_SCHEMES, clean_content_tags=DROPPED_WITH_CONTENT,
                        attribute_filter=_attribute, link_rel="noopener noreferrer",
                        strip_comments=True)
    return _EMBED.sub(r"<embed\1/>", cleaned)


def clean_html(text: str | None) -> str:
    """Stored HTML with only harmless markup left. Text without a tag is returned as it is:
    it cannot run anything in element content, and escaping it would change plain answers
    such as “R&D” that are also compared and shown as text."""
    if not text:
        return ""
    text = str(text)
    if "<" not in text:
        return text
    return _clean(text)


def clean_pieces(pieces: list[str]) -> list[str]:
    """Pieces of one HTML text shown with our own markup between them (the text around the
    gaps of a gap fill question). Cleaning each alone would close a `<p>` that spans a gap;
    so they are cleaned as one text, with a joint between them that can only end up in text
    content, and split again. If a joint is lost (it was inside an attribute, a comment or a
    dropped element) each piece is cleaned alone instead, which is always safe."""
    pieces = [str(piece or "").replace(_JOINT, "") for piece in pieces]
    split = clean_html(_JOINT.join(pieces)).split(_JOINT)
    if len(split) != len(pieces):
        return [clean_html(piece) for piece in pieces]
    return split


# The only places the project marks text safe itself (see tests/cms/safe_allowlist.txt):
# what leaves the sanitiser.
def safe_html(text: str | None) -> str:
    """For templates: cleaned, and so safe to show as HTML."""
    return mark_safe(clean_html(text))


def safe_pieces(pieces: list[str]) -> list[str]:
    return [mark_safe(piece) for piece in clean_pieces(pieces)]
