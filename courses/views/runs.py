"""Groups on the site: a group's public page with the enrol button, the learner's own
enrolments (a panel on /my/), and the teacher's list of a group's participants."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.errors import KopaError
from cms.params import parse_id
from courses import permissions, selectors, services
from courses.models import CourseRun, Enrollment


def run_list(request: HttpRequest) -> HttpResponse:
    runs = (permissions.visible_runs(request.user).filter(ends_on__gte=timezone.localdate()))
    course_id = request.GET.get("course")
    runs = selectors.runs_for_listing(
        runs=runs, course_id=parse_id(course_id))
    return render(request, "courses/runs/list.html", {"runs": runs})


def run_context(request: HttpRequest, run: CourseRun) -> dict:
    enrollment = None
    if request.user.is_authenticated:
        enrollment = (selectors.with_waitlist_position(
            Enrollment.objects.filter(run=run, user=request.user)).first())
    now = timezone.now()
    opens, closes = run.enrolment_opens_at, run.enrolment_closes_at
    return {
        "run": run, "enrollment": enrollment,
        "seats_left": max(run.capacity - run.seats_taken, 0),
        "not_open_yet": bool(opens and now < opens),
        "closed": bool((closes and now > closes) or run.ends_on < timezone.localdate()),
        "can_manage": permissions.can_manage_run(request.user, run),
    }


def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_detail(run_id=pk)
    if run is None or not permissions.can_view_run(request.user, run):
        raise Http404
    return render(request, "courses/runs/detail.html", run_context(request, run))


@login_required
@require_POST
def run_enrol(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_detail(run_id=pk)
    # An unlisted group answers as a missing one to those who may not see it: a refusal
    # would confirm it exists (and the page shown with it would name it).
    if run is None or not permissions.can_view_run(request.user, run):
        raise Http404
    try:
        enrollment = services.enroll(user=request.user, run=run, by=request.user,
                                     method=Enrollment.Method.SELF,
                                     key=request.POST.get("key"))
    except KopaError as exc:
        messages.error(request, exc.message)
        context = run_context(request, run)
        context["key"] = request.POST.get("key", "")
        return render(request, "courses/runs/detail.html", context, status=exc.status)
    if enrollment.state == Enrollment.State.WAITLISTED:
        messages.success(request, _("The group is full: you are on its waiting list. We will "
                                    "let you know when a seat is free."))
    else:
        messages.success(request, _("You are enrolled. Welcome to the group!"))
    return HttpResponseRedirect(reverse("courses:run_detail", args=[run.pk]))


@login_required
@require_POST
def withdraw_mine(request: HttpRequest, pk: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment, pk=pk, user=request.user)
    try:
        services.withdraw(enrollment=enrollment, by=request.user,
                          reason=request.POST.get("reason", "") or _("By the learner"))
    except KopaError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("You have left the group."))
    return HttpResponseRedirect(reverse("accounts:dashboard"))


def dashboard_panel(request: HttpRequest) -> dict | None:
    enrollments = list(selectors.enrollments_of(user=request.user))
    if not enrollments:
        return None
    return {"enrollments": enrollments}


@login_required
def teaching(request: HttpRequest) -> HttpResponse:
    runs = selectors.runs_for_listing(runs=permissions.managed_runs(request.user))
    if not runs and not permissions.is_manager(request.user):
        raise Http404
    return render(request, "courses/runs/teaching.html", {"runs": runs})


def managed_run_or_404(request: HttpRequest, pk: int) -> CourseRun:
    run = selectors.run_detail(run_id=pk)
    # 404 rather than 403: whether a group exists is not the business of outsiders.
    if run is None or not permissions.can_manage_run(request.user, run):
        raise Http404
    return run


@login_required
def run_participants(request: HttpRequest, pk: int) -> HttpResponse:
    run = managed_run_or_404(request, pk)
    if request.method == "POST":
        return add_participant(request, run)
    return render_participants(request, run)


def render_participants(request: HttpRequest, run: CourseRun, status: int = 200,
                        form: dict | None = None) -> HttpResponse:
    return render(request, "courses/runs/participants.html", {
        "run": run, "participants": selectors.participants_of(run=run),
        "seats_left": max(run.capacity - run.seats_taken, 0), "form": form or {},
        "languages": settings.LANGUAGES,
    }, status=status)


def add_participant(request: HttpRequest, run: CourseRun) -> HttpResponse:
    """A teacher enrols someone with an account (by username or e-mail) or creates an
    account for someone without e-mail, who then signs in with a printed login card."""
    form = {key: request.POST.get(key, "").strip()
            for key in ("login", "first_name", "last_name", "language")}
    try:
        enrollment = services.add_person(
            run=run, by=request.user, login=form["login"], first_name=form["first_name"],
            last_name=form["last_name"], language=form["language"])
    except KopaError as exc:
        messages.error(request, exc.message)
        return render_participants(request, run, status=exc.status, form=form)
    user = enrollment.user
    if enrollment.state == Enrollment.State.WAITLISTED:
        messages.success(request, _("%(name)s is on the waiting list.") % {"name": user.name})
    else:
        messages.success(request, _("%(name)s is enrolled (username: %(username)s).")
                         % {"name": user.name, "username": user.username})
    return HttpResponseRedirect(reverse("courses:run_participants", args=[run.pk]))


@login_required
@require_POST
def run_withdraw(request: HttpRequest, pk: int, enrollment_pk: int) -> HttpResponse:
    run = managed_run_or_404(request, pk)
    enrollment = get_object_or_404(Enrollment, pk=enrollment_pk, run=run)
    try:
        services.withdraw(enrollment=enrollment, by=request.user,
                          reason=request.POST.get("reason", ""))
    except KopaError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s has been withdrawn.")
                         % {"name": enrollment.user.name})
    return HttpResponseRedirect(reverse("courses:run_participants", args=[run.pk]))
