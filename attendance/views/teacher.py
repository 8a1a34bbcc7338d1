"""A teacher's pages: their groups, a group's schedule and figures, a session's roster
(marked from a phone, one row at a time), the rotating check-in code, exports."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attendance import exports, selectors, services
from attendance.forms import MarkForm, ScheduleForm, SessionForm
from attendance.models import ClassSession, Status
from attendance.services import MarkInput
from cms.downloads import download
from cms.errors import KopaError
from courses.models import CourseRun
from courses.permissions import can_manage_run, managed_runs


def managed_run(request: HttpRequest, run_id: int) -> CourseRun:
    run = get_object_or_404(CourseRun.objects.select_related("course"), pk=run_id)
    if not can_manage_run(request.user, run.pk):
        raise Http404
    return run


def managed_session(request: HttpRequest, session_id: int) -> ClassSession:
    session = get_object_or_404(ClassSession.objects.select_related("run", "teacher"),
                                pk=session_id)
    if not can_manage_run(request.user, session.run_id):
        raise Http404
    return session


@login_required
def home(request: HttpRequest) -> HttpResponse:
    runs = list(managed_runs(request.user).select_related("course")
                .order_by("-starts_on")[:50])
    today = timezone.localdate()
    todays = list(ClassSession.objects.filter(run__in=runs, starts_at__date=today)
                  .select_related("run"))
    if not runs:
        raise Http404
    warnings = list(selectors.open_warnings().filter(enrollment__run__in=runs)[:100])
    return render(request, "attendance/home.html",
                  {"runs": runs, "todays": todays, "warnings": warnings})


@login_required
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    run = managed_run(request, run_id)
    now = timezone.now()
    return render(request, "attendance/run.html", {
        "run": run,
        "sessions": list(selectors.run_sessions(run.pk)),
        "figures": selectors.run_figures(run.pk, now=now),
        "schedule": selectors.run_schedule(run.pk, now=now),
        "now": now,
    })


@login_required
def schedule(request: HttpRequest, run_id: int) -> HttpResponse:
    run = managed_run(request, run_id)
    form = ScheduleForm(request.POST or None, initial={"first_day": run.starts_on})
    if request.method == "POST" and form.is_valid():
        try:
            sessions = services.generate_schedule(run=run, by=request.user, **form.cleaned_data)
        except KopaError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(count)s sessions added.") % {"count": len(sessions)})
            return HttpResponseRedirect(reverse("attendance:run", args=[run.pk]))
    return render(request, "attendance/schedule_form.html", {"run": run, "form": form},
                  status=400 if form.errors else 200)


@login_required
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    session = managed_session(request, session_id)
    form = SessionForm(request.POST or None, instance=session,
                       initial={"version": services.session_version(session)})
    if request.method == "POST" and form.is_valid():
        try:
            changes = {name: form.cleaned_data[name] for name in form.changed_data
                       if name != "version"}
            session.refresh_from_db()
            # A form without its version (an old tab from before it existed) is stale too.
            services.update_session(session=session, by=request.user,
                                    seen_version=form.cleaned_data["version"], **changes)
        except KopaError as error:
            if error.code == "stale_session":
                messages.error(request, error.message)
                return HttpResponseRedirect(request.path)
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The session was saved."))
            return HttpResponseRedirect(reverse("attendance:run", args=[session.run_id]))
    return render(request, "attendance/session_form.html", {"session": session, "form": form},
                  status=400 if form.errors else 200)


def roster_context(request: HttpRequest, session: ClassSession) -> dict:
    return {"session": session, "run": session.run, "rows": selectors.session_roster(session),
            "statuses": Status.choices,
            "checkin_open": selectors.is_checkin_open(session)}


@login_required
def roster(request: HttpRequest, session_id: int) -> HttpResponse:
    """The roster. POST here is "all present": everyone not yet marked becomes present."""
    session = managed_session(request, session_id)
    if request.method == "POST":
        try:
            rows = selectors.session_roster(session)
            services.set_marks(session_id=session.pk, by=request.user, only_unmarked=True,
                               marks=[MarkInput(enrollment_id=row.enrollment.pk,
                                                status=Status.PRESENT) for row in rows])
        except KopaError as error:
            if request.htmx:
                return HttpResponse(str(error.message), status=error.status)
            messages.error(request, error.message)
        else:
            if not request.htmx:
                messages.success(request, _("Everyone not yet marked is now present."))
        if request.htmx:
            return render(request, "attendance/_roster_rows.html",
                          roster_context(request, session))
        return HttpResponseRedirect(reverse("attendance:session", args=[session.pk]))
    return render(request, "attendance/roster.html", roster_context(request, session))


@login_required
@require_POST
def mark(request: HttpRequest, session_id: int, enrollment_id: int) -> HttpResponse:
    """One participant's row: each row saves on its own, so a dropped connection loses at
    most the tap that was under way. With HX-Request the row's HTML comes back."""
    session = managed_session(request, session_id)
    form = MarkForm(request.POST)
    error_message = None
    if form.is_valid():
        try:
            services.set_marks(session_id=session.pk, by=request.user, marks=[MarkInput(
                enrollment_id=enrollment_id, status=form.cleaned_data["status"],
                note=form.cleaned_data["note"] if "note" in request.POST else None,
                seen_version=form.cleaned_data["version"])])
        except KopaError as error:
            error_message = error.message
    else:
        error_message = _("Choose one of the statuses.")
    row = selectors.roster_row(session, enrollment_id)
    if row is None:
        raise Http404
    if request.htmx:
        return render(request, "attendance/_roster_row.html",
                      {"row": row, "session": session, "statuses": Status.choices,
                       "error": error_message, "saved": error_message is None},
                      status=200 if error_message is None else 400)
    if error_message:
        messages.error(request, error_message)
    url = reverse("attendance:session", args=[session.pk])
    return HttpResponseRedirect(f"{url}#row-{enrollment_id}")


def code_payload(request: HttpRequest, session: ClassSession) -> dict:
    code, seconds_left = services.current_code(session)
    url = request.build_absolute_uri(
        reverse("attendance:session_check_in", args=[session.pk]) + f"?code={code}")
    qr = segno.make(url, error="m")
    return {"code": code, "seconds_left": seconds_left, "url": url,
            "svg": qr.svg_inline(scale=6, dark="#1d2330", title=_("Check-in QR code")),
            "open": selectors.is_checkin_open(session)}


@login_required
def code(request: HttpRequest, session_id: int) -> HttpResponse:
    session = managed_session(request, session_id)
    payload = code_payload(request, session)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(payload, headers={"Cache-Control": "no-store"})
    response = render(request, "attendance/code.html", {"session": session, **payload})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export(request: HttpRequest, run_id: int, fmt: str) -> HttpResponse:
    run = managed_run(request, run_id)
    table = exports.run_table(run)
    content = exports.as_csv(table) if fmt == "csv" else exports.as_xlsx(table)
    stamp = timezone.localdate().isoformat()
    return download(content, filename=f"attendance-{run.pk}-{stamp}.{fmt}")


@login_required
def sign_in_sheet(request: HttpRequest, session_id: int) -> HttpResponse:
    session = managed_session(request, session_id)
    pdf = exports.sign_in_sheet_pdf(session, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    local = timezone.localtime(session.starts_at)
    response["Content-Disposition"] = (
        f'inline; filename="sign-in-{session.run_id}-{local:%Y-%m-%d}.pdf"')
    return response
