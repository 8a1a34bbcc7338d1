"""Groups and enrolments (GET /runs, POST /runs/{id}/enroll, GET /me/enrollments,
POST /enrollments/{id}/withdraw). Anyone may list the listed groups; the rest needs a
signed-in person, and each endpoint asks `courses.permissions`."""

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from accounts.auth import public_auth
from cms.errors import NotFound
from courses import permissions, selectors, services
from courses.models import CourseRun, Enrollment

router = Router(tags=["enrolment"])


class RunOut(Schema):
    id: int
    course_id: int
    course_title: str
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    delivery_format: str
    city: str
    region: str
    address: str
    language: str
    capacity: int
    seats_left: int
    waitlist_enabled: bool
    needs_key: bool
    enrolment_opens_at: datetime.datetime | None
    enrolment_closes_at: datetime.datetime | None


class EnrollIn(Schema):
    key: str | None = None


class WithdrawIn(Schema):
    reason: str = ""


class EnrollmentOut(Schema):
    id: int
    run_id: int
    run_title: str
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    state: str
    method: str
    waitlist_position: int | None
    created_at: datetime.datetime


def run_out(run: CourseRun) -> RunOut:
    return RunOut(
        id=run.pk, course_id=run.course_id, course_title=run.course.title, title=run.title,
        starts_on=run.starts_on, ends_on=run.ends_on, delivery_format=run.delivery_format,
        city=run.city, region=run.region, address=run.address, language=run.language,
        capacity=run.capacity, seats_left=max(run.capacity - run.seats_taken, 0),
        waitlist_enabled=run.waitlist_enabled, needs_key=bool(run.enrolment_key),
        enrolment_opens_at=run.enrolment_opens_at, enrolment_closes_at=run.enrolment_closes_at)


def enrollment_out(enrollment: Enrollment) -> EnrollmentOut:
    position = getattr(enrollment, "waitlist_position", None)
    return EnrollmentOut(
        id=enrollment.pk, run_id=enrollment.run_id, run_title=enrollment.run.title,
        course_title=enrollment.run.course.title, starts_on=enrollment.run.starts_on,
        ends_on=enrollment.run.ends_on, state=enrollment.state, method=enrollment.method,
        waitlist_position=position if enrollment.state == Enrollment.State.WAITLISTED else None,
        created_at=enrollment.created_at)


@router.get("/runs", response=list[RunOut], auth=public_auth,
            summary="Groups, optionally of one course (?course=<id>)")
def list_runs(request: HttpRequest, course: int | None = None) -> list[RunOut]:
    runs = selectors.runs_for_listing(runs=permissions.visible_runs(request.auth),
                                      course_id=course)
    return [run_out(run) for run in runs]


@router.post("/runs/{run_id}/enroll", response={201: EnrollmentOut},
             summary="Enrol the signed-in person (with the key, if the group has one)")
def enroll(request: HttpRequest, run_id: int, payload: EnrollIn | None = None):
    run = selectors.run_detail(run_id=run_id)
    if run is None or not permissions.can_view_run(request.auth, run):
        raise NotFound(_("No such group."))
    enrollment = services.enroll(user=request.auth, run=run, by=request.auth,
                                 method=Enrollment.Method.SELF,
                                 key=payload.key if payload else None)
    enrollment = selectors.enrollments_of(user=request.auth).get(pk=enrollment.pk)
    return Status(201, enrollment_out(enrollment))


@router.get("/me/enrollments", response=list[EnrollmentOut],
            summary="The signed-in person's enrolments")
def my_enrollments(request: HttpRequest) -> list[EnrollmentOut]:
    return [enrollment_out(e) for e in selectors.enrollments_of(user=request.auth)]


@router.post("/enrollments/{enrollment_id}/withdraw", response=EnrollmentOut,
             summary="Withdraw (the person themselves, the group's teacher or a manager)")
def withdraw(request: HttpRequest, enrollment_id: int, payload: WithdrawIn | None = None):
    enrollment = (Enrollment.objects.select_related("run__course", "user")
                  .filter(pk=enrollment_id).first())
    if enrollment is None or not permissions.can_withdraw(request.auth, enrollment):
        raise NotFound(_("No such enrolment."))
    enrollment = services.withdraw(enrollment=enrollment, by=request.auth,
                                   reason=payload.reason if payload else "")
    return enrollment_out(Enrollment.objects.select_related("run__course").get(
        pk=enrollment.pk))
