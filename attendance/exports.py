"""A group's attendance as files a funder can audit: CSV and XLSX with one row per
participant (hours planned, held, attended, percentages, the status per session) and a
printable PDF sign-in sheet per session."""

import csv
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from attendance.models import AttendanceMark, ClassSession, Status
from attendance.selectors.figures import run_figures
from attendance.selectors.sessions import session_roster
from cms.downloads import safe_row
from courses.models import CourseRun, Enrollment


@dataclass
class Table:
    title: str
    header: list
    rows: list[list]


def session_heading(session: ClassSession) -> str:
    local = timezone.localtime(session.starts_at)
    heading = _("%(date)s, %(minutes)s min, %(hours)s ac. h") % {
        "date": f"{local:%Y-%m-%d %H:%M}", "minutes": session.duration_minutes,
        "hours": session.academic_hours}
    if session.is_cancelled:
        heading += " " + _("(cancelled)")
    return heading


def run_table(run: CourseRun) -> Table:
    """Queries: the figures (2), the sessions, the marks; none per person or session."""
    figures = run_figures(run.pk, include_withdrawn=True)
    sessions = list(ClassSession.objects.filter(run=run))
    marks = {(enrollment_id, session_id): status for enrollment_id, session_id, status in
             AttendanceMark.objects.filter(session__run=run)
             .values_list("enrollment_id", "session_id", "status")}
    labels = dict(Status.choices)
    # The enrolment's state as people read it ("Aktīvs"), not its stored value ("active").
    states = dict(Enrollment.State.choices)
    header = [_("Participant"), _("State"), _("Academic hours planned"),
              _("Academic hours held"), _("Academic hours attended"),
              _("Attended, % of hours held"), _("Points, % of points possible"),
              *[session_heading(session) for session in sessions]]
    rows = []
    for figure in figures:
        rows.append([
            figure.name, str(states.get(figure.state, figure.state)), figure.hours_planned,
            figure.hours_held, figure.hours_attended, figure.hours_percent, figure.points_percent,
            *[str(labels.get(marks.get((figure.enrollment_id, session.pk)), ""))
              for session in sessions]])
    return Table(title=run.title, header=[str(h) for h in header], rows=rows)


def as_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(table.header))
    for row in table.rows:
        writer.writerow(safe_row("" if cell is None else cell for cell in row))
    # The byte-order mark makes Excel read the Latvian letters as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Attendance")[:31]
    sheet.append(safe_row(table.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append(safe_row(float(cell) if hasattr(cell, "as_tuple") else cell
                              for cell in row))
    sheet.column_dimensions["A"].width = 32
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sign_in_sheet_pdf(session: ClassSession, *, base_url: str = "") -> bytes:
    from weasyprint import HTML

    html = render_to_string("attendance/sign_in_sheet.html", {
        "session": session, "run": session.run, "rows": session_roster(session),
        "starts": timezone.localtime(session.starts_at),
        "ends": timezone.localtime(session.ends_at),
    })
    return HTML(string=html, base_url=base_url).write_pdf()
