"""Public verification, and downloads of private PDFs behind permission checks."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates import archives, permissions, selectors
from certificates.codes import MalformedCode, display_code, normalise_code
from certificates.models import Certificate
from certificates.throttling import allow_lookup
from courses.models import CourseRun
from organisations import permissions as organisation_permissions
from organisations import selectors as organisation_selectors
from organisations.models import Organisation


def no_index(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """The form; a typed code goes to its canonical address so it can be shared."""
    text = request.GET.get("code", "").strip()
    error = ""
    if text:
        try:
            code = normalise_code(text)
        except MalformedCode:
            error = _("This is not a certificate code. A code looks like "
                      "KOPA-7Q2M-XW4D-9HRT-K3ZB-C: check every character and try again.")
        else:
            return HttpResponseRedirect(reverse("certificates:verify_code",
                                                kwargs={"code": display_code(code)}))
    return no_index(render(request, "certificates/verify.html",
                           {"typed": text, "error": error}, status=400 if error else 200))


@never_cache
@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    if not allow_lookup(request):
        return no_index(render(request, "certificates/verify.html", {
            "typed": code,
            "error": _("Too many checks from your connection. Please wait ten minutes and "
                       "try again."),
        }, status=429))
    result = selectors.verify(code)
    if result.status == "malformed":
        return no_index(render(request, "certificates/verify.html", {
            "typed": code,
            "error": _("This is not a certificate code. A code looks like "
                       "KOPA-7Q2M-XW4D-9HRT-K3ZB-C: check every character and try again."),
        }, status=400))
    status = 404 if result.status == "unknown" else 200
    return no_index(render(request, "certificates/verify_result.html",
                           {"result": result, "code": code}, status=status))


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> FileResponse:
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment__run"), pk=pk)
    if not permissions.can_download(request.user, certificate):
        # The same answer as for a missing one: nobody learns which ids exist.
        raise Http404
    response = FileResponse(certificate.pdf.open("rb"), content_type="application/pdf",
                            as_attachment=request.GET.get("inline") != "1",
                            filename=f"{certificate.display_code}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def run_zip(request: HttpRequest, run_id: int) -> FileResponse:
    run = get_object_or_404(CourseRun, pk=run_id)
    if not permissions.can_manage_run(request.user, run):
        raise Http404
    certificates = selectors.certificates_for_run(run.pk).filter(
        state=Certificate.State.ISSUED)
    name = slugify(run.title, allow_unicode=False) or f"group-{run.pk}"
    response = archives.zip_response(certificates, filename=f"certificates-{name}.zip")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def organisation_run_zip(request: HttpRequest, organisation_id: int,
                         run_id: int) -> FileResponse:
    """A coordinator's download: their own participants' certificates of one group open to
    their organisation, and nobody else's (another organisation's coordinator gets 404)."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    run = get_object_or_404(CourseRun, pk=run_id)
    if not (organisation_permissions.can_manage_organisation(request.user, organisation)
            and organisation_permissions.run_open_to(organisation, run)):
        raise Http404
    user_ids = list(organisation_selectors.participants_of(organisation=organisation)
                    .values_list("user_id", flat=True))
    certificates = selectors.certificates_for_run(run.pk, user_ids).filter(
        state=Certificate.State.ISSUED)
    name = slugify(f"{organisation.name}-{run.title}") or f"group-{run.pk}"
    response = archives.zip_response(certificates, filename=f"certificates-{name}.zip")
    response["Cache-Control"] = "private, no-store"
    return response
