"""A certificate whose render message was lost is queued again by the housekeeping task,
and only once it has clearly stalled."""

import datetime

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_stalled_pending_certificates_are_rendered_again(completed,
                                                          django_capture_on_commit_callbacks):
    # Requested, but the render task never ran (its message was lost).
    certificate = services.request_certificate(enrollment=completed, queue=False)
    assert certificate.state == Certificate.State.PENDING
    assert services.requeue_stalled_certificates() == 0  # too early to call it stalled

    later = timezone.now() + services.issuing.STALLED_AFTER + datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stalled_certificates(now=later) == 1
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED and certificate.pdf
    assert services.requeue_stalled_certificates(now=later) == 0


def test_a_render_in_progress_is_not_disturbed(completed):
    certificate = services.request_certificate(enrollment=completed, queue=False)
    now = timezone.now() + datetime.timedelta(minutes=20)
    Certificate.objects.filter(pk=certificate.pk).update(
        render_started_at=now - datetime.timedelta(minutes=1))
    assert services.requeue_stalled_certificates(now=now) == 0


def test_a_completion_whose_issue_message_was_lost_gets_its_certificate(
        completed, django_capture_on_commit_callbacks):
    """The enrolment completed, but the issue task never ran (the broker was down, or the
    task failed while the database was): no certificate row at all. The sweep issues it."""
    assert not Certificate.objects.filter(enrollment=completed).exists()
    assert services.queue_missing_certificates() == 0  # too early: the task may be on its way
    later = timezone.now() + services.issuing.STALLED_AFTER + datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_missing_certificates(now=later) == 1
    certificate = Certificate.objects.get(enrollment=completed)
    assert certificate.state == Certificate.State.ISSUED
    assert services.queue_missing_certificates(now=later) == 0
