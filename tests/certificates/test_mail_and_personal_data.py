"""The learner hears of a new certificate by e-mail in their language, once; a person's
certificates are part of their data export, and erasure revokes and forgets them."""

import pytest
from django.core import mail
from django.core.files.storage import storages

from accounts.services import erase_personal_data, export_personal_data
from certificates import services
from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_an_issued_certificate_is_emailed_once_in_the_learners_language(run, make_user, issue):
    user = make_user(email="olena@example.lv", preferred_language="uk")
    certificate = issue(CompletedEnrollmentFactory(run=run, user=user))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@example.lv"]
    assert f"/uk/verify/{certificate.display_code}/" in message.body
    assert "Вітаємо" in message.body
    assert message.attachments[0][0] == f"{certificate.display_code}.pdf"
    services.send_certificate_email(certificate_id=certificate.pk)
    assert len(mail.outbox) == 1


def test_a_learner_without_email_gets_no_message(run, learner_without_email, issue):
    issue(CompletedEnrollmentFactory(run=run, user=learner_without_email))
    assert mail.outbox == []


def test_the_data_export_lists_the_persons_certificates(completed, issue):
    certificate = issue(completed)
    exported = export_personal_data(user=completed.user)["certificates"]["certificates"]
    assert exported[0]["code"] == certificate.display_code
    assert exported[0]["name"] == certificate.holder_name


def test_erasure_revokes_forgets_the_name_and_deletes_the_pdf(client, completed, issue,
                                                             django_capture_on_commit_callbacks):
    certificate = issue(completed)
    name = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(user=completed.user)
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.REVOKED
    assert certificate.holder_name == "" and not certificate.pdf
    assert not storages["private"].exists(name)
    page = client.get(f"/en/verify/{certificate.display_code}/").content.decode()
    assert "has been revoked" in page
