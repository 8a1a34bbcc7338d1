"""File downloads built in memory (CSV, XLSX, PDF, ZIP): one place that knows their
content types and how to ask the browser to save rather than show them."""

from django.http import HttpResponse

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
