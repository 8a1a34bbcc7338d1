"""Warnings raised when a learner's attendance so far falls below the course's level, and
resolved when it recovers; teachers, and coordinators of the learner's organisation, hear
of a new one once, by e-mail where they have one."""

import datetime
import operator
from functools import reduce

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from attendance.models import AttendanceWarning
from attendance.selectors.coordinators import coordinators_of_people
from attendance.selectors.figures import run_figures
from cms.services import record_effect
from courses.models import CourseRun

WARNINGS_EFFECT = "attendance.warning_notices"


@transaction.atomic
def refresh_warnings(*, run_id: int,
                     now: datetime.datetime | None = None) -> list[AttendanceWarning]:
    """Idempotent; returns the warnings newly raised."""
    now = now or timezone.now()
    figures = {f.enrollment_id: f for f in run_figures(run_id, now=now)}
    current = {w.enrollment_id: w for w in
               AttendanceWarning.objects.select_for_update()
               .filter(enrollment__run_id=run_id)}
    raised: list[AttendanceWarning] = []
    changed: list[AttendanceWarning] = []
    created: list[AttendanceWarning] = []
    for enrollment_id, figure in figures.items():
        warning = current.get(enrollment_id)
        so_far = figure.percent_so_far
        if figure.warning and so_far is not None:  # a warning always has a share so far
            if warning is None:
                warning = AttendanceWarning(enrollment_id=enrollment_id,
                                            percent=so_far, raised_at=now)
                created.append(warning)
                raised.append(warning)
            elif warning.resolved_at is not None:
                warning.resolved_at, warning.raised_at, warning.notified_at = None, now, None
                warning.percent = so_far
                changed.append(warning)
                raised.append(warning)
            elif warning.percent != so_far:
                warning.percent = so_far
                changed.append(warning)
        elif warning is not None and warning.resolved_at is None:
            warning.resolved_at = now
            warning.percent = so_far or 0
            changed.append(warning)
    AttendanceWarning.objects.bulk_create(created)
    AttendanceWarning.objects.bulk_update(changed, ["percent", "raised_at", "resolved_at",
                                                    "notified_at"])
    if raised:
        # Recorded with the warnings: the e-mails follow even if the broker or the mail
        # server is down now. A warning is raised once per `raised_at`, so its id and that
        # time name the batch.
        first = min(w.pk for w in raised)
        record_effect(WARNINGS_EFFECT, f"attendance:warnings:{first}:{now.timestamp()}",
                      {"enrollment_ids": [w.enrollment_id for w in raised]})
    return raised


def send_warning_notices(*, enrollment_ids: list[int],
                         now: datetime.datetime | None = None) -> int:
    """The outbox's handler: e-mails about newly raised warnings, each person's in their
    own language: the group's teachers hear of everyone, each coordinator of their own
    organisation's people in groups open to it; someone who both teaches the group and
    coordinates gets the teacher's e-mail only. A group's warnings are marked notified
    (a conditional UPDATE) once its e-mails have gone, so a marked warning is never told
    again and one whose e-mails failed is told on the next try. Returns how many e-mails
    went out."""
    by_run: dict[int, list[AttendanceWarning]] = {}
    for warning in (AttendanceWarning.objects
                    .filter(enrollment_id__in=enrollment_ids, resolved_at__isnull=True,
                            notified_at__isnull=True)
                    .select_related("enrollment__user")):
        by_run.setdefault(warning.enrollment.run_id, []).append(warning)
    sent = 0
    for run_id, warnings in by_run.items():
        sent += _tell_run(CourseRun.objects.get(pk=run_id), warnings)
        # Only as raised when read: one resolved and raised again meanwhile is told anew.
        told = reduce(operator.or_, (Q(pk=w.pk, raised_at=w.raised_at) for w in warnings))
        AttendanceWarning.objects.filter(told, notified_at__isnull=True).update(
            notified_at=now or timezone.now())
    return sent


def _tell_run(run: CourseRun, warnings: list[AttendanceWarning]) -> int:
    people = {w.enrollment.user_id: w.enrollment.user.name for w in warnings}
    # Whom to tell and about whom: teachers of everyone, coordinators of their own people.
    teachers = {teacher: set(people) for teacher in run.teachers.all()}
    coordinators = {coordinator: own for coordinator, own in
                    coordinators_of_people(run_id=run.pk, user_ids=people).items()
                    if coordinator not in teachers}
    sent = 0
    for person, user_ids, teaches in (
            [(teacher, ids, True) for teacher, ids in teachers.items()]
            + [(coordinator, ids, False) for coordinator, ids in coordinators.items()]):
        if not person.email or not person.is_active:
            continue
        with translation.override(person.preferred_language):
            names = "\n".join(f"- {name}" for name in sorted(people[i] for i in user_ids))
            if teaches:
                url = reverse("attendance:run", args=[run.pk])
                body = _("These learners' attendance so far is below the course's level:\n"
                         "%(names)s\n\nSee the group's attendance in Kopā: %(url)s")
            else:
                url = reverse("attendance:coordinator")
                body = _("These learners of your organisation have attendance so far below "
                         "the course's level:\n%(names)s\n\nSee your people's attendance "
                         "warnings in Kopā: %(url)s")
            send_mail(
                subject=_("Attendance below the level: %(group)s") % {"group": run.title},
                message=body % {"names": names, "url": settings.KOPA_BASE_URL + url},
                from_email=None, recipient_list=[person.email])
        sent += 1
    return sent
