from celery import shared_task

from certificates import services


@shared_task(name="certificates.issue_certificate")
def issue_certificate_task(enrollment_id: int) -> None:
    services.issue_certificate(enrollment_id=enrollment_id)


# Errors are retried with growing pauses; each try either finishes the job or leaves the
# certificate "failed" for the admin to see, never a second row or file.
@shared_task(name="certificates.render_certificate", autoretry_for=(Exception,),
             retry_backoff=5, retry_backoff_max=300, max_retries=5)
def render_certificate_task(certificate_id: int) -> None:
    services.render_certificate(certificate_id=certificate_id)


@shared_task(name="certificates.send_certificate_email", autoretry_for=(OSError,),
             retry_backoff=30, max_retries=5)
def send_certificate_email_task(certificate_id: int) -> None:
    services.send_certificate_email(certificate_id=certificate_id)


@shared_task(name="certificates.requeue_stalled_certificates")
def requeue_stalled_certificates_task() -> int:
    """Both ways a certificate's message can be lost: after its row (pending) or before."""
    return (services.requeue_stalled_certificates()
            + services.queue_missing_certificates())
