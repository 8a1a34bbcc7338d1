"""The participation report over the API, for managers and coordinators; the filters are
the web form's, checked the same way."""

from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from cms.errors import KopaError, NotAllowed
from courses.models.choices import Region
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


DATE = r"^\d{4}-\d{2}-\d{2}$"


class ReportQuery(Schema):
    """The web form's filters, all optional; checked by the same form."""

    # Dates as the form reads them (YYYY-MM-DD); not `date`, which would also take a
    # number of seconds since 1970.
    starts: str | None = Field(None, pattern=DATE, description="Groups running on or after")
    ends: str | None = Field(None, pattern=DATE, description="Groups running on or before")
    course: int | None = Field(None, description="A course's id (the original language)")
    region: Region | None = None
    language: str | None = Field(None, description="Language of instruction, e.g. lv, ru")
    organisation: int | None = Field(None, description="An organisation's id")


@router.get("/reports/participation", response=ReportOut)
def participation(request: HttpRequest, filters: Query[ReportQuery]) -> ReportOut:
    if not permissions.can_see_reports(request.user):
        raise NotAllowed(_("Only managers and coordinators see reports."))
    data = {name: getattr(value, "value", value) for name, value
            in filters.dict(exclude_none=True).items()}
    form = ReportFilterForm(data, organisations=permissions.report_organisations(
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
