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
