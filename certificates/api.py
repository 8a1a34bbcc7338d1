"""GET /me/certificates, GET /certificates/verify/{code} (public), and a group's
certificates for its teachers and managers: GET and POST /runs/{id}/certificates."""

import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status

from certificates import permissions, selectors, services
from certificates.models import Certificate
from certificates.rendering import verification_url
from certificates.throttling import allow_lookup
from cms.errors import KopaError, NotFound
from cms.schemas import ErrorOut
from courses.models import CourseRun

router = Router(tags=["certificates"])


class CertificateOut(Schema):
    id: int
    code: str
    state: str
    course: str
    group: str
    name: str
    hours_total: Decimal
    hours_attended: Decimal | None
    completed_on: datetime.date
    issued_at: datetime.datetime | None
    verification_url: str
    download_url: str | None


class VerificationOut(Schema):
    status: str  # valid / revoked
    code: str
    name: str
    course: str
    hours_total: Decimal
    hours_attended: Decimal | None
    completed_on: datetime.date
    issuer: str


class BatchOut(Schema):
    batch_id: int
    total: int
    done: int
    failed: int


def certificate_out(certificate: Certificate, *, downloadable: bool) -> CertificateOut:
    return CertificateOut(
        id=certificate.pk, code=certificate.display_code, state=certificate.state,
        course=certificate.course_title, group=certificate.enrollment.run.title,
        name=certificate.holder_name, hours_total=certificate.hours_total,
        hours_attended=certificate.hours_attended, completed_on=certificate.completed_on,
        issued_at=certificate.issued_at,
        verification_url=verification_url(certificate.display_code),
        download_url=(reverse("certificates:download", kwargs={"pk": certificate.pk})
                      if downloadable else None))


@router.get("/me/certificates", response=list[CertificateOut],
            summary="My certificates (issued, being prepared or revoked)")
def my_certificates(request: HttpRequest) -> list[CertificateOut]:
    return [certificate_out(c, downloadable=c.state == Certificate.State.ISSUED)
            for c in selectors.certificates_of_user(request.auth)]


@router.get("/certificates/verify/{code}", auth=None,
            response={200: VerificationOut, 429: ErrorOut},
            summary="Check a certificate by its code (public, rate-limited)")
def verify(request: HttpRequest, code: str) -> VerificationOut:
    if not allow_lookup(request):
        raise KopaError(_("Too many checks from your connection. Please wait ten minutes "
                          "and try again."), code="too_many_requests", status=429,
                        retry_after=600)
    result = selectors.verify(code)
    if result.status == "malformed":
        raise KopaError(_("This is not a certificate code."), code="malformed_code",
                        status=400)
    if result.status == "unknown":
        raise NotFound(_("No certificate has this code."), code="unknown_certificate")
    certificate = result.certificate
    return VerificationOut(
        status=result.status, code=certificate.display_code, name=certificate.holder_name,
        course=certificate.course_title, hours_total=certificate.hours_total,
        hours_attended=certificate.hours_attended, completed_on=certificate.completed_on,
        issuer=certificate.issuer)


def managed_run(request: HttpRequest, run_id: int) -> CourseRun:
    run = CourseRun.objects.select_related("course").filter(pk=run_id).first()
    if run is None or not permissions.can_manage_run(request.auth, run):
        # Teachers of other groups learn nothing about this one, not even that it exists.
        raise NotFound(_("No such group among yours."), code="run_not_found")
    return run


@router.get("/runs/{run_id}/certificates", response=list[CertificateOut],
            summary="A group's certificates (teachers of the group, managers)")
def run_certificates(request: HttpRequest, run_id: int) -> list[CertificateOut]:
    run = managed_run(request, run_id)
    certificates = (Certificate.objects.filter(enrollment__run=run)
                    .select_related("enrollment__run").order_by("holder_name", "pk"))
    return [certificate_out(c, downloadable=bool(c.pdf)) for c in certificates]


@router.post("/runs/{run_id}/certificates", response={202: BatchOut},
             summary="Issue certificates to every learner of the group who has completed")
def issue_run_certificates(request: HttpRequest, run_id: int) -> Status:
    run = managed_run(request, run_id)
    batch = services.issue_for_run(run=run, by=request.auth)
    progress = selectors.batch_progress(batch)
    return Status(202, BatchOut(batch_id=batch.pk, total=batch.total, done=progress.done,
                                failed=progress.failed))
