"""Demo: nothing to add (reports count what the other apps' demos made); it says where the
report is and what it shows for the demo."""

from reports.selectors import ReportFilter, participation_report


def load(context: dict) -> None:
    report = participation_report(ReportFilter())
    totals = report.totals
    context.setdefault("summary", []).append(
        f"Reports: {totals.participants} participants in {report.groups} groups, "
        f"{totals.hours_attended} of {totals.hours_offered} participant hours attended, "
        f"{totals.completed} completed — /reports/ (manager; coordinator: their people)")
