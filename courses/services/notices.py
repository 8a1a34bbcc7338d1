"""E-mails about a person's place in a group (enrolled, waiting, moved up, withdrawn), in
the person's own language. Sent by a task after the change commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from courses.models import EnrollmentEvent


def send_enrolment_notices(*, event_ids: list[int]) -> int:
    """Idempotent: each event is claimed (notified_at set) before its e-mail goes out, so a
    redelivered task sends nothing twice; when the mail server fails, the claim is given
    back and the error raised, so the task's retry sends it later. Returns how many
    e-mails were sent."""
    events = (EnrollmentEvent.objects.filter(pk__in=event_ids, notified_at__isnull=True)
              .select_related("enrollment__user", "enrollment__run__course"))
    sent = 0
    for event in events:
        user = event.enrollment.user
        claimed = EnrollmentEvent.objects.filter(pk=event.pk, notified_at__isnull=True).update(
            notified_at=timezone.now())
        if not claimed or not user.email or not user.is_active:
            continue
        context = {"user": user, "run": event.enrollment.run, "event": event,
                   "enrollment": event.enrollment, "base_url": settings.KOPA_BASE_URL}
        with translation.override(user.preferred_language):
            # The course as the person reads it: its translation where one exists.
            context["course_title"] = event.enrollment.run.course.localized.title
            subject = render_to_string(f"courses/emails/{event.kind}_subject.txt",
                                       context).strip()
            body = render_to_string(f"courses/emails/{event.kind}.txt", context)
        try:
            send_mail(subject, body, None, [user.email])
        except Exception:
            EnrollmentEvent.objects.filter(pk=event.pk).update(notified_at=None)
            raise
        sent += 1
    return sent
