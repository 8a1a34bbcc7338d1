"""Warnings raised when a learner's attendance so far falls below the course's level, and
resolved when it recovers; teachers hear of a new one once, by e-mail where they have one."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from attendance.models import AttendanceWarning
from attendance.selectors.figures import run_figures
from courses.models import CourseRun


@transaction.atomic
def refresh_warnings(*, run_id: int, now=None) -> list[AttendanceWarning]:
    """Idempotent; returns the warnings newly raised."""
    now = now or timezone.now()
    figures = {f.enrollment_id: f for f in run_figures(run_id, now=now)}
    current = {w.enrollment_id: w for w in
               AttendanceWarning.objects.select_for_update()
               .filter(enrollment__run_id=run_id)}
    raised, changed, created = [], [], []
    for enrollment_id, figure in figures.items():
        warning = current.get(enrollment_id)
        if figure.warning:
            if warning is None:
                warning = AttendanceWarning(enrollment_id=enrollment_id,
                                            percent=figure.percent_so_far, raised_at=now)
                created.append(warning)
                raised.append(warning)
            elif warning.resolved_at is not None:
                warning.resolved_at, warning.raised_at = None, now
                warning.percent = figure.percent_so_far
                changed.append(warning)
                raised.append(warning)
            elif warning.percent != figure.percent_so_far:
                warning.percent = figure.percent_so_far
                changed.append(warning)
        elif warning is not None and warning.resolved_at is None:
            warning.resolved_at = now
            warning.percent = figure.percent_so_far or 0
            changed.append(warning)
    AttendanceWarning.objects.bulk_create(created)
    AttendanceWarning.objects.bulk_update(changed, ["percent", "raised_at", "resolved_at"])
    if raised:
        names = [figures[w.enrollment_id].name for w in raised]
        transaction.on_commit(lambda: tell_teachers(run_id=run_id, names=names))
    return raised


def tell_teachers(*, run_id: int, names: list[str]) -> None:
    run = CourseRun.objects.get(pk=run_id)
    for teacher in run.teachers.exclude(email__isnull=True):
        with translation.override(teacher.preferred_language):
            send_mail(
                subject=_("Attendance below the level: %(group)s") % {"group": run.title},
                message=_("These learners' attendance so far is below the course's level:\n"
                          "%(names)s\n\nSee the group's attendance in Kopā: %(url)s") % {
                    "names": "\n".join(f"- {name}" for name in names),
                    "url": f"{settings.KOPA_BASE_URL}/attendance/runs/{run_id}/"},
                from_email=None, recipient_list=[teacher.email], fail_silently=True)
