"""E-mails about a person's place in a group (enrolled, waiting, moved up, withdrawn), in
the person's own language. Recorded with the change (an outbox effect) and sent by the
worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from courses.models import EnrollmentEvent


def send_enrolment_notices(*, event_ids: list[int]) -> int:
    """The outbox's handler: each event's e-mail is sent, then the event marked notified
    with a conditional UPDATE. At least once: a worker killed between the two sends it
    again on the next try; otherwise once, for a marked event is never sent. A mail server
    that fails raises, and the effect is tried again for the events not yet marked.
    Returns how many e-mails were sent."""
    events = (EnrollmentEvent.objects.filter(pk__in=event_ids, notified_at__isnull=True)
              .select_related("enrollment__user", "enrollment__run__course").order_by("pk"))
    sent = 0
    for event in events:
        user = event.enrollment.user
        if user.email and user.is_active:
            send_mail(*_message(event), None, [user.email])
            sent += 1
        EnrollmentEvent.objects.filter(pk=event.pk, notified_at__isnull=True).update(
            notified_at=timezone.now())
    return sent


def _message(event: EnrollmentEvent) -> tuple[str, str]:
    user = event.enrollment.user
    context = {"user": user, "run": event.enrollment.run, "event": event,
               "enrollment": event.enrollment, "base_url": settings.KOPA_BASE_URL}
    with translation.override(user.preferred_language):
        # The course as the person reads it: its translation where one exists.
        context["course_title"] = event.enrollment.run.course.localized.title
        subject = render_to_string(f"courses/emails/{event.kind}_subject.txt",
                                   context).strip()
        body = render_to_string(f"courses/emails/{event.kind}.txt", context)
    return subject, body
