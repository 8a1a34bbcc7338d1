"""Reads about certificates that several callers share."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from certificates.codes import MalformedCode, normalise_code
from certificates.models import Certificate, CertificateBatch
from courses.models import SEAT_STATES, CourseRun, Enrollment
from courses.registry import CriterionResult
from courses.selectors.completion import completion_status_many


def certificates_for_run(run_id: int, user_ids: list[int] | None = None
                         ) -> QuerySet[Certificate]:
    """A group's certificates that have a PDF (issued or revoked), optionally only those of
    some people — e.g. an organisation's coordinator asks for their participants."""
    certificates = (Certificate.objects.filter(enrollment__run_id=run_id)
                    .exclude(pdf="").select_related("enrollment__user")
                    .order_by("holder_name", "pk"))
    if user_ids is not None:
        certificates = certificates.filter(enrollment__user_id__in=user_ids)
    return certificates


def certificates_of_user(user: User) -> QuerySet[Certificate]:
    """A learner's own certificates that are issued or being prepared."""
    return (Certificate.objects.filter(enrollment__user=user)
            .exclude(state=Certificate.State.FAILED)
            .select_related("enrollment__run").order_by("-created_at", "-pk"))


@dataclass(frozen=True)
class Verification:
    status: str  # "valid", "revoked", "unknown" or "malformed"
    certificate: Certificate | None = None


def verify(text: str) -> Verification:
    try:
        code = normalise_code(text)
    except MalformedCode:
        return Verification(status="malformed")
    certificate = (Certificate.objects.filter(code=code)
                   .only("code", "state", "holder_name", "course_title", "hours_total",
                         "hours_attended", "completed_on", "issued_at", "issuer",
                         "revoked_at")
                   .first())
    if certificate is None or certificate.state in (Certificate.State.PENDING,
                                                    Certificate.State.FAILED):
        return Verification(status="unknown")
    if certificate.state == Certificate.State.REVOKED:
        return Verification(status="revoked", certificate=certificate)
    return Verification(status="valid", certificate=certificate)


def run_overview(run: CourseRun) -> list[Enrollment]:
    """Every enrolment of a group that holds or held a seat, with its certificate (if any),
    in one query."""
    return list(run.enrollments.filter(
        state__in=SEAT_STATES)
        .select_related("user", "certificate").order_by("user__last_name", "user__first_name",
                                                        "pk"))


def runs_with_counts(runs: QuerySet[CourseRun]) -> QuerySet[CourseRun]:
    completed = Q(enrollments__state=Enrollment.State.COMPLETED)
    return (runs.select_related("course").annotate(
        completed_count=Count("enrollments", filter=completed, distinct=True),
        issued_count=Count("enrollments__certificate",
                           filter=Q(enrollments__certificate__state=Certificate.State.ISSUED),
                           distinct=True),
        pending_count=Count("enrollments__certificate",
                            filter=Q(enrollments__certificate__state__in=[
                                Certificate.State.PENDING, Certificate.State.FAILED]),
                            distinct=True),
    ).order_by("-starts_on", "pk"))


@dataclass(frozen=True)
class BatchProgress:
    batch: CertificateBatch
    done: int
    failed: int

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.batch.total

    @property
    def percent(self) -> int:
        return 100 if not self.batch.total else round(100 * self.done / self.batch.total)


def batch_progress(batch: CertificateBatch) -> BatchProgress:
    counts = batch.certificates.aggregate(
        done=Count("pk", filter=Q(state__in=[Certificate.State.ISSUED,
                                             Certificate.State.REVOKED])),
        failed=Count("pk", filter=Q(state=Certificate.State.FAILED)))
    return BatchProgress(batch=batch, done=counts["done"], failed=counts["failed"])


def latest_batch(run: CourseRun) -> BatchProgress | None:
    batch = run.certificate_batches.first()
    return batch_progress(batch) if batch else None


@dataclass(frozen=True)
class LearnerCourse:
    enrollment: Enrollment
    certificate: Certificate | None
    left: list[CriterionResult]  # not yet met


def learner_courses(user: User) -> list[LearnerCourse]:
    """For `/my/`: each current or completed enrolment, its certificate, and what is left to
    complete it."""
    enrollments = list(Enrollment.objects.filter(user=user, state__in=SEAT_STATES)
        .select_related("run__course", "certificate").order_by("-created_at", "pk"))
    statuses = completion_status_many(
        [e for e in enrollments if e.state == Enrollment.State.ACTIVE])
    courses = []
    for enrollment in enrollments:
        certificate = getattr(enrollment, "certificate", None)
        left = [result for result in statuses.get(enrollment.pk, []) if not result.met]
        courses.append(LearnerCourse(enrollment=enrollment, certificate=certificate,
                                     left=left))
    return courses
