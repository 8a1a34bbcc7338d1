"""The admin's certificate pages (mounted under /admin/certificates/ by wagtail_hooks):
groups with their counts, one group's learners and certificates with the actions, and one
certificate's history. Every action is a POST that calls a service."""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from certificates import permissions, selectors, services
from certificates.forms import ReasonForm
from certificates.models import Certificate, CertificateBatch
from cms.errors import KopaError
from courses.models import CourseRun, Enrollment


def managed_run_or_404(request: HttpRequest, run_id: int) -> CourseRun:
    run = get_object_or_404(CourseRun.objects.select_related("course"), pk=run_id)
    if not permissions.can_manage_run(request.user, run):
        raise Http404
    return run


def managed_certificate_or_404(request: HttpRequest, pk: int) -> Certificate:
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment__run__course", "enrollment__user"),
        pk=pk)
    if not permissions.can_manage_run(request.user, certificate.enrollment.run):
        raise Http404
    return certificate


def index(request: HttpRequest) -> HttpResponse:
    runs = selectors.runs_with_counts(permissions.manageable_runs(request.user))
    return render(request, "certificates/admin/index.html", {"runs": runs[:200]})


def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    run = managed_run_or_404(request, run_id)
    return render(request, "certificates/admin/run.html", {
        "run": run,
        "enrollments": selectors.run_overview(run),
        "progress": selectors.latest_batch(run),
        "reason_form": ReasonForm(),
    })


def batch_status(request: HttpRequest, batch_id: int) -> JsonResponse:
    batch = get_object_or_404(CertificateBatch.objects.select_related("run"), pk=batch_id)
    if not permissions.can_manage_run(request.user, batch.run):
        raise Http404
    progress = selectors.batch_progress(batch)
    return JsonResponse({"total": batch.total, "done": progress.done,
                         "failed": progress.failed, "finished": progress.finished,
                         "percent": progress.percent})


def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = managed_certificate_or_404(request, pk)
    return render(request, "certificates/admin/certificate.html", {
        "certificate": certificate,
        "events": certificate.events.select_related("actor"),
        "reason_form": ReasonForm(),
    })


def run_with_reason(request: HttpRequest, action, *, back: str, **kwargs) -> HttpResponse:
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason."))
        return redirect(back)
    try:
        action(by=request.user, reason=form.cleaned_data["reason"], **kwargs)
    except KopaError as error:
        messages.error(request, str(error.message))
        return redirect(back)
    return None


@require_POST
def issue_one(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment.objects.select_related("run__course"),
                                   pk=enrollment_id)
    if not permissions.can_manage_run(request.user, enrollment.run):
        raise Http404
    try:
        certificate = services.request_certificate(enrollment=enrollment, by=request.user)
    except KopaError as error:
        messages.error(request, str(error.message))
    else:
        if certificate.state == Certificate.State.REVOKED:
            messages.error(request, _("This certificate was revoked; re-issue it instead."))
        else:
            messages.success(request, _("The certificate is being prepared."))
    return redirect("certificates_admin:run", run_id=enrollment.run_id)


@require_POST
def sign_off(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment.objects.select_related("run__course", "user"),
                                   pk=enrollment_id)
    if not permissions.can_manage_run(request.user, enrollment.run):
        raise Http404
    try:
        services.sign_off_enrollment(enrollment=enrollment, by=request.user)
    except KopaError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Signed off. Completion is being checked."))
    return redirect("certificates_admin:run", run_id=enrollment.run_id)


def _certificate_action(service: Callable[..., object], done: str
                        ) -> Callable[[HttpRequest, int], HttpResponse]:
    """A manager's action on one certificate that needs a reason (re-issue, revoke)."""

    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        certificate = managed_certificate_or_404(request, pk)
        back = reverse("certificates_admin:certificate", kwargs={"pk": pk})
        failed = run_with_reason(request, service, back=back, certificate=certificate)
        if failed:
            return failed
        messages.success(request, done)
        return redirect(back)

    return view


# Lazy: the message is put in the language of each request, not of the import.
reissue_one = _certificate_action(services.reissue_certificate,
                                  gettext_lazy("The certificate is being re-issued."))
revoke_one = _certificate_action(services.revoke_certificate,
                                 gettext_lazy("The certificate has been revoked."))


@require_POST
def issue_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = managed_run_or_404(request, run_id)
    try:
        batch = services.issue_for_run(run=run, by=request.user)
    except KopaError as error:
        messages.error(request, str(error.message))
    else:
        if batch.total:
            messages.success(request, _("%(count)d certificates are being prepared.")
                             % {"count": batch.total})
        else:
            messages.info(request, _("Every learner who has completed already has a "
                                     "certificate."))
    return redirect("certificates_admin:run", run_id=run.pk)


@require_POST
def reissue_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = managed_run_or_404(request, run_id)
    back = reverse("certificates_admin:run", kwargs={"run_id": run.pk})
    failed = run_with_reason(request, services.reissue_for_run, back=back, run=run)
    if failed:
        return failed
    messages.success(request, _("The group's certificates are being re-issued."))
    return redirect(back)


@require_POST
def revoke_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = managed_run_or_404(request, run_id)
    back = reverse("certificates_admin:run", kwargs={"run_id": run.pk})
    failed = run_with_reason(request, services.revoke_for_run, back=back, run=run)
    if failed:
        return failed
    messages.success(request, _("The group's certificates have been revoked."))
    return redirect(back)
