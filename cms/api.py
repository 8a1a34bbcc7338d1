"""The JSON API at /api/v1/: one router per app (each app's api.py), mounted here, with
errors always shaped `{"code", "message"}` so clients can branch on a stable code."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from accounts.api import router as accounts_router
from accounts.auth import api_auth
from attendance.api import router as attendance_router
from certificates.api import router as certificates_router
from cms.errors import KopaError
from cms.openapi import KopaAPI
from courses.api import router as courses_router
from lessons.api import router as lessons_router
from organisations.api import router as organisations_router
from quizzes.api import router as quizzes_router
from reports.api import router as reports_router

api = KopaAPI(
    title="Kopā API",
    version="1",
    description="The Kopā e-learning platform's JSON API. Session (with CSRF) or token auth.",
    urls_namespace="api-v1",
    auth=api_auth,
    openapi_url="/openapi.json",
    docs_url="/docs",
)


def error(request: HttpRequest, status: int, code: str, message: str, **extra) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message, **extra}, status=status)


@api.exception_handler(KopaError)
def on_kopa_error(request: HttpRequest, exc: KopaError) -> HttpResponse:
    response = error(request, exc.status, exc.code, str(exc.message), **exc.extra)
    if exc.status == 429:
        # When to come back, for clients that wait by themselves (RFC 9110, 10.2.3).
        response["Retry-After"] = str(exc.extra.get("retry_after", 60))
    return response


SOURCES = ("body", "payload", "query", "path", "form", "file", "header", "cookie", "filters")


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = []
    for item in exc.errors:
        # Where the field came from is ninja's (query, path, body…); the field is ours.
        loc = [str(part) for part in item.get("loc", ()) if part not in SOURCES]
        fields.append({"field": ".".join(loc), "message": item.get("msg", "")})
    return error(request, 422, "validation_error", _("Some fields are missing or wrong."),
                 errors=fields)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error(request, 401, "not_authenticated", _("Please sign in."))


@api.exception_handler(AuthorizationError)
def on_unauthorised(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
    return error(request, 403, "forbidden", _("You may not do this."))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error(request, 403, "forbidden", str(exc) or _("You may not do this."))


@api.exception_handler(OverflowError)
def on_overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
    """An id too large for the database (SQLite raises; PostgreSQL finds nothing)."""
    return error(request, 404, "not_found", _("Not found."))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, "not_found", _("Not found."))


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
            429: "too_many_requests"}.get(exc.status_code, "error")
    message = str(exc)
    if exc.status_code == 403 and "csrf" in message.lower():
        code = "csrf_failed"
        message = _("The page's security check failed (it may be old). Reload the page and "
                    "try again; a script should send an API token instead.")
    return error(request, exc.status_code, code, message)


api.add_router("/", accounts_router)
api.add_router("/", courses_router)
api.add_router("/", lessons_router)
api.add_router("/", quizzes_router)
api.add_router("/", organisations_router)
api.add_router("/", attendance_router)
api.add_router("/", certificates_router)
api.add_router("/", reports_router)
