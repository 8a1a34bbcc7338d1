"""The e-mail a learner gets when a certificate is issued: in their language, with the
verification link and the PDF attached."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from certificates.models import Certificate, CertificateEvent
from certificates.rendering import verification_url


@transaction.atomic
def send_certificate_email(*, certificate_id: int) -> bool:
    """Sends once per revision: the row lock and `emailed_revision` stop a second send when
    the task runs twice. Returns whether a message went out."""
    certificate = (Certificate.objects.select_for_update(of=("self",))
                   .select_related("enrollment__user").filter(pk=certificate_id).first())
    if (certificate is None or certificate.state != Certificate.State.ISSUED
            or certificate.emailed_revision >= certificate.revision):
        return False
    user = certificate.enrollment.user
    if not user.email:
        return False
    base = settings.KOPA_BASE_URL.rstrip("/")
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "name": certificate.holder_name,
            "course": certificate.course_title_translated or certificate.course_title,
            "code": certificate.display_code,
            "verify_url": base + reverse("certificates:verify_code",
                                         kwargs={"code": certificate.display_code}),
            "my_url": base + reverse("accounts:dashboard"),
        }
        subject = _("Your certificate: %(course)s") % {"course": context["course"]}
        body = render_to_string("certificates/email/issued.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    with certificate.pdf.open("rb") as handle:
        message.attach(f"{certificate.display_code}.pdf", handle.read(), "application/pdf")
    message.send()
    certificate.emailed_revision = certificate.revision
    certificate.save(update_fields=["emailed_revision"])
    CertificateEvent.objects.create(certificate=certificate, kind=CertificateEvent.Kind.EMAILED,
                                    revision=certificate.revision)
    return True


__all__ = ["send_certificate_email", "verification_url"]
