"""What a person's name (and other short free text shown to others) may not contain:
invisible control characters and the Unicode characters that override or isolate the
direction of text. U+202E, for one, makes "Anna\u202eexe.fdp" read as "Annapdf.exe" and
can turn the words around it in a list of names. Letters of every script stay allowed, and
so do the plain direction marks U+200E/U+200F, which only hint and do not override."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
BIDI_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F),
                                                 *range(0x2066, 0x206A)))
MESSAGE = _("Remove the invisible control or text-direction characters (such as U+202E) "
            "from this text.")


def control_characters(value: str) -> list[str]:
    """The refused characters in `value`, as code points such as U+202E: C0 and C1
    controls (tab and new line too: a name is one line) and the bidi controls above."""
    return [f"U+{ord(char):04X}" for char in value or ""
            if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc"]


def refuse_control_characters(value: str) -> None:
    if control_characters(value):
        raise ValidationError(MESSAGE, code="control_characters")


# Free text (a session's topic, a note, a reason, an essay) may run over several lines.
LINE_BREAKS = frozenset("\t\n\r")


def text_control_characters(value: str) -> list[str]:
    """As `control_characters`, for text that may hold tabs and line breaks."""
    return [f"U+{ord(char):04X}" for char in value or "" if char not in LINE_BREAKS
            and (char in BIDI_CONTROLS or unicodedata.category(char) == "Cc")]


def refuse_text_control_characters(value: str) -> None:
    if text_control_characters(value):
        raise ValidationError(MESSAGE, code="control_characters")


def checked_text(value: str | None, *, field: str = "") -> str:
    """`value` as a service takes free text in: refused with a `KopaError` (422) naming the
    field if it holds control or direction-override characters."""
    from cms.errors import KopaError

    if value and text_control_characters(value):
        raise KopaError(MESSAGE, code="control_characters", status=422,
                        **({"field": field} if field else {}))
    return value or ""
