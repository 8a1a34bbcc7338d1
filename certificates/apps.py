import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def dashboard_context(request) -> dict | None:
    from certificates.selectors import learner_courses

    courses = learner_courses(request.user)
    return {"courses": courses} if courses else None


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        # WeasyPrint logs every rendering step at INFO (some on import); a bulk issue would
        # flood the worker's log.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
        from accounts.registry import (
            register_dashboard_panel,
            register_personal_data,
            register_role_setup,
        )
        from certificates.permissions import grant_role_permissions
        from certificates.services import erase_certificates, export_certificates
        from certificates.services.issuing import (
            EMAIL_EFFECT,
            ISSUE_EFFECT,
            issue_certificate,
            record_issue,
        )
        from certificates.services.mail import send_certificate_email
        from cms.registry import register_effect
        from courses.registry import on_enrollment_completed

        on_enrollment_completed("certificates", record_issue)
        register_effect(ISSUE_EFFECT, issue_certificate)
        register_effect(EMAIL_EFFECT, send_certificate_email)
        register_role_setup("certificates", grant_role_permissions)
        register_personal_data("certificates", export=export_certificates,
                               erase=erase_certificates)
        register_dashboard_panel("certificates", template="certificates/dashboard_panel.html",
                                 context=dashboard_context, order=50)
