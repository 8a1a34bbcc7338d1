"""Ids that arrive as text (a query string, a form field): read them only when they are
plain decimal numbers a database key can hold, so anything else is a 404 or a clear
message, never a 500."""

# Primary keys are BigAutoField: a larger number is not an id (SQLite raises OverflowError
# and PostgreSQL a DataError when one reaches a query).
MAX_ID = 2**63 - 1


def is_id(number: int) -> bool:
    return 0 < number <= MAX_ID


def parse_id(value: str | None) -> int | None:
    """`"12"` → 12; `"²"`, `"1e3"`, `"-1"`, `""` and ids past MAX_ID → None. `isdecimal`,
    unlike `isdigit`, admits only what `int()` reads (so not superscripts); Arabic-Indic
    digits are decimal and read as the same number."""
    value = (value or "").strip()
    if not value.isdecimal():
        return None
    number = int(value)
    return number if is_id(number) else None
