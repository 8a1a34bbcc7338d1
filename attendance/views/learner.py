"""A learner's pages: checking in with the teacher's code and their own attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from attendance import selectors, services
from attendance.forms import CheckInForm
from attendance.models import ClassSession
from attendance.permissions import can_follow_run
from cms.errors import KopaError
from courses.models import SEAT_STATES, Enrollment


@login_required
def check_in_list(request: HttpRequest) -> HttpResponse:
    """The sessions open for check-in now; with only one, its form straight away."""
    sessions = selectors.open_sessions_for(request.user)
    if len(sessions) == 1:
        return HttpResponseRedirect(reverse("attendance:session_check_in",
                                            args=[sessions[0].pk]))
    return render(request, "attendance/check_in_list.html", {"sessions": sessions})


@login_required
def check_in(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(ClassSession.objects.select_related("run"), pk=session_id)
    # The page names the session, its time and its group: for the group's people only;
    # to anyone else it is as missing as a session that never existed.
    if not can_follow_run(request.user, session.run_id):
        raise Http404
    # The code from a scanned QR code fills the box; the learner still confirms with a tap,
    # so a link opened by accident marks no one.
    form = CheckInForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            mark = services.check_in(session_id=session.pk, user=request.user,
                                     code=form.cleaned_data["code"])
        except KopaError as error:
            form.add_error("code", error.message)
            status = error.status
        else:
            messages.success(request, _("You are checked in: %(status)s.")
                             % {"status": mark.get_status_display()})
            return HttpResponseRedirect(reverse("attendance:mine"))
    elif request.method == "POST":
        status = 400
    return render(request, "attendance/check_in.html", {"session": session, "form": form},
                  status=status)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    enrollments = list(Enrollment.objects.filter(user=request.user, state__in=SEAT_STATES)
                       .select_related("run"))
    if not enrollments:
        raise Http404
    groups = []
    for enrollment in enrollments:
        figures = selectors.enrollment_figures(enrollment)
        marks = {m.session_id: m for m in
                 selectors.learner_marks(request.user).filter(enrollment=enrollment)}
        sessions = [(s, marks.get(s.pk)) for s in selectors.run_sessions(enrollment.run_id)]
        groups.append({"run": enrollment.run, "figures": figures, "sessions": sessions})
    return render(request, "attendance/mine.html", {
        "groups": groups, "open_sessions": selectors.open_sessions_for(request.user)})
