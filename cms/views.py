from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms import selectors
from cms.uploads import served_inline


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


# Uploaded files a browser may show in the page's own origin: pictures, sound, film,
# captions, PDFs. Anything else (an uploaded .html or .svg can carry script) is handed over
# as a download, so it never runs as a page of Kopā.
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """MEDIA_URL when Django itself serves uploads (development): Django's static serve,
    with nosniff so the browser keeps to the stated type, and risky types as downloads."""
    from django.http import Http404
    from django.views.static import serve

    if path.startswith("documents/"):
        # Documents go through /documents/, which asks who may see them (lessons).
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Shown in the browser only as a type of the one allowlist (cms.uploads), under its
    # own content type; anything else — HTML, SVG, whatever an old upload left — is a
    # download.
    file_type = served_inline(path)
    if file_type is None:
        response["Content-Disposition"] = "attachment"
        response["Content-Type"] = "application/octet-stream"
    else:
        response["Content-Type"] = file_type.content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
