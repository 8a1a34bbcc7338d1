"""Requests whose body arrived cut off are refused before any form or view reads them.

A phone on a weak connection can drop mid-upload. The WSGI server then hands Django fewer
bytes than `Content-Length` promised, and Django's parsers take the fragment as the whole
body: a quiz form or a roster cut after a field's name would save that field as empty,
overwriting work already saved. Counting the bytes as they are read and refusing a short
body turns that into "nothing was saved, send it again".

Also here: the Content-Security-Policy of every response (django-csp), with the Wagtail
admin's looser script and style rules under /admin/ (settings.KOPA_ADMIN_CSP_DIRECTIVES)."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    UnreadablePostError,
)
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

_METHODS_WITH_BODY = {"POST", "PUT", "PATCH", "DELETE"}
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class IncompleteBody(UnreadablePostError):
    """The client sent fewer bytes than its `Content-Length` announced."""


class _CountingStream:
    """Wraps the request's input; raises once the input ends before the announced length."""

    def __init__(self, stream, expected: int) -> None:
        self._stream = stream
        self._remaining = expected
        # Django re-raises read errors as its own UnreadablePostError: the flag tells ours.
        self.cut_short = False

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

    def _short(self) -> IncompleteBody:
        self.cut_short = True
        return IncompleteBody("request body shorter than its Content-Length")

    def read(self, size: int | None = None, /) -> bytes:
        """Reads until `size` bytes (or all announced ones) came, as a socket may hand them
        over in pieces; an input that ends first is a body cut short."""
        wanted = self._remaining if size is None or size < 0 else min(size, self._remaining)
        chunks: list[bytes] = []
        got = 0
        while got < wanted:
            chunk = self._stream.read(wanted - got)
            if not chunk:
                raise self._short()
            chunks.append(chunk)
            got += len(chunk)
        self._remaining -= got
        return b"".join(chunks)

    def readline(self, size: int | None = None, /) -> bytes:
        wanted = self._remaining if size is None or size < 0 else min(size, self._remaining)
        line = self._stream.readline(wanted) if wanted else b""
        if not line and wanted:
            raise self._short()
        self._remaining -= len(line)
        return line

    def __iter__(self):
        return iter(self.readline, b"")


def _refusal(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"code": code, "message": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def _too_large(request: HttpRequest) -> HttpResponse:
    return _refusal(request, 413, "too_large", _("The request is too large. Nothing was saved."))


def _has_nul(raw: bytes) -> bool:
    """A NUL character, raw, percent-encoded or as a JSON escape. PostgreSQL cannot store
    one in text, so it would surface as a server error (and put the text in the log)."""
    lowered = raw.lower()
    return b"\x00" in raw or b"%00" in lowered or b"\\u0000" in lowered


def _nul_refusal(request: HttpRequest) -> HttpResponse:
    return _refusal(request, 400, "nul_character", _(
        "The text contains a character that cannot be saved (NUL). Remove it and try again."))


def _unreadable(request: HttpRequest) -> HttpResponse:
    return _refusal(request, 400, "bad_request", _(
        "The request could not be read. Nothing was saved; please try again."))


class CompleteBodyMiddleware:
    """Reads (or parses) every body up front, so a short one is refused with 400 before
    CSRF, forms or the API see any of it. Placed after the language middleware, so the
    refusal speaks the person's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request.META.get("QUERY_STRING", "").encode()):
            return _nul_refusal(request)
        if request.method in _METHODS_WITH_BODY:
            refusal = self._check_body(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def _check_body(self, request: HttpRequest) -> HttpResponse | None:
        try:
            expected = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _unreadable(request)
        if expected <= 0:
            return None
        content_type = request.META.get("CONTENT_TYPE", "")
        if (expected > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
                and not content_type.startswith(_FORM_TYPES)):
            # Django would refuse it later with its own HTML page; forms stream their files
            # to disk, other bodies are read whole, so only forms may be larger.
            return _too_large(request)
        stream = _CountingStream(request._stream, expected)  # type: ignore[attr-defined]
        request._stream = stream  # type: ignore[attr-defined]
        try:
            if content_type.startswith(_FORM_TYPES):
                request.POST  # noqa: B018 — parse now, while a short body can still be refused
                request.FILES  # noqa: B018
            elif expected <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                request.body  # noqa: B018
            # Files may hold NUL bytes (an XLSX does); text fields and JSON may not.
            if content_type.startswith("multipart/"):
                if any("\x00" in value for values in request.POST.lists()
                       for value in values[1]):
                    return _nul_refusal(request)
            elif hasattr(request, "_body") and _has_nul(request._body):
                return _nul_refusal(request)
        except RequestDataTooBig:
            return _too_large(request)
        except (MultiPartParserError, OSError):
            if stream.cut_short:
                return _refusal(request, 400, "incomplete_request", _(
                    "The request arrived incomplete (the connection may have dropped). "
                    "Nothing was saved; please send it again."))
            return _unreadable(request)
        return None


class ApiErrorMiddleware:
    """Every answer of the API is JSON `{"code", "message"}`, also when it does not come from
    our handlers (cms.api): Django's and django-ninja's own 405, 400, 413 and 500 pages
    become the same shape, in the caller's language (this runs inside the API's language,
    accounts.middleware)."""

    CODES = {400: "bad_request", 401: "not_authenticated", 403: "forbidden",
             404: "not_found", 405: "method_not_allowed", 413: "too_large",
             429: "too_many_requests"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (not request.path.startswith("/api/") or response.status_code < 400
                or response.get("Content-Type", "").startswith("application/json")):
            return response
        code = self.CODES.get(response.status_code, "server_error")
        messages = {
            "bad_request": _("The request could not be read. Nothing was saved; please try "
                             "again."),
            "not_authenticated": _("Please sign in."),
            "forbidden": _("You may not do this."),
            "not_found": _("Not found."),
            "method_not_allowed": _("This address does not take %(method)s requests.")
            % {"method": request.method},
            "too_large": _("The request is too large. Nothing was saved."),
            "too_many_requests": _("Too many requests. Please wait a little and try again."),
            "server_error": _("Something went wrong on our side. Please try again later."),
        }
        shaped = JsonResponse({"code": code, "message": messages[code]},
                              status=response.status_code)
        for header in ("Allow", "Retry-After"):
            if header in response:
                shaped[header] = response[header]
        return shaped


ADMIN_PREFIX = "/admin/"


class KopaCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            # A view's own @csp_replace still wins over the admin's defaults.
            parts.replace = {**settings.KOPA_ADMIN_CSP_DIRECTIVES, **(parts.replace or {})}
        return parts
