"""Completion issues a certificate with no learner action, exactly once in effect."""

import pytest
from django.core.files.storage import storages
from django.db import IntegrityError, transaction

from certificates import services
from certificates.factories import CertificateFactory, CompletedEnrollmentFactory
from certificates.models import Certificate, CertificateEvent
from courses import registry
from courses.registry import CompletionCriterion, CriterionResult
from courses.services import check_completion

pytestmark = pytest.mark.django_db


def pdf_files() -> list[str]:
    storage = storages["private"]
    found = []
    for folder in storage.listdir("certificates")[0] if storage.exists("certificates") else []:
        found += storage.listdir(f"certificates/{folder}")[1]
    return found


@pytest.fixture
def rules_met():
    saved = dict(registry._criteria)
    registry._criteria.clear()
    registry.register_completion_criterion(CompletionCriterion(
        key="test", evaluate=lambda e: CriterionResult(key="test", met=True, label="test")))
    yield
    registry._criteria.clear()
    registry._criteria.update(saved)


def test_completing_a_course_issues_the_certificate_without_learner_action(
        enrollment, rules_met, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        check_completion(enrollment_id=enrollment.pk)
    # The listener's task ran (eagerly) after commit, and queued its own follow-ups.
    while callbacks:
        pending = list(callbacks)
        callbacks.clear()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            for callback in pending:
                callback()
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.state == Certificate.State.ISSUED
    assert certificate.pdf.name.endswith(f"{certificate.code}-r1.pdf")
    assert storages["private"].exists(certificate.pdf.name)
    assert certificate.issued_by is None


def test_issuing_twice_leaves_one_certificate_and_one_pdf(completed, issue):
    first = issue(completed)
    second = issue(completed)
    assert first.pk == second.pk and second.state == Certificate.State.ISSUED
    assert Certificate.objects.filter(enrollment=completed).count() == 1
    assert len(pdf_files()) == 1
    assert second.attempts == 1


def test_rendering_twice_renders_once(completed, issue):
    certificate = issue(completed)
    services.render_certificate(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.attempts == 1 and len(pdf_files()) == 1


def test_a_failed_render_is_recorded_and_a_retry_issues_exactly_one(completed, settings,
                                                                    tmp_path, issue):
    # The private storage cannot be written: its folder is a file.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    good = settings.STORAGES["private"]
    settings.STORAGES = {**settings.STORAGES, "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(blocked), "base_url": None}}}
    with pytest.raises(OSError):
        services.issue_certificate(enrollment_id=completed.pk)
    certificate = Certificate.objects.get(enrollment=completed)
    assert certificate.state == Certificate.State.FAILED
    assert certificate.failure_reason and not certificate.pdf
    assert certificate.events.filter(kind=CertificateEvent.Kind.FAILED).count() == 1

    settings.STORAGES = {**settings.STORAGES, "private": good}
    retried = issue(completed)
    assert retried.pk == certificate.pk and retried.state == Certificate.State.ISSUED
    assert retried.attempts == 2 and retried.failure_reason == ""
    assert Certificate.objects.count() == 1 and len(pdf_files()) == 1


def test_the_database_allows_one_certificate_per_enrolment(completed):
    CertificateFactory(enrollment=completed)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateFactory(enrollment=completed)


def test_an_enrolment_not_yet_completed_gets_no_certificate(enrollment):
    assert services.issue_certificate(enrollment_id=enrollment.pk) is None
    assert not Certificate.objects.exists()


def test_a_course_without_certificates_issues_none(completed):
    course = completed.run.course
    course.certificate_offered = False
    course.save()
    assert services.issue_certificate(enrollment_id=completed.pk) is None


def test_later_profile_changes_do_not_change_an_issued_certificate(completed, issue):
    certificate = issue(completed)
    digest, name = certificate.pdf_sha256, completed.user.name
    user = completed.user
    user.display_name = "Somebody Else"
    user.save()
    course = completed.run.course
    course.title = "Renamed"
    course.save()
    issue(completed)
    certificate.refresh_from_db()
    assert certificate.holder_name == name
    assert certificate.course_title == "Integrācijas kurss"
    assert certificate.pdf_sha256 == digest


def test_reissue_takes_a_new_snapshot_keeps_the_code_and_replaces_the_pdf(
        completed, issue, teacher, django_capture_on_commit_callbacks):
    certificate = issue(completed)
    old_name = certificate.pdf.name
    completed.user.display_name = "Anna Bērziņa-Ozola"
    completed.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.reissue_certificate(certificate=certificate, by=teacher,
                                     reason="Surname changed")
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED and certificate.revision == 2
    assert certificate.holder_name == "Anna Bērziņa-Ozola"
    assert not storages["private"].exists(old_name)
    assert pdf_files() == [certificate.pdf.name.rsplit("/", 1)[1]]
    assert certificate.events.filter(kind="reissue", note="Surname changed").exists()


def test_reissue_and_revoke_need_a_reason(completed, issue, teacher):
    from cms.errors import KopaError

    certificate = issue(completed)
    with pytest.raises(KopaError):
        services.revoke_certificate(certificate=certificate, by=teacher, reason="  ")
    with pytest.raises(KopaError):
        services.reissue_certificate(certificate=certificate, by=teacher, reason="")


def test_a_revoked_certificate_is_not_rendered_again(completed, issue, teacher):
    certificate = issue(completed)
    services.revoke_certificate(certificate=certificate, by=teacher, reason="Issued by mistake")
    services.render_certificate(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.REVOKED
    assert certificate.revocation_reason == "Issued by mistake" and certificate.attempts == 1


def test_bulk_issue_covers_every_completed_learner_once(run, teacher, make_user,
                                                       django_capture_on_commit_callbacks):
    done = [CompletedEnrollmentFactory(run=run, user=make_user()) for _ in range(3)]
    CertificateFactory(enrollment=done[0])  # already has one (pending)
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.issue_for_run(run=run, by=teacher)
    assert batch.total == 2
    with django_capture_on_commit_callbacks(execute=True):
        again = services.issue_for_run(run=run, by=teacher)
    assert again.total == 0
    assert Certificate.objects.filter(enrollment__run=run).count() == 3
    assert Certificate.objects.filter(state="issued", batch=batch).count() == 2


def test_bulk_reissue_and_revoke_of_a_group(run, teacher, make_user,
                                           django_capture_on_commit_callbacks):
    for _ in range(2):
        CompletedEnrollmentFactory(run=run, user=make_user())
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_for_run(run=run, by=teacher)
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.reissue_for_run(run=run, by=teacher, reason="New signatory")
    assert batch.total == 2
    assert set(Certificate.objects.values_list("state", "revision")) == {("issued", 2)}
    assert len(pdf_files()) == 2
    assert services.revoke_for_run(run=run, by=teacher, reason="Group cancelled") == 2
    assert set(Certificate.objects.values_list("state", flat=True)) == {"revoked"}
