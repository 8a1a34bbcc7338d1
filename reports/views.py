"""The participation report for managers and coordinators, on screen and as CSV/XLSX."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cms.downloads import download
from reports import exports, permissions, selectors
from reports.forms import ReportFilterForm


def filter_form(request: HttpRequest) -> ReportFilterForm:
    if not permissions.can_see_reports(request.user):
        # Like every other page of another role: nothing to see here, not even that it exists.
        raise Http404
    return ReportFilterForm(request.GET or None,
                            organisations=permissions.report_organisations(request.user))


def report_for(form: ReportFilterForm) -> selectors.Report | None:
    if form.is_bound and not form.is_valid():
        return None
    if not form.is_bound:
        form.cleaned_data = {}
    return selectors.participation_report(form.report_filter())


@login_required
def participation(request: HttpRequest) -> HttpResponse:
    form = filter_form(request)
    report = report_for(form)
    breakdowns = [(name, selectors.DIMENSIONS[name], lines)
                  for name, lines in report.breakdowns.items()] if report else []
    return render(request, "reports/participation.html", {
        "form": form, "report": report, "breakdowns": breakdowns,
        "query": request.GET.urlencode(),
    }, status=200 if report else 422)


@login_required
def participation_export(request: HttpRequest, fmt: str) -> HttpResponse:
    form = filter_form(request)
    report = report_for(form)
    if report is None:
        return participation(request)
    content = exports.as_csv(report) if fmt == "csv" else exports.as_xlsx(report)
    return download(content, filename=f"kopa-report-{timezone.localdate().isoformat()}.{fmt}")


def dashboard_panel(request: HttpRequest) -> dict | None:
    """A link on /my/ for those who may see reports."""
    if not request.user.is_authenticated or not permissions.can_see_reports(request.user):
        return None
    return {"show": True}
