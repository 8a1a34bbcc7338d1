"""A person's attendance in their data export, and what erasure removes: free-text notes
and calendar addresses. The marks stay, unnamed once the account is anonymised, because
funders audit the hours delivered."""

from django.db import transaction

from accounts.models import User
from attendance.models import AttendanceMark, AttendanceMarkChange, AttendanceWarning, CalendarFeed


def export_attendance(user: User) -> dict[str, object]:
    marks = (AttendanceMark.objects.filter(enrollment__user=user)
             .select_related("session__run").order_by("session__starts_at"))
    return {
        "marks": [{
            "group": mark.session.run.title,
            "session_starts_at": mark.session.starts_at.isoformat(),
            "academic_hours": str(mark.session.academic_hours),
            "status": mark.status,
            "how": mark.method,
            "note": mark.note,
            "marked_at": mark.marked_at.isoformat(),
        } for mark in marks],
        "calendar_feeds": CalendarFeed.objects.filter(user=user).count(),
    }


@transaction.atomic
def erase_attendance(user: User) -> None:
    AttendanceMark.objects.filter(enrollment__user=user).update(note="")
    AttendanceMarkChange.objects.filter(mark__enrollment__user=user).update(note="")
    AttendanceWarning.objects.filter(enrollment__user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
