"""The `/my/` panel: for learners hours attended of hours planned per group and a way to
check in when a session is open; for teachers the way to their groups; for coordinators
the open warnings of their organisation's people."""

from django.http import HttpRequest

from attendance import selectors
from attendance.selectors.coordinators import coordinates_any, coordinator_warnings
from courses.models import SEAT_STATES, Enrollment
from courses.permissions import managed_runs

PANEL_WARNINGS = 5  # the rest are one tap away, on the coordinator's page


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
    teaches = managed_runs(request.user).exists()
    coordinates = coordinates_any(request.user)
    if not groups and not teaches and not coordinates:
        return None
    warnings = (list(coordinator_warnings(request.user)[:PANEL_WARNINGS + 1])
                if coordinates else [])
    return {"groups": groups, "teaches": teaches,
            "open_sessions": selectors.open_sessions_for(request.user) if groups else [],
            "coordinates": coordinates, "coordinator_warnings": warnings[:PANEL_WARNINGS],
            "more_warnings": len(warnings) > PANEL_WARNINGS}
