"""Issuing, rendering, re-issuing and revoking certificates.

Exactly once in effect: the row is unique per enrolment; the PDF goes to a path fixed by
the code and revision, so a redelivered render overwrites rather than adds a file; and
the switch to "issued" is a conditional UPDATE, so of two renders racing only one wins."""

import datetime
import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from certificates.codes import new_code
from certificates.models import Certificate, CertificateBatch, CertificateEvent
from certificates.services.snapshot import ledger_hours, run_context, snapshot_fields
from certificates.storage import private_storage
from cms.errors import Conflict, KopaError
from cms.services import queue_task, record_effect
from courses.models import CourseRun, Enrollment

logger = logging.getLogger(__name__)

RENDERABLE = (Certificate.State.PENDING, Certificate.State.FAILED)
ISSUE_EFFECT = "certificates.issue"
EMAIL_EFFECT = "certificates.email"
# Longer than a redelivery takes (the broker's visibility timeout, 5 minutes by default)
# plus the longest pause between retries, so the sweeper never races a live render.
STALLED_AFTER = datetime.timedelta(minutes=15)


def pdf_name(certificate: Certificate, revision: int) -> str:
    return f"certificates/{certificate.code[:2]}/{certificate.code}-r{revision}.pdf"


def event(certificate: Certificate, kind: str, *, actor: User | None = None,
          note: str = "") -> None:
    CertificateEvent.objects.create(certificate=certificate, kind=kind, actor=actor,
                                    revision=certificate.revision, note=note[:500])


def queue_render(certificate_ids: list[int]) -> None:
    from certificates.tasks import render_certificate_task

    for certificate_id in certificate_ids:
        queue_task(render_certificate_task, certificate_id)


def require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise KopaError(_("Please give a reason."), code="reason_required", status=422)
    return reason[:255]


def check_can_have_certificate(enrollment: Enrollment) -> None:
    if enrollment.state != Enrollment.State.COMPLETED:
        raise Conflict(_("The learner has not completed the course yet."),
                       code="not_completed")
    if not enrollment.run.course.certificate_offered:
        raise Conflict(_("This course does not give certificates."),
                       code="no_certificate_offered")


@transaction.atomic
def request_certificate(*, enrollment: Enrollment, by: User | None = None,
                        queue: bool = True) -> Certificate:
    """The certificate of a completed enrolment, created (pending) if it has none; a failed
    one is tried again. Safe to call any number of times."""
    enrollment = (Enrollment.objects.select_related("user", "run__course")
                  .get(pk=enrollment.pk))
    check_can_have_certificate(enrollment)
    certificate = Certificate.objects.filter(enrollment=enrollment).first()
    if certificate is None:
        context = run_context(enrollment.run)
        hours = ledger_hours([enrollment]).get(enrollment.pk)
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    enrollment=enrollment, code=new_code(), issued_by=by,
                    **snapshot_fields(context, enrollment, hours))
        except IntegrityError:
            # Another worker created it a moment ago: use theirs.
            return Certificate.objects.get(enrollment=enrollment)
        event(certificate, CertificateEvent.Kind.REQUESTED, actor=by)
    if certificate.state in RENDERABLE and queue:
        queue_render([certificate.pk])
    return certificate


def record_issue(enrollment_id: int) -> None:
    """The "enrolment completed" listener: runs inside the completing transaction."""
    record_effect(ISSUE_EFFECT, f"certificates:issue:{enrollment_id}",
                  {"enrollment_id": enrollment_id})


def issue_certificate(*, enrollment_id: int, by: User | None = None) -> Certificate | None:
    """What the completion listener's task runs: create and render in one go. Enrolments
    that cannot have a certificate are skipped quietly (the course may not offer one)."""
    enrollment = Enrollment.objects.filter(pk=enrollment_id).first()
    if enrollment is None:
        return None
    try:
        certificate = request_certificate(enrollment=enrollment, by=by, queue=False)
    except Conflict:
        return None
    return render_certificate(certificate_id=certificate.pk)


def render_certificate(*, certificate_id: int) -> Certificate | None:
    """Renders and stores the PDF of a pending (or failed) certificate, once."""
    from certificates.rendering import render_pdf

    claimed = Certificate.objects.filter(pk=certificate_id, state__in=RENDERABLE).update(
        attempts=F("attempts") + 1, render_started_at=timezone.now())
    certificate = (Certificate.objects.select_related("template", "enrollment__user")
                   .filter(pk=certificate_id).first())
    if not claimed or certificate is None:
        return certificate  # issued, revoked or gone: nothing left to do
    revision = certificate.revision
    name = pdf_name(certificate, revision)
    try:
        pdf = render_pdf(certificate)
        with transaction.atomic():
            # The UPDATE comes first so it takes the write lock before anything else; it
            # matches only if nobody issued, revoked or re-issued the row meanwhile.
            won = Certificate.objects.filter(
                pk=certificate_id, revision=revision, state__in=RENDERABLE,
            ).update(state=Certificate.State.ISSUED, pdf=name, issued_at=timezone.now(),
                     pdf_sha256=hashlib.sha256(pdf).hexdigest(), failure_reason="",
                     updated_at=timezone.now())
            if not won:
                certificate.refresh_from_db()
                return certificate
            store_pdf(name, pdf)
            certificate.refresh_from_db()
            event(certificate, CertificateEvent.Kind.ISSUED)
            if certificate.enrollment.user.email:
                # With the issue itself: the e-mail is sent (once per revision) even if
                # this worker dies the moment it commits.
                record_effect(EMAIL_EFFECT, f"certificates:email:{certificate_id}:r{revision}",
                              {"certificate_id": certificate_id})
            transaction.on_commit(lambda: after_issue(certificate))
    except Exception as exc:
        logger.exception("certificate %s: rendering failed", certificate_id)
        if Certificate.objects.filter(pk=certificate_id, revision=revision,
                                      state__in=RENDERABLE).update(
                state=Certificate.State.FAILED, failure_reason=str(exc)[:500] or repr(exc),
                updated_at=timezone.now()):
            event(certificate, CertificateEvent.Kind.FAILED, note=str(exc))
        raise
    return certificate


def requeue_stalled_certificates(*, now: datetime.datetime | None = None,
                                 limit: int = 500) -> int:
    """Queues again certificates left pending for a quarter of an hour: their message was
    lost (a broker restarted without its data) or their worker died beyond redelivery.
    Rendering is idempotent, so a render that was merely slow costs one wasted try."""
    cutoff = (now or timezone.now()) - STALLED_AFTER
    stalled = list(Certificate.objects.filter(
        Q(render_started_at__isnull=True) | Q(render_started_at__lt=cutoff),
        state=Certificate.State.PENDING, updated_at__lt=cutoff,
    ).order_by("pk").values_list("pk", flat=True)[:limit])
    if stalled:
        logger.warning("re-queueing %d stalled certificate(s)", len(stalled))
        queue_render(stalled)
    return len(stalled)


# How long after a completion the sweep keeps looking for its missing certificate.
MISSING_WITHIN = datetime.timedelta(days=7)


def queue_missing_certificates(*, now: datetime.datetime | None = None,
                               limit: int = 500) -> int:
    """Records the issue of certificates that completions a quarter of an hour old should
    have made and have no effect for: completions from before the outbox (each completion
    now records its issue with it). Issuing is exactly-once per enrolment, and the effect
    is one per enrolment, so this costs nothing when all is well."""
    now = now or timezone.now()
    missing = list(Enrollment.objects.filter(
        state=Enrollment.State.COMPLETED, run__course__certificate_offered=True,
        completed_at__lt=now - STALLED_AFTER, completed_at__gte=now - MISSING_WITHIN,
        certificate__isnull=True,
    ).order_by("pk").values_list("pk", flat=True)[:limit])
    if missing:
        logger.warning("queueing %d missing certificate(s)", len(missing))
        for enrollment_id in missing:
            record_issue(enrollment_id)
    return len(missing)


def store_pdf(name: str, pdf: bytes) -> None:
    """Writes to the fixed path, replacing what a killed earlier attempt may have left."""
    storage = private_storage
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, ContentFile(pdf))
    if saved != name:
        storage.delete(saved)
        raise OSError(f"could not store the certificate at {name}")


def after_issue(certificate: Certificate) -> None:
    storage = private_storage
    for older in range(1, certificate.revision):
        name = pdf_name(certificate, older)
        if storage.exists(name):
            storage.delete(name)


@transaction.atomic
def reissue_certificate(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """A new snapshot (e.g. after a corrected name) and a new PDF; the code stays, so a
    printed QR code keeps working."""
    reason = require_reason(reason)
    certificate = (Certificate.objects.select_for_update()
                   .select_related("enrollment__user", "enrollment__run__course")
                   .get(pk=certificate.pk))
    enrollment = certificate.enrollment
    context = run_context(enrollment.run)
    hours = ledger_hours([enrollment]).get(enrollment.pk)
    for field, value in snapshot_fields(context, enrollment, hours).items():
        setattr(certificate, field, value)
    certificate.revision += 1
    certificate.state = Certificate.State.PENDING
    certificate.revoked_at, certificate.revoked_by, certificate.revocation_reason = None, None, ""
    certificate.failure_reason = ""
    certificate.issued_by = by
    certificate.save()
    event(certificate, CertificateEvent.Kind.REISSUE_REQUESTED, actor=by, note=reason)
    queue_render([certificate.pk])
    return certificate


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    reason = require_reason(reason)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.state == Certificate.State.REVOKED:
        return certificate
    certificate.state = Certificate.State.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    certificate.save(update_fields=["state", "revoked_at", "revoked_by", "revocation_reason",
                                    "updated_at"])
    event(certificate, CertificateEvent.Kind.REVOKED, actor=by, note=reason)
    return certificate


@transaction.atomic
def issue_for_run(*, run: CourseRun, by: User) -> CertificateBatch:
    """Certificates for every completed enrolment of a group that has none (and a new try
    for failed ones), in bulk; the renders go to the workers."""
    if not run.course.certificate_offered:
        raise Conflict(_("This course does not give certificates."),
                       code="no_certificate_offered")
    batch = CertificateBatch.objects.create(run=run, kind=CertificateBatch.Kind.ISSUE,
                                            requested_by=by)
    missing = list(run.enrollments.filter(state=Enrollment.State.COMPLETED,
                                          certificate__isnull=True).select_related("user"))
    if missing:
        context = run_context(run)
        hours = ledger_hours(missing)
        Certificate.objects.bulk_create([
            Certificate(enrollment=enrollment, code=new_code(), issued_by=by, batch=batch,
                        **snapshot_fields(context, enrollment, hours.get(enrollment.pk)))
            for enrollment in missing
        ], ignore_conflicts=True)
    Certificate.objects.filter(enrollment__run=run, state=Certificate.State.FAILED).update(
        batch=batch, state=Certificate.State.PENDING, updated_at=timezone.now())
    ids = list(Certificate.objects.filter(batch=batch).values_list("pk", flat=True))
    CertificateEvent.objects.bulk_create([
        CertificateEvent(certificate_id=pk, kind=CertificateEvent.Kind.REQUESTED, actor=by)
        for pk in ids])
    batch.total = len(ids)
    batch.save(update_fields=["total"])
    queue_render(ids)
    return batch


@transaction.atomic
def reissue_for_run(*, run: CourseRun, by: User, reason: str) -> CertificateBatch:
    reason = require_reason(reason)
    batch = CertificateBatch.objects.create(run=run, kind=CertificateBatch.Kind.REISSUE,
                                            requested_by=by, reason=reason)
    certificates = list(Certificate.objects.select_for_update(of=("self",))
                        .filter(enrollment__run=run)
                        .exclude(state=Certificate.State.PENDING)
                        .select_related("enrollment__user"))
    if certificates:
        context = run_context(run)
        hours = ledger_hours([c.enrollment for c in certificates])
        fields: set[str] = set()
        for certificate in certificates:
            values = snapshot_fields(context, certificate.enrollment,
                                     hours.get(certificate.enrollment_id))
            for field, value in values.items():
                setattr(certificate, field, value)
            fields.update(values)
            certificate.revision += 1
            certificate.state = Certificate.State.PENDING
            certificate.batch = batch
            certificate.revoked_at = certificate.revoked_by = None
            certificate.revocation_reason = certificate.failure_reason = ""
            certificate.issued_by = by
            certificate.updated_at = timezone.now()
        Certificate.objects.bulk_update(certificates, [
            *fields, "revision", "state", "batch", "revoked_at", "revoked_by",
            "revocation_reason", "failure_reason", "issued_by", "updated_at"])
        CertificateEvent.objects.bulk_create([
            CertificateEvent(certificate=c, kind=CertificateEvent.Kind.REISSUE_REQUESTED,
                             actor=by, revision=c.revision, note=reason)
            for c in certificates])
    batch.total = len(certificates)
    batch.save(update_fields=["total"])
    queue_render([c.pk for c in certificates])
    return batch


@transaction.atomic
def revoke_for_run(*, run: CourseRun, by: User, reason: str) -> int:
    reason = require_reason(reason)
    certificates = Certificate.objects.filter(enrollment__run=run).exclude(
        state=Certificate.State.REVOKED)
    ids = list(certificates.values_list("pk", flat=True))
    now = timezone.now()
    Certificate.objects.filter(pk__in=ids).update(
        state=Certificate.State.REVOKED, revoked_at=now, revoked_by=by,
        revocation_reason=reason, updated_at=now)
    CertificateEvent.objects.bulk_create([
        CertificateEvent(certificate_id=pk, kind=CertificateEvent.Kind.REVOKED, actor=by,
                         note=reason) for pk in ids])
    return len(ids)
