"""The Content-Security-Policy of every response (django-csp), with the Wagtail admin's
looser script and style rules under /admin/ (settings.KOPA_ADMIN_CSP_DIRECTIVES)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"


class KopaCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            # A view's own @csp_replace still wins over the admin's defaults.
            parts.replace = {**settings.KOPA_ADMIN_CSP_DIRECTIVES, **(parts.replace or {})}
        return parts
