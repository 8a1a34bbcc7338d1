"""File downloads built in memory (CSV, XLSX, PDF, ZIP): one place that knows their
content types and how to ask the browser to save rather than show them."""

from django.http import HttpResponse

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Every cell of every CSV and XLSX we write passes here: text that a spreadsheet would
    take for a formula gets a leading apostrophe (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def read_back(text: str) -> str:
    """The inverse, for files we wrote and people upload again (the participants file)."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_STARTS):
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
