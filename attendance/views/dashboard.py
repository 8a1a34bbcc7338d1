"""The learner's `/my/` panel: hours attended of hours planned per group, and a way to
check in when a session is open."""

from django.http import HttpRequest

from attendance import selectors
from attendance.permissions import SEAT_STATES, runs_managed_by
from courses.models import Enrollment


def dashboard_panel(request: HttpRequest) -> dict | None:
    enrollments = list(Enrollment.objects.filter(user=request.user, state__in=SEAT_STATES)
                       .select_related("run__course", "user"))
    all_figures = selectors.figures_for_enrollments(enrollments)
    groups = []
    for enrollment in enrollments:
        figures = all_figures.get(enrollment.pk)
        if figures is None or not figures.hours_planned:
            continue
        groups.append({"run": enrollment.run, "figures": figures})
    # Teachers land on /my/ too: the way to their groups' rosters starts here.
    teaches = runs_managed_by(request.user).exists()
    if not groups and not teaches:
        return None
    return {"groups": groups, "teaches": teaches,
            "open_sessions": selectors.open_sessions_for(request.user) if groups else []}
