"""File downloads built in memory (CSV, XLSX, PDF, ZIP): one place that knows their
content types, how to ask the browser to save rather than show them, and how to keep a
spreadsheet from running what people typed (formula injection: every CSV and XLSX cell
Kopā writes goes through `safe_row`)."""

from collections.abc import Iterable

from django.http import HttpResponse
from django.utils.functional import Promise

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection), and
# openpyxl stores a str starting with "=" as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would take for a formula gets a leading apostrophe, so it is
    shown as typed. Numbers stay numbers (a negative one too): only text is prefixed."""
    if isinstance(value, Promise):  # a lazy translation is text too
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable) -> list:
    """A row for csv.writer.writerow or a worksheet's append, every cell through safe_cell."""
    return [safe_cell(value) for value in values]


def unsafe_cell(text: str) -> str:
    """The inverse of safe_cell for files Kopā exported and people upload again (the
    participants' workbook): the apostrophe it added is not part of the value."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def download(content: bytes, *, filename: str, inline: bool = False) -> HttpResponse:
    """`filename` is ASCII and names no person (it ends up in logs and browser history).
    Such files mostly hold personal data (rosters, login cards), so no cache keeps them."""
    extension = filename.rpartition(".")[2].lower()
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
