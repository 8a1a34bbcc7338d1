"""Ids from query strings and forms. `str.isdigit()` admits "²" and Arabic-Indic digits,
which int() then refuses, and a 25-digit number overflows SQLite's integers: both used to
end in a server error instead of "not found"."""

MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """A positive database id written in ASCII digits, or None."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
