"""What Kopā holds about a person's enrolments and memberships, for export and erasure.
Enrolments stay (funders count them) but lose the person's own words; memberships and
the facts kept for funders are deleted."""

from courses.models import Enrollment, EnrollmentEvent
from organisations.models import LoginCode, Participant


def export_enrollments(user) -> dict:
    enrollments = Enrollment.objects.filter(user=user).select_related("run__course")
    events = {}
    for event in EnrollmentEvent.objects.filter(enrollment__user=user).order_by("at", "pk"):
        events.setdefault(event.enrollment_id, []).append(
            {"what": event.kind, "when": event.at.isoformat(), "note": event.note})
    return {"enrolments": [{
        "course": enrollment.run.course.title, "group": enrollment.run.title,
        "state": enrollment.state, "how": enrollment.method,
        "enrolled": enrollment.created_at.isoformat(),
        "withdrawal_reason": enrollment.withdrawal_reason,
        "history": events.get(enrollment.pk, []),
    } for enrollment in enrollments]}


def erase_enrollments(user) -> None:
    Enrollment.objects.filter(user=user).update(withdrawal_reason="")
    EnrollmentEvent.objects.filter(enrollment__user=user).update(note="")


def export_memberships(user) -> dict:
    return {"memberships": [{
        "organisation": participant.organisation.name,
        "country_of_citizenship": participant.citizenship, "region": participant.region,
        "gender": participant.gender, "birth_year": participant.birth_year,
        "added": participant.created_at.isoformat(),
    } for participant in Participant.objects.filter(user=user).select_related("organisation")]}


def erase_memberships(user) -> None:
    Participant.objects.filter(user=user).delete()
    LoginCode.objects.filter(user=user).delete()
    user.coordinated_organisations.clear()
