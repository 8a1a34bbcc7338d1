"""The participation report's figures on a known world, for a manager and for each
coordinator, and a query count that does not grow with groups, people or marks."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from reports.selectors import ReportFilter, participation_report
from tests.reports.conftest import NOW, enrol, mark, session

pytestmark = pytest.mark.django_db


def lines(report, name):
    return {line.key: (line.participants, line.completed, line.withdrawn,
                       line.hours_attended, line.hours_offered)
            for line in report.breakdowns[name]}


def test_totals_count_seats_hours_offered_and_attended(world):
    report = participation_report(ReportFilter())
    totals = report.totals
    # p1..p5 took seats; p6 only waits.
    assert (totals.participants, totals.enrolments) == (5, 5)
    assert (totals.completed, totals.withdrawn) == (1, 1)
    # Offered: p1 4, p2 4, p3 2 (until withdrawal), p4 2, p5 4; attended: p1 4 (not the
    # cancelled session), p2 2, p3 2, p4 0 (late counts no hours in that course), p5 0.
    assert (totals.hours_offered, totals.hours_attended) == (Decimal(16), Decimal(8))
    assert totals.attendance_percent == Decimal("50.0")
    assert totals.completion_percent == Decimal("20.0")
    assert (report.groups, report.sessions_held, report.hours_delivered) == (3, 5, Decimal(10))


def test_breakdowns_by_what_funders_ask(world):
    with translation.override("en"):
        report = participation_report(ReportFilter())
    assert lines(report, "region") == {
        "riga": (4, 1, 0, Decimal(6), Decimal(14)),
        "kurzeme": (1, 0, 1, Decimal(2), Decimal(2))}
    assert {k: v[0] for k, v in lines(report, "language").items()} == {"lv": 3, "uk": 1,
                                                                       "ru": 1}
    assert {k: v[0] for k, v in lines(report, "citizenship").items()} == {
        "UA": 2, "SY": 1, "AF": 1, "": 1}
    assert {k: v[0] for k, v in lines(report, "gender").items()} == {
        "female": 2, "male": 2, "": 1}
    assert {k: v[0] for k, v in lines(report, "age").items()} == {
        "18–24": 1, "25–34": 1, "35–49": 1, "50–64": 1, "": 1}  # noqa: RUF001
    labels = {line.key: line.label for line in report.breakdowns["citizenship"]}
    assert labels == {"UA": "Ukraine", "SY": "Syria", "AF": "Afghanistan",
                      "": "Not recorded"}
    assert [line.key for line in report.breakdowns["citizenship"]][-1] == ""


def test_labels_follow_the_interface_language(world):
    with translation.override("lv"):
        report = participation_report(ReportFilter())
    labels = {line.key: line.label for line in report.breakdowns["citizenship"]}
    assert labels["SY"] == "Sīrija" and labels["UA"] == "Ukraina"
    regions = {line.key: line.label for line in report.breakdowns["region"]}
    assert regions["kurzeme"] == "Kurzeme"


def test_a_coordinator_counts_only_their_people_in_their_groups(world):
    x = participation_report(ReportFilter(organisation_ids=(world.organisations["x"].pk,)))
    assert (x.totals.participants, x.totals.completed, x.totals.withdrawn) == (3, 1, 1)
    assert (x.totals.hours_offered, x.totals.hours_attended) == (Decimal(10), Decimal(8))
    assert set(lines(x, "citizenship")) == {"UA", "SY"}
    y = participation_report(ReportFilter(organisation_ids=(world.organisations["y"].pk,)))
    assert (y.totals.participants, y.groups) == (1, 1)
    assert set(lines(y, "citizenship")) == {"AF"}


def test_filters_by_period_course_region_and_language(world):
    r3 = world.runs["r3"]
    r3.starts_on = NOW.date().replace(year=NOW.year + 1)
    r3.ends_on = r3.starts_on
    r3.save()
    soon = world.runs["r1"].ends_on
    assert participation_report(ReportFilter(ends=soon)).totals.participants == 4
    assert participation_report(ReportFilter(starts=r3.starts_on)).totals.participants == 1
    assert participation_report(ReportFilter(region="kurzeme")).totals.participants == 1
    assert participation_report(ReportFilter(language="lv")).totals.participants == 3
    assert participation_report(
        ReportFilter(course_id=r3.course_id)).totals.participants == 1


def count_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        participation_report(ReportFilter())
    return len(queries)


def test_the_report_costs_the_same_queries_for_more_groups_and_people(world, make_user):
    small = count_queries()
    run = world.runs["r1"]
    sessions = [session(run, days) for days in (10, 9, 8)]
    for n in range(20):
        enrollment = enrol(run, make_user(username=f"more{n}"))
        for held in sessions:
            mark(held, enrollment, "present" if n % 2 else "late")
    assert count_queries() == small
    assert small <= 14, small
