"""The one HTML sanitiser and its one allowlist, for every piece of stored HTML that people
wrote (question texts, choices, feedback, cloze text). nh3 (Rust's ammonia) parses as a
browser does, so markup written to slip past a regex or a lenient parser is dropped."""

import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "small", "mark", "span",
    "div", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h3", "h4", "h5", "h6", "hr",
    "pre", "code", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody",
    "tfoot", "tr", "th", "td", "audio", "video", "source", "bdi",
}
ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "audio": {"src", "controls"}, "video": {"src", "controls", "width", "height"},
    "source": {"src", "type"},
}
URL_SCHEMES = {"http", "https", "mailto"}  # and relative URLs (the site's own media)
# Sets aside pieces of a text (cloze gaps) so the whole is cleaned as one document.
_PLACEHOLDER = "\ue000\ue001"


def clean_html(html: str) -> str:
    """Only harmless markup stays; scripts, event handlers, styles, frames, forms and
    `javascript:` links are removed."""
    if not html:
        return ""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


def clean_html_around(pieces: list[str]) -> list[SafeString]:
    """The pieces of HTML between a cloze text's gaps, cleaned as one document (so a
    paragraph that a gap interrupts stays one paragraph) and split again."""
    cleaned = clean_html(_PLACEHOLDER.join(str(piece) for piece in pieces))
    parts = cleaned.split(_PLACEHOLDER)
    if len(parts) != len(pieces):  # a placeholder fell inside dropped markup
        parts = [clean_html(str(piece)) for piece in pieces]
    # Safe to mark: each part is the sanitiser's output.
    return [mark_safe(part) for part in parts]


def safe_html(html: str) -> SafeString:
    # Safe to mark: the sanitiser's output.
    return mark_safe(clean_html(html))
