"""Organisations for their coordinators (and managers): participants, the groups open to
the organisation, enrolments of its people, withdrawals, and file imports
(POST /organisations/{id}/imports: a dry run, then a commit). Someone else's organisation
answers 404, as if it did not exist."""

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status, UploadedFile

from cms.errors import NotFound
from courses.api.enrolment import EnrollmentOut, RunOut, enrollment_out, run_out
from organisations import permissions, selectors, services
from organisations.models import Organisation, ParticipantImport

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str


class ParticipantOut(Schema):
    user_id: int
    username: str
    name: str
    email: str | None
    preferred_language: str
    citizenship: str
    region: str
    gender: str
    birth_year: int | None


class OrgEnrollmentOut(EnrollmentOut):
    user_id: int
    name: str


class EnrolPeopleIn(Schema):
    run_id: int
    user_ids: list[int]


class EnrolPeopleOut(Schema):
    enrolled: list[OrgEnrollmentOut]
    already_enrolled: list[int]


class WithdrawIn(Schema):
    reason: str = ""


class ImportRowOut(Schema):
    line: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    language: str = ""
    valid: bool
    errors: list[dict]
    notes: list[dict] = []


class ImportOut(Schema):
    id: int
    state: str
    filename: str
    run_id: int | None
    summary: dict
    rows: list[ImportRowOut]
    created_at: datetime.datetime


class CommitIn(Schema):
    valid_only: bool = False


def organisation_or_404(request: HttpRequest, organisation_id: int) -> Organisation:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or not permissions.can_manage_organisation(request.auth,
                                                                        organisation):
        raise NotFound(_("No such organisation."))
    return organisation


def org_enrollment_out(enrollment) -> OrgEnrollmentOut:
    return OrgEnrollmentOut(**enrollment_out(enrollment).dict(), user_id=enrollment.user_id,
                            name=enrollment.user.name)


def import_out(participant_import: ParticipantImport) -> ImportOut:
    return ImportOut(id=participant_import.pk, state=participant_import.state,
                     filename=participant_import.filename, run_id=participant_import.run_id,
                     summary=participant_import.summary,
                     rows=[ImportRowOut(**row) for row in participant_import.rows],
                     created_at=participant_import.created_at)


@router.get("/organisations", response=list[OrganisationOut],
            summary="The organisations the signed-in person coordinates")
def list_organisations(request: HttpRequest):
    return [OrganisationOut(id=o.pk, name=o.name, slug=o.slug)
            for o in permissions.managed_organisations(request.auth)]


@router.get("/organisations/{organisation_id}/participants", response=list[ParticipantOut])
def list_participants(request: HttpRequest, organisation_id: int):
    organisation = organisation_or_404(request, organisation_id)
    return [ParticipantOut(user_id=p.user_id, username=p.user.username, name=p.user.name,
                           email=p.user.email, preferred_language=p.user.preferred_language,
                           citizenship=p.citizenship, region=p.region, gender=p.gender,
                           birth_year=p.birth_year)
            for p in selectors.participants_of(organisation=organisation)]


@router.get("/organisations/{organisation_id}/runs", response=list[RunOut],
            summary="Groups open to the organisation")
def list_runs(request: HttpRequest, organisation_id: int):
    organisation = organisation_or_404(request, organisation_id)
    return [run_out(run) for run in selectors.runs_open_to(organisation=organisation)]


@router.get("/organisations/{organisation_id}/enrollments", response=list[OrgEnrollmentOut],
            summary="Enrolments of the organisation's people in groups open to it")
def list_enrollments(request: HttpRequest, organisation_id: int, run: int | None = None):
    organisation = organisation_or_404(request, organisation_id)
    enrollments = selectors.enrollments_of_organisation(organisation=organisation)
    if run is not None:
        enrollments = enrollments.filter(run_id=run)
    return [org_enrollment_out(e) for e in enrollments]


@router.post("/organisations/{organisation_id}/enrollments", response={201: EnrolPeopleOut},
             summary="Enrol participants into a group open to the organisation")
def enrol_people(request: HttpRequest, organisation_id: int, payload: EnrolPeopleIn):
    organisation = organisation_or_404(request, organisation_id)
    run = selectors.runs_open_to(organisation=organisation).filter(pk=payload.run_id).first()
    if run is None:
        raise NotFound(_("No such group open to the organisation."))
    # Looked up among the organisation's own people: an id of anyone else — someone of
    # another organisation or no one at all — gets the same answer, so a coordinator
    # cannot learn which accounts exist on the platform (issue 10).
    users = [participant.user for participant in selectors.participants_of(
        organisation=organisation).filter(user_id__in=payload.user_ids)]
    if len(users) != len(set(payload.user_ids)):
        raise NotFound(_("Some of these people do not exist."), code="unknown_person")
    done, skipped = services.enroll_participants(organisation=organisation, run=run,
                                                 users=users, by=request.auth)
    enrollments = selectors.enrollments_of_organisation(organisation=organisation, run=run
                                                        ).filter(pk__in=[e.pk for e in done])
    return Status(201, EnrolPeopleOut(enrolled=[org_enrollment_out(e) for e in enrollments],
                                      already_enrolled=[user.pk for user in skipped]))


@router.post("/organisations/{organisation_id}/enrollments/{enrollment_id}/withdraw",
             response=OrgEnrollmentOut)
def withdraw(request: HttpRequest, organisation_id: int, enrollment_id: int,
             payload: WithdrawIn | None = None):
    organisation = organisation_or_404(request, organisation_id)
    enrollment = selectors.enrollments_of_organisation(organisation=organisation).filter(
        pk=enrollment_id).first()
    if enrollment is None:
        raise NotFound(_("No such enrolment."))
    services.withdraw_participant(organisation=organisation, enrollment=enrollment,
                                  by=request.auth, reason=payload.reason if payload else "")
    return org_enrollment_out(selectors.enrollments_of_organisation(
        organisation=organisation).get(pk=enrollment.pk))


@router.post("/organisations/{organisation_id}/imports", response={200: ImportOut, 201: ImportOut},
             summary="Import participants from CSV/XLSX: dry_run=true checks and returns every "
                     "row with its errors; dry_run=false also imports (all rows or, with "
                     "valid_only=true, the valid ones)")
def create_import(request: HttpRequest, organisation_id: int, file: File[UploadedFile],
                  run_id: Form[int | None] = None, dry_run: Form[bool] = True,
                  valid_only: Form[bool] = False):
    organisation = organisation_or_404(request, organisation_id)
    run = None
    if run_id is not None:
        run = selectors.runs_open_to(organisation=organisation).filter(pk=run_id).first()
        if run is None:
            raise NotFound(_("No such group open to the organisation."))
    preview = services.preview_import(organisation=organisation, run=run, filename=file.name,
                                      content=file.read(), by=request.auth)
    if dry_run:
        return Status(200, import_out(preview))
    return Status(201, import_out(services.commit_import(
        participant_import=preview, by=request.auth, valid_only=valid_only)))


@router.get("/organisations/{organisation_id}/imports/{import_id}", response=ImportOut)
def get_import(request: HttpRequest, organisation_id: int, import_id: int):
    organisation = organisation_or_404(request, organisation_id)
    found = organisation.imports.filter(pk=import_id).first()
    if found is None:
        raise NotFound(_("No such import."))
    return import_out(found)


@router.post("/organisations/{organisation_id}/imports/{import_id}/commit",
             response={201: ImportOut},
             summary="Import a previously checked file (all rows, or only the valid ones)")
def commit_import(request: HttpRequest, organisation_id: int, import_id: int,
                  payload: CommitIn | None = None):
    organisation = organisation_or_404(request, organisation_id)
    found = organisation.imports.filter(pk=import_id).first()
    if found is None:
        raise NotFound(_("No such import."))
    return Status(201, import_out(services.commit_import(
        participant_import=found, by=request.auth,
        valid_only=payload.valid_only if payload else False)))


