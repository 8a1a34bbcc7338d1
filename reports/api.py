"""The participation report over the API, for managers and coordinators; the filters are
the web form's, checked the same way."""

from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from cms.errors import KopaError, NotAllowed
from reports import permissions, selectors
from reports.forms import ReportFilterForm

router = Router(tags=["reports"])


class LineOut(Schema):
    key: str
    label: str
    participants: int
    enrolments: int
    completed: int
    withdrawn: int
    completion_percent: Decimal | None
    hours_offered: Decimal
    hours_attended: Decimal
    attendance_percent: Decimal | None


class ReportOut(Schema):
    totals: LineOut
    groups: int
    sessions_held: int
    hours_delivered: Decimal
    breakdowns: dict[str, list[LineOut]]


def line_out(line: selectors.Line) -> LineOut:
    return LineOut(key=line.key, label=line.label, participants=line.participants,
                   enrolments=line.enrolments, completed=line.completed,
                   withdrawn=line.withdrawn, completion_percent=line.completion_percent,
                   hours_offered=line.hours_offered, hours_attended=line.hours_attended,
                   attendance_percent=line.attendance_percent)


@router.get("/reports/participation", response=ReportOut)
def participation(request: HttpRequest) -> ReportOut:
    """Query parameters (all optional): `starts`, `ends` (YYYY-MM-DD), `course` (id),
    `region`, `language`, `organisation` (id)."""
    if not permissions.can_see_reports(request.user):
        raise NotAllowed(_("Only managers and coordinators see reports."))
    form = ReportFilterForm(request.GET, organisations=permissions.report_organisations(
        request.user))
    if not form.is_valid():
        errors = [{"field": name, "message": " ".join(str(m) for m in messages)}
                  for name, messages in form.errors.items()]
        raise KopaError(_("Some fields are missing or wrong."), code="validation_error",
                        status=422, errors=errors)
    report = selectors.participation_report(form.report_filter())
    return ReportOut(totals=line_out(report.totals), groups=report.groups,
                     sessions_held=report.sessions_held,
                     hours_delivered=report.hours_delivered,
                     breakdowns={name: [line_out(line) for line in lines]
                                 for name, lines in report.breakdowns.items()})
