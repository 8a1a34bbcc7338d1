"""A certificate's snapshot names a person, so it is part of their data export and erasure.

Erasure policy: the certificates are revoked, the name is removed from the snapshot and the
PDFs are deleted. A certificate that still verified as valid would go on naming the person
through its code; a revoked one without a name tells a checker only that the code once
existed. Course, hours and dates stay, because funders count completions."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate, CertificateEvent
from certificates.storage import private_storage


def export_certificates(user: User) -> dict[str, object]:
    certificates = (Certificate.objects.filter(enrollment__user=user)
                    .order_by("created_at", "pk"))
    return {"certificates": [{
        "code": certificate.display_code,
        "state": certificate.state,
        "name": certificate.holder_name,
        "course": certificate.course_title,
        "hours_total": str(certificate.hours_total),
        "hours_attended": (str(certificate.hours_attended)
                           if certificate.hours_attended is not None else None),
        "from": certificate.starts_on.isoformat(),
        "until": certificate.ends_on.isoformat(),
        "completed_on": certificate.completed_on.isoformat(),
        "place": certificate.place,
        "issuer": certificate.issuer,
        "issued_at": certificate.issued_at.isoformat() if certificate.issued_at else None,
        "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
    } for certificate in certificates]}


@transaction.atomic
def erase_certificates(user: User) -> None:
    certificates = list(Certificate.objects.select_for_update()
                        .filter(enrollment__user=user))
    now = timezone.now()
    names = []
    for certificate in certificates:
        if certificate.pdf:
            names.append(certificate.pdf.name)
        if certificate.state != Certificate.State.REVOKED:
            certificate.revoked_at = now
        certificate.state = Certificate.State.REVOKED
        certificate.revocation_reason = "personal data erased"
        certificate.holder_name = ""
        certificate.pdf = ""
        certificate.pdf_sha256 = ""
        certificate.failure_reason = ""
        snapshot = dict(certificate.snapshot)
        snapshot.pop("run_title", None)
        certificate.snapshot = snapshot
        certificate.save()
        CertificateEvent.objects.create(certificate=certificate,
                                        kind=CertificateEvent.Kind.ERASED,
                                        revision=certificate.revision)

    def delete_files() -> None:
        storage = private_storage
        for name in names:
            if storage.exists(name):
                storage.delete(name)

    transaction.on_commit(delete_files)
