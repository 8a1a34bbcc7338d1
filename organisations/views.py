"""The coordinator's pages: their organisation's people, the groups open to it, enrolling
and withdrawing people, importing a file (check, then import), and login cards. Every page
asks `organisations.permissions`; someone else's organisation is a 404."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from cms.downloads import download
from cms.errors import KopaError
from cms.params import parse_id
from courses import permissions as course_permissions
from courses import selectors as course_selectors
from courses.models import CourseRun, Enrollment
from organisations import permissions, selectors, services
from organisations.login_cards import render_login_cards
from organisations.models import Organisation, ParticipantImport
from organisations.services.import_files import participants_workbook, sample_csv


def organisation_or_404(request: HttpRequest, pk: int) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None or not permissions.can_manage_organisation(request.user,
                                                                        organisation):
        raise Http404
    return organisation


def open_run_or_404(organisation: Organisation, run_pk: int) -> CourseRun:
    run = course_selectors.run_detail(run_id=run_pk)
    if run is None or not permissions.run_open_to(organisation, run):
        raise Http404
    return run


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = list(permissions.managed_organisations(request.user))
    if not organisations:
        raise Http404
    if len(organisations) == 1:
        return HttpResponseRedirect(reverse("organisations:detail", args=[organisations[0].pk]))
    return render(request, "organisations/list.html", {"organisations": organisations})


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_or_404(request, pk)
    return render(request, "organisations/detail.html", {
        "organisation": organisation,
        "runs": selectors.runs_open_to(organisation=organisation),
        "participants": selectors.participants_of(organisation=organisation),
        "imports": selectors.imports_of(organisation=organisation)[:10],
    })


@login_required
def organisation_run(request: HttpRequest, pk: int, run_pk: int) -> HttpResponse:
    """One group open to the organisation: its people in it, and the rest to enrol."""
    organisation = organisation_or_404(request, pk)
    run = open_run_or_404(organisation, run_pk)
    if request.method == "POST":
        ids = [person for value in request.POST.getlist("people") if (person := parse_id(value))]
        users = list(User.objects.filter(pk__in=ids))
        try:
            done, skipped = services.enroll_participants(organisation=organisation, run=run,
                                                         users=users, by=request.user)
        except KopaError as exc:
            messages.error(request, exc.message)
        else:
            waiting = sum(1 for e in done if e.state == Enrollment.State.WAITLISTED)
            messages.success(request, _("Enrolled: %(done)s (of them on the waiting list: "
                                        "%(waiting)s). Already in the group: %(skipped)s.")
                             % {"done": len(done), "waiting": waiting,
                                "skipped": len(skipped)})
        return HttpResponseRedirect(reverse("organisations:run", args=[pk, run_pk]))
    enrollments = list(selectors.enrollments_of_organisation(organisation=organisation,
                                                             run=run))
    inside = {e.user_id for e in enrollments if e.state != Enrollment.State.WITHDRAWN}
    others = [p for p in selectors.participants_of(organisation=organisation)
              if p.user_id not in inside]
    return render(request, "organisations/run.html", {
        "organisation": organisation, "run": run, "enrollments": enrollments,
        "others": others, "seats_left": max(run.capacity - run.seats_taken, 0),
    })


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int, enrollment_pk: int) -> HttpResponse:
    organisation = organisation_or_404(request, pk)
    enrollment = get_object_or_404(
        selectors.enrollments_of_organisation(organisation=organisation), pk=enrollment_pk)
    try:
        services.withdraw_participant(organisation=organisation, enrollment=enrollment,
                                      by=request.user, reason=request.POST.get("reason", ""))
    except KopaError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s has been withdrawn.")
                         % {"name": enrollment.user.name})
    return HttpResponseRedirect(reverse("organisations:run", args=[pk, enrollment.run_id]))


@login_required
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_or_404(request, pk)
    runs = selectors.runs_open_to(organisation=organisation)
    context = {"organisation": organisation, "runs": runs,
               "run_id": request.GET.get("run", "")}
    if request.method == "POST":
        upload = request.FILES.get("file")
        run_id = request.POST.get("run", "")
        context["run_id"] = run_id
        run = runs.filter(pk=parse_id(run_id)).first() if parse_id(run_id) else None
        try:
            if upload is None:
                raise KopaError(_("Choose a CSV or XLSX file."), code="no_file")
            if run_id and run is None:
                raise KopaError(_("This group is not open to your organisation."),
                                code="run_not_open_to_organisation")
            preview = services.preview_import(organisation=organisation, run=run,
                                              filename=upload.name, content=upload.read(),
                                              by=request.user)
        except KopaError as exc:
            messages.error(request, exc.message)
            return render(request, "organisations/import_upload.html", context, status=400)
        return HttpResponseRedirect(reverse("organisations:import_preview",
                                            args=[pk, preview.pk]))
    return render(request, "organisations/import_upload.html", context)


def import_or_404(request: HttpRequest, pk: int, import_pk: int) -> ParticipantImport:
    organisation = organisation_or_404(request, pk)
    return get_object_or_404(ParticipantImport.objects.select_related("run", "organisation"),
                             pk=import_pk, organisation=organisation)


@login_required
def import_preview(request: HttpRequest, pk: int, import_pk: int) -> HttpResponse:
    participant_import = import_or_404(request, pk, import_pk)
    if request.method == "POST":
        try:
            services.commit_import(participant_import=participant_import, by=request.user,
                                   valid_only=request.POST.get("mode") == "valid")
        except KopaError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The people have been imported."))
        return HttpResponseRedirect(reverse("organisations:import_preview",
                                            args=[pk, import_pk]))
    return render(request, "organisations/import_preview.html", {
        "organisation": participant_import.organisation, "import": participant_import,
        "rows": participant_import.rows, "summary": participant_import.summary,
    })


@login_required
def sample_file(request: HttpRequest, pk: int) -> HttpResponse:
    organisation_or_404(request, pk)
    return download(sample_csv(), filename="kopa-participants.csv")


@login_required
def participants_file(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_or_404(request, pk)
    return download(participants_workbook(organisation=organisation),
                    filename=f"{organisation.slug}-participants.xlsx")


def cards_or_message(request: HttpRequest, users: list, title: str, back: str,
                     filename: str, reset: bool = False) -> HttpResponse:
    """Login cards for `users`, or a message saying who got none and why. A reset (a
    person lost their card) must be confirmed: it ends their password and old card."""
    if reset and request.POST.get("confirm_reset") != "1":
        messages.error(request, _("A new card ends the person's password and old card. Tick "
                                  "the box to confirm, then press the button again."))
        return HttpResponseRedirect(back)
    pairs, skipped = services.issue_login_codes(users=users, by=request.user, reset=reset)
    if skipped:
        messages.warning(request, _("No card for: %(names)s. They have signed in or have a "
                                    "password already, or their account was not made by "
                                    "you; their coordinator can give them a new code.")
                         % {"names": ", ".join(user.name for user in skipped)})
    if not pairs:
        messages.error(request, _("Nobody here needs a login card: everyone has a password "
                                  "of their own."))
        return HttpResponseRedirect(back)
    return download(render_login_cards(pairs=pairs, title=title), filename=filename,
                    inline=True)


@login_required
@require_POST
def import_login_cards(request: HttpRequest, pk: int, import_pk: int) -> HttpResponse:
    participant_import = import_or_404(request, pk, import_pk)
    users = list(User.objects.filter(memberships__source_import=participant_import)
                 .order_by("last_name", "first_name"))
    return cards_or_message(request, users, participant_import.organisation.name,
                            reverse("organisations:import_preview", args=[pk, import_pk]),
                            "login-cards.pdf")


@login_required
@require_POST
def organisation_login_cards(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_or_404(request, pk)
    ids = [person for value in request.POST.getlist("people") if (person := parse_id(value))]
    users = list(User.objects.filter(memberships__organisation=organisation, pk__in=ids)
                 .order_by("last_name", "first_name"))
    return cards_or_message(request, users, organisation.name,
                            reverse("organisations:detail", args=[pk]), "login-cards.pdf",
                            reset=request.POST.get("reset") == "1")


@login_required
@require_POST
def run_login_cards(request: HttpRequest, run_pk: int) -> HttpResponse:
    """For a group's teacher: cards for the group's people who have no password yet, or
    (`reset`) a new card for one who lost theirs."""
    run = course_selectors.run_detail(run_id=run_pk)
    if run is None or not course_permissions.can_manage_run(request.user, run):
        raise Http404
    people = User.objects.filter(
        enrollments__run=run,
        enrollments__state__in=(Enrollment.State.ACTIVE, Enrollment.State.WAITLISTED))
    reset = request.POST.get("reset") == "1"
    if reset:  # one person who lost their card (the rule decides whether this teacher may)
        people = people.filter(pk__in=[person for value in request.POST.getlist("people")
                                       if (person := parse_id(value))])
    users = list(people.order_by("last_name", "first_name"))
    return cards_or_message(request, users, run.title,
                            reverse("courses:run_participants", args=[run.pk]),
                            "login-cards.pdf", reset=reset)


def password_panel(request: HttpRequest) -> dict | None:
    if request.user.has_usable_password():
        return None
    return {"form": SetPasswordForm(request.user)}


@login_required
@require_POST
def choose_password(request: HttpRequest) -> HttpResponse:
    """Someone who signed in with a one-time code sets a password to come back with."""
    if request.user.has_usable_password():
        raise Http404
    form = SetPasswordForm(request.user, request.POST)
    if form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Your password is saved. Sign in with your username and "
                                    "this password next time."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return HttpResponseRedirect(reverse("accounts:dashboard"))




def work_panel(request: HttpRequest) -> dict | None:
    """Links to the teacher's and coordinator's pages on /my/ for those who have them."""
    teaches = course_permissions.managed_runs(request.user).exists()
    organisations = list(permissions.managed_organisations(request.user)[:5])
    if not teaches and not organisations:
        return None
    return {"teaches": teaches, "organisations": organisations}
