"""File downloads built in memory (CSV, XLSX, PDF, ZIP): one place that knows their
content types and how to ask the browser to save rather than show them."""

from django.http import HttpResponse

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def download(content: bytes, *, filename: str) -> HttpResponse:
    """`filename` is ASCII and names no person (it ends up in logs and browser history)."""
    extension = filename.rpartition(".")[2].lower()
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
