"""Ids from query strings and forms. `str.isdigit()` admits "²", which int() then
refuses, and a 25-digit number overflows SQLite's integers: both used to
end in a server error instead of "not found"."""

MAX_ID = 2**63 - 1


def is_id(number: int) -> bool:
    """Whether a number could be a database key at all (keys are 64-bit)."""
    return 0 < number <= MAX_ID


def parse_id(value: object) -> int | None:
    """A positive database id, or None. `isdecimal` admits only what int() reads: ASCII,
    Arabic-Indic or Persian digits (the same number), not superscripts."""
    text = str(value or "").strip()
    if not text.isdecimal():
        return None
    number = int(text)
    return number if is_id(number) else None
