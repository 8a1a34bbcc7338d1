"""Attendance over the API: a group's sessions, a session's marks (teachers, in bulk),
self check-in, a learner's own attendance, a group's figures."""

import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja import Status as HttpStatus

from attendance import selectors, services
from attendance.models import AttendanceMark, ClassSession, Status
from attendance.permissions import ensure_can_follow_run, ensure_can_manage_run
from cms.schemas import ErrorOut
from courses.models import SEAT_STATES, CourseRun, Enrollment

router = Router(tags=["attendance"])


class SessionOut(Schema):
    id: int
    run_id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    academic_hours: Decimal
    topic: str
    place: str
    online_url: str
    is_cancelled: bool
    teacher: str | None


def session_out(session: ClassSession) -> SessionOut:
    return SessionOut(id=session.pk, run_id=session.run_id, starts_at=session.starts_at,
                      ends_at=session.ends_at, academic_hours=session.academic_hours,
                      topic=session.topic, place=session.place, online_url=session.online_url,
                      is_cancelled=session.is_cancelled,
                      teacher=session.teacher.name if session.teacher else None)


class MarkOut(Schema):
    enrollment_id: int
    name: str
    status: str | None
    note: str
    method: str | None
    marked_at: datetime.datetime | None


class MarkIn(Schema):
    enrollment_id: int
    status: Status
    note: str | None = Field(default=None, max_length=255)


class MarksIn(Schema):
    marks: list[MarkIn] = Field(..., max_length=1000)
    only_unmarked: bool = False


class CheckInIn(Schema):
    code: str = Field(..., max_length=32)  # six digits, perhaps spaced out


class CheckInOut(Schema):
    session_id: int
    status: str
    marked_at: datetime.datetime


class FiguresOut(Schema):
    enrollment_id: int
    name: str
    hours_planned: Decimal
    hours_held: Decimal
    hours_attended: Decimal
    hours_percent: Decimal | None
    points: int
    points_percent: Decimal | None
    threshold: int | None
    can_reach_threshold: bool | None
    below_warning_level: bool


class MyMarkOut(Schema):
    session_id: int
    starts_at: datetime.datetime
    academic_hours: Decimal
    status: str


class MyRunOut(Schema):
    run_id: int
    title: str
    figures: FiguresOut | None
    marks: list[MyMarkOut]


def figures_out(figure) -> FiguresOut:
    return FiguresOut(
        enrollment_id=figure.enrollment_id, name=figure.name,
        hours_planned=figure.hours_planned, hours_held=figure.hours_held,
        hours_attended=figure.hours_attended, hours_percent=figure.hours_percent,
        points=figure.points, points_percent=figure.points_percent,
        threshold=figure.threshold, can_reach_threshold=figure.can_reach,
        below_warning_level=figure.warning)


def roster_out(session: ClassSession) -> list[MarkOut]:
    return [MarkOut(enrollment_id=row.enrollment.pk, name=row.enrollment.user.name,
                    status=row.mark.status if row.mark else None,
                    note=row.mark.note if row.mark else "",
                    method=row.mark.method if row.mark else None,
                    marked_at=row.mark.marked_at if row.mark else None)
            for row in selectors.session_roster(session)]


@router.get("/runs/{run_id}/sessions", response=list[SessionOut],
            summary="A group's sessions (its people, teachers and managers)")
def run_sessions(request: HttpRequest, run_id: int) -> list[SessionOut]:
    run = get_object_or_404(CourseRun, pk=run_id)
    ensure_can_follow_run(request.auth, run.pk)
    return [session_out(s) for s in selectors.run_sessions(run.pk)]


@router.get("/runs/{run_id}/attendance", response=list[FiguresOut],
            summary="Attendance figures of a group's people (teachers, managers)")
def run_attendance(request: HttpRequest, run_id: int) -> list[FiguresOut]:
    run = get_object_or_404(CourseRun, pk=run_id)
    ensure_can_manage_run(request.auth, run.pk)
    return [figures_out(f) for f in selectors.run_figures(run.pk)]


@router.get("/sessions/{session_id}/marks", response=list[MarkOut],
            summary="Everyone in the session's group with their mark (teachers, managers)")
def get_marks(request: HttpRequest, session_id: int) -> list[MarkOut]:
    session = get_object_or_404(ClassSession, pk=session_id)
    ensure_can_manage_run(request.auth, session.run_id)
    return roster_out(session)


@router.put("/sessions/{session_id}/marks", response=list[MarkOut],
            summary="Set marks of many people at once (teachers, managers)")
def put_marks(request: HttpRequest, session_id: int, payload: MarksIn) -> list[MarkOut]:
    session = get_object_or_404(ClassSession, pk=session_id)
    services.set_marks(session_id=session.pk, by=request.auth,
                       only_unmarked=payload.only_unmarked,
                       marks=[services.MarkInput(enrollment_id=m.enrollment_id,
                                                 status=m.status.value, note=m.note)
                              for m in payload.marks])
    return roster_out(session)


@router.post("/sessions/{session_id}/check-in", response={201: CheckInOut, 429: ErrorOut},
             summary="Check in to a session with the code the teacher shows")
def check_in(request: HttpRequest, session_id: int, payload: CheckInIn):
    session = get_object_or_404(ClassSession, pk=session_id)
    # Outside the group the session is as good as missing: 404, nothing about it.
    ensure_can_follow_run(request.auth, session.run_id)
    mark: AttendanceMark = services.check_in(session_id=session_id, user=request.auth,
                                             code=payload.code)
    return HttpStatus(201, CheckInOut(session_id=session_id, status=mark.status,
                           marked_at=mark.marked_at))


@router.get("/me/attendance", response=list[MyRunOut],
            summary="The signed-in learner's attendance in each of their groups")
def my_attendance(request: HttpRequest) -> list[MyRunOut]:
    user = request.auth
    enrollments = list(Enrollment.objects.filter(user=user, state__in=SEAT_STATES)
                       .select_related("run"))
    marks_by_enrollment: dict[int, list[MyMarkOut]] = {}
    for mark in selectors.learner_marks(user):
        marks_by_enrollment.setdefault(mark.enrollment_id, []).append(MyMarkOut(
            session_id=mark.session_id, starts_at=mark.session.starts_at,
            academic_hours=mark.session.academic_hours, status=mark.status))
    result = []
    for enrollment in enrollments:
        figure = selectors.enrollment_figures(enrollment)
        result.append(MyRunOut(run_id=enrollment.run_id, title=enrollment.run.title,
                               figures=figures_out(figure) if figure else None,
                               marks=marks_by_enrollment.get(enrollment.pk, [])))
    return result
