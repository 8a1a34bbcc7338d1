"""The coordinator's view of attendance: open warnings of their organisation's people in
the groups open to it, nothing of anyone else's. Linked from the `/my/` panel; the
organisations app cannot link here itself (it comes before attendance)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from attendance.selectors.coordinators import coordinates_any, coordinator_warnings

# A long list is a job for the group pages; this one says who needs a call today.
PAGE_LIMIT = 300


@login_required
def warnings_page(request: HttpRequest) -> HttpResponse:
    if not coordinates_any(request.user):
        raise Http404
    warnings = list(coordinator_warnings(request.user)[:PAGE_LIMIT])
    return render(request, "attendance/coordinator.html", {"warnings": warnings})
