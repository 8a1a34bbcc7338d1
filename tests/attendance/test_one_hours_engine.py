"""One hours engine: the roster (group page, CSV export, API), `/my/`, the certificate
snapshot and the funder report (selectors, page, CSV) state the same hours offered and
attended for each person, on one group with a late joiner, a joiner on the day of a
session, a withdrawal, a cancelled session and a session whose hours were set by hand."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from attendance.factories import AttendanceMarkFactory, ClassSessionFactory
from attendance.models import Status
from certificates import services as certificate_services
from certificates.factories import CompletedEnrollmentFactory
from courses.factories import EnrollmentFactory
from courses.models import Enrollment
from reports import selectors as report_selectors

pytestmark = pytest.mark.django_db


def local(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """`days` from today (negative: past) at a local time, so "the same day" is Rīga's."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def session(run, days: int, **kwargs):
    start = local(days, 10)
    return ClassSessionFactory(run=run, starts_at=start,
                               ends_at=start + datetime.timedelta(minutes=90), **kwargs)


def mark(session_, enrollment, status=Status.PRESENT):
    AttendanceMarkFactory(session=session_, enrollment=enrollment, status=status)


@pytest.fixture
def group(run, make_user):
    s1 = session(run, -20)  # 2 h
    s2 = session(run, -15, is_cancelled=True)  # never counts
    s3 = session(run, -10, academic_hours=Decimal("3"), hours_set_by_hand=True)  # 3 h, not 2
    s4 = session(run, -5)  # 2 h
    session(run, 3)  # 2 h, planned, not held yet
    people = {name: make_user(username=name, first_name=name.title(), last_name="Test")
              for name in ("anna", "boris", "dina", "emil")}
    # Anna: seated before the first session; completed.
    anna = CompletedEnrollmentFactory(run=run, user=people["anna"])
    mark(s1, anna), mark(s2, anna), mark(s3, anna), mark(s4, anna, Status.LATE)
    # Boris joined two days before s3; a mark in s1 (before his seat) counts for nothing.
    boris = EnrollmentFactory(run=run, user=people["boris"], activated_at=local(-12, 12))
    mark(s1, boris), mark(s3, boris, Status.ABSENT), mark(s4, boris)
    # Dina was enrolled at the door half an hour into s4: that day's session is hers.
    dina = CompletedEnrollmentFactory(run=run, user=people["dina"],
                                      activated_at=local(-5, 10, 30))
    mark(s4, dina)
    # Emil left between s3 and s4; excused is not hours under the default rules.
    emil = EnrollmentFactory(run=run, user=people["emil"], state=Enrollment.State.WITHDRAWN,
                             withdrawn_at=local(-8, 12))
    mark(s1, emil), mark(s3, emil, Status.EXCUSED)
    return {"anna": anna, "boris": boris, "dina": dina, "emil": emil}, people


# (planned, offered, attended) by the rule in attendance/selectors/hours.py.
EXPECTED = {
    "anna": (Decimal(2 + 3 + 2 + 2), Decimal(2 + 3 + 2), Decimal(2 + 3 + 2)),
    "boris": (Decimal(3 + 2 + 2), Decimal(3 + 2), Decimal(2)),
    "dina": (Decimal(2 + 2), Decimal(2), Decimal(2)),
    "emil": (Decimal(2 + 3), Decimal(2 + 3), Decimal(2)),
}


def test_roster_my_page_certificate_and_report_agree(client, run, teacher, manager, group,
                                                     django_capture_on_commit_callbacks):
    enrollments, people = group
    names = {enrollment.pk: name for name, enrollment in enrollments.items()}
    client.force_login(teacher)

    # The roster: the group page (people holding a seat), its CSV export (everyone who
    # took a seat, the withdrawn too) and the API.
    page = client.get(f"/attendance/runs/{run.pk}/")
    roster = {names[f.enrollment_id]: (f.hours_planned, f.hours_held, f.hours_attended)
              for f in page.context["figures"]}
    assert roster == {name: EXPECTED[name] for name in ("anna", "boris", "dina")}

    rows = list(csv.reader(io.StringIO(
        client.get(f"/attendance/runs/{run.pk}/export.csv").content.decode("utf-8-sig"))))
    by_name = {row[0]: row for row in rows[1:]}
    exported = {name: tuple(Decimal(cell) for cell in by_name[f"{person.name}"][2:5])
                for name, person in people.items()}
    assert exported == EXPECTED

    api = client.get(f"/api/v1/runs/{run.pk}/attendance").json()
    assert {names[row["enrollment_id"]]: (Decimal(row["hours_planned"]),
                                          Decimal(row["hours_held"]),
                                          Decimal(row["hours_attended"]))
            for row in api} == roster

    # /my/: each person holding a seat sees their own hours.
    for name in ("anna", "boris", "dina"):
        client.force_login(people[name])
        panels = client.get("/my/").context["panels"]
        attendance = next(p["context"] for p in panels
                          if p["template"] == "attendance/dashboard_panel.html")
        (figures,) = [group_["figures"] for group_ in attendance["groups"]]
        assert (figures.hours_planned, figures.hours_held,
                figures.hours_attended) == EXPECTED[name]

    # The certificate snapshot, issued through the service.
    for name in ("anna", "dina"):
        with django_capture_on_commit_callbacks(execute=True):
            certificate = certificate_services.issue_certificate(
                enrollment_id=enrollments[name].pk)
        certificate.refresh_from_db()
        assert (Decimal(certificate.snapshot["hours_offered"]),
                certificate.hours_attended) == EXPECTED[name][1:]

    # The funder report: per person from its selectors, in sum on the page and in the CSV.
    scoped = report_selectors.scoped_enrollments(report_selectors.ReportFilter())
    counted = report_selectors.with_hours(scoped, now=timezone.now())
    assert {names[row.pk]: (row.hours_offered, row.hours_attended)
            for row in counted} == {name: e[1:] for name, e in EXPECTED.items()}
    offered = sum(e[1] for e in EXPECTED.values())
    attended = sum(e[2] for e in EXPECTED.values())
    report = report_selectors.participation_report(report_selectors.ReportFilter())
    assert (report.totals.hours_offered, report.totals.hours_attended) == (offered, attended)

    client.force_login(manager)
    totals = client.get("/reports/").context["report"].totals
    assert (totals.hours_offered, totals.hours_attended) == (offered, attended)
    rows = list(csv.reader(io.StringIO(
        client.get("/reports/export.csv").content.decode("utf-8-sig"))))
    # The total row: breakdown, value, four counts, completion %, offered, attended.
    total = rows[1]
    assert (Decimal(total[7]), Decimal(total[8])) == (offered, attended)
