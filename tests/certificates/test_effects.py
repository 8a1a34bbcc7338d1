"""Certificates through the outbox: the completion records its certificate's issue in the
same transaction; an issue that fails (storage or database) is tried again by the sweep
until the certificate is issued, once; its e-mail goes out once per revision."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate
from cms.models import Effect
from cms.services import deliver_effect, queue_due_effects
from courses import registry
from courses.registry import CompletionCriterion, CriterionResult
from courses.services import check_completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules_met():
    saved = dict(registry._criteria)
    registry._criteria.clear()
    registry.register_completion_criterion(CompletionCriterion(
        key="test", evaluate=lambda e: CriterionResult(key="test", met=True, label="test")))
    yield
    registry._criteria.clear()
    registry._criteria.update(saved)


def test_the_certificate_is_recorded_with_the_completion_and_undone_with_it(enrollment,
                                                                            rules_met):
    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        assert check_completion(enrollment_id=enrollment.pk)
        assert Effect.objects.filter(key=f"certificates:issue:{enrollment.pk}").exists()
        raise Undone
    assert not Effect.objects.filter(kind="certificates.issue").exists()
    check_completion(enrollment_id=enrollment.pk)
    assert Effect.objects.get(kind="certificates.issue").args == {
        "enrollment_id": enrollment.pk}


def test_an_issue_that_fails_is_tried_again_until_issued_once(enrollment, rules_met,
                                                               settings, tmp_path):
    check_completion(enrollment_id=enrollment.pk)
    effect = Effect.objects.get(kind="certificates.issue")
    # The private storage cannot be written (its folder is a file): a real OSError.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    good = settings.STORAGES["private"]
    settings.STORAGES = {**settings.STORAGES, "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(blocked), "base_url": None}}}
    assert deliver_effect(effect_id=effect.pk) is False
    effect.refresh_from_db()
    assert effect.delivered_at is None and effect.attempts == 1
    assert Certificate.objects.get().state == Certificate.State.FAILED
    settings.STORAGES = {**settings.STORAGES, "private": good}
    Effect.objects.filter(pk=effect.pk).update(
        next_try_at=timezone.now() - datetime.timedelta(seconds=1))
    assert queue_due_effects() >= 1
    certificate = Certificate.objects.get()
    assert certificate.state == Certificate.State.ISSUED and certificate.attempts == 2
    effect.refresh_from_db()
    assert effect.delivered_at is not None


def test_the_certificate_email_is_an_effect_sent_once_however_often_delivered(
        enrollment, rules_met):
    check_completion(enrollment_id=enrollment.pk)
    deliver_effect(effect_id=Effect.objects.get(kind="certificates.issue").pk)
    certificate = Certificate.objects.get()
    email = Effect.objects.get(kind="certificates.email")
    assert email.key == f"certificates:email:{certificate.pk}:r1"
    assert mail.outbox == []  # recorded with the issue, sent by the worker
    assert deliver_effect(effect_id=email.pk) is True
    # The worker died before the effect was marked: the certificate's own mark holds.
    Effect.objects.filter(pk=email.pk).update(delivered_at=None)
    assert deliver_effect(effect_id=email.pk) is True
    assert [m.to for m in mail.outbox] == [[enrollment.user.email]]
