"""The report as CSV (one row per line of each breakdown) and XLSX (a summary sheet and a
sheet per breakdown). Labels can come from editors (course titles, cities), so every row
goes through cms.downloads.safe_row, which neutralises text a spreadsheet would run as a
formula."""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from cms.downloads import safe_row
from reports.selectors import DIMENSIONS, Line, Report


def header() -> list[str]:
    return [_("Participants"), _("Enrolments"), pgettext("report figure", "Completed"),
            pgettext("report figure", "Withdrawn"),
            _("Completion %"), _("Hours offered"), _("Hours attended"), _("Attendance %")]


def figures(line: Line) -> list:
    return [line.participants, line.enrolments, line.completed, line.withdrawn,
            line.completion_percent, line.hours_offered, line.hours_attended,
            line.attendance_percent]


def summary_rows(report: Report) -> list[list]:
    return [[_("Groups"), report.groups], [_("Sessions held"), report.sessions_held],
            [_("Academic hours taught"), report.hours_delivered]]


def as_csv(report: Report) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row([_("Breakdown"), _("Value"), *header()]))
    writer.writerow(safe_row([_("Total"), "", *figures(report.totals)]))
    for name, lines in report.breakdowns.items():
        for line in lines:
            writer.writerow(safe_row([DIMENSIONS[name], line.label, *figures(line)]))
    writer.writerow([])
    for row in summary_rows(report):
        writer.writerow(safe_row(row))
    # A byte-order mark so spreadsheet programs read the diacritics as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(report: Report) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("Summary")[:31]
    summary.append(safe_row(["", *header()]))
    summary.append(safe_row([_("Total"), *figures(report.totals)]))
    summary.append([])
    for row in summary_rows(report):
        summary.append(safe_row(row))
    for name, lines in report.breakdowns.items():
        sheet = book.create_sheet(str(DIMENSIONS[name])[:31])
        sheet.append(safe_row([DIMENSIONS[name], *header()]))
        for line in lines:
            sheet.append(safe_row([line.label, *figures(line)]))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
