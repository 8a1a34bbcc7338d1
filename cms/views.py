from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms import selectors


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and operators: is the database reachable, has a worker run."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    beat = selectors.latest_heartbeat()
    return JsonResponse({
        "status": "ok",
        "database": connection.vendor,
        "worker_last_seen": beat.seen_at.isoformat() if beat else None,
    })


def api_not_found(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    """An unknown API address answers in the API's own error shape, not an HTML page."""
    return JsonResponse({"code": "not_found", "message": _("No such API endpoint.")},
                        status=404)
