"""Writes about certificates, split by concern: issuing and rendering, e-mail, personal data,
and the teacher's sign-off (which courses owns; this checks who may give it)."""

from certificates.services.issuing import (
    issue_certificate,
    issue_for_run,
    queue_missing_certificates,
    reissue_certificate,
    reissue_for_run,
    render_certificate,
    request_certificate,
    requeue_stalled_certificates,
    revoke_certificate,
    revoke_for_run,
)
from certificates.services.mail import send_certificate_email
from certificates.services.personal_data import erase_certificates, export_certificates
from certificates.services.signoff import sign_off_enrollment

__all__ = [
    "erase_certificates",
    "export_certificates",
    "issue_certificate",
    "issue_for_run",
    "queue_missing_certificates",
    "reissue_certificate",
    "reissue_for_run",
    "render_certificate",
    "request_certificate",
    "requeue_stalled_certificates",
    "revoke_certificate",
    "revoke_for_run",
    "send_certificate_email",
    "sign_off_enrollment",
]
