"""Remembers each person's interface language.

URLs carry the language (`/en/…`), Latvian has none. A visitor whose remembered
language (profile, else cookie) is not Latvian and who opens an unprefixed page is sent to
the same page in their language, so the choice holds on every device they sign in on."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation

EXEMPT_PREFIXES = ("/admin", "/django-admin", "/api/", "/static/", "/media/", "/documents/",
                   "/i18n/", "/health")


class PreferredLanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self.redirect_to_preferred(request)
        if redirect is not None:
            return redirect
        if request.path.startswith("/api/"):
            # Only for this request: the thread's language is left as it was afterwards.
            with translation.override(self.api_language(request)):
                request.LANGUAGE_CODE = translation.get_language()
                return self.get_response(request)
        return self.get_response(request)

    @staticmethod
    def api_language(request: HttpRequest) -> str:
        """API URLs carry no language, so LocaleMiddleware settles on Latvian; messages
        (errors included) should be in the person's language: their profile's, else what
        their client asks for (Accept-Language)."""
        return remembered_language(request) or translation.get_language_from_request(
            request, check_path=False)

    def redirect_to_preferred(self, request: HttpRequest) -> HttpResponse | None:
        if request.method not in ("GET", "HEAD") or request.path.startswith(EXEMPT_PREFIXES):
            return None
        if getattr(request, "htmx", False):
            return None
        preferred = remembered_language(request)
        if not preferred or preferred == settings.LANGUAGE_CODE:
            return None
        in_path = translation.get_language_from_path(request.path_info)
        if in_path:
            return None  # an explicit language in the URL wins
        prefixed = f"/{preferred}{request.get_full_path()}"
        return HttpResponseRedirect(prefixed)


def remembered_language(request: HttpRequest) -> str | None:
    codes = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language in codes:
        return user.preferred_language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return cookie if cookie in codes else None
