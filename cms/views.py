from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms import selectors


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and operators: database, cache, broker and worker, each checked
    now; 503 when a part the site needs is down, so a balancer takes the node out."""
    report = selectors.health()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def api_not_found(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    """An unknown API address answers in the API's own error shape, not an HTML page."""
    return JsonResponse({"code": "not_found", "message": _("No such API endpoint.")},
                        status=404)
