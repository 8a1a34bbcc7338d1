"""Exports a funder can audit, the sign-in sheet, and calendar feeds at secret addresses."""

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.services import create_user
from attendance.factories import AttendanceMarkFactory
from attendance.models import CalendarFeed
from courses.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sneaky(run):
    user = create_user(first_name="=HYPERLINK(\"http://evil\")", last_name="Ozola")
    return EnrollmentFactory(run=run, user=user)


FORMULA_NAMES = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)"]


@pytest.fixture
def formula_people(run):
    return [EnrollmentFactory(run=run, user=create_user(first_name=name, last_name="X"))
            for name in FORMULA_NAMES]


def test_formula_names_are_text_in_both_exports(client, run, teacher, formula_people,
                                                past_session):
    client.force_login(teacher)
    response = client.get(f"/en/attendance/runs/{run.pk}/export.csv")
    _header, *people = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    assert sorted(row[0] for row in people) == sorted(f"'{name} X" for name in FORMULA_NAMES)
    response = client.get(f"/en/attendance/runs/{run.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = sheet["A"][1:]
    assert sorted(cell.value for cell in cells) == sorted(f"'{name} X"
                                                          for name in FORMULA_NAMES)
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row
               if isinstance(cell.value, str))


def test_csv_has_one_row_per_participant_with_hours_and_statuses(
        client, run, teacher, enrollment, sneaky, past_session):
    AttendanceMarkFactory(session=past_session, enrollment=enrollment, status="late")
    client.force_login(teacher)
    response = client.get(f"/en/attendance/runs/{run.pk}/export.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *people = rows
    assert len(people) == 2
    assert "2.00 ac. h" in header[-1] and "90 min" in header[-1]
    by_name = {row[0]: row for row in people}
    row = by_name[enrollment.user.name]
    assert row[2:5] == ["2.00", "2.00", "2.00"] and row[-1] == "Late"
    assert any(name.startswith("'=HYPERLINK") for name in by_name)


def test_the_state_column_is_in_the_readers_language(client, run, teacher, enrollment,
                                                     make_user, past_session):
    from django.utils import timezone

    from courses.models import Enrollment

    EnrollmentFactory(run=run, user=make_user(first_name="Olena", last_name="Koval"),
                      state=Enrollment.State.WITHDRAWN, withdrawn_at=timezone.now())
    client.force_login(teacher)
    for prefix, active, withdrawn in [("/en", "Active", "Withdrawn"),
                                      ("", "Aktīvs", "Atsaukts"),
                                      ("/uk", "Активний", "Відкликаний")]:
        response = client.get(f"{prefix}/attendance/runs/{run.pk}/export.csv")
        _header, *people = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
        states = {row[0]: row[1] for row in people}
        assert states == {enrollment.user.name: active, "Olena Koval": withdrawn}
    response = client.get(f"/en/attendance/runs/{run.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sorted(cell.value for cell in sheet["B"][1:]) == ["Active", "Withdrawn"]


def test_xlsx_export_neutralises_formulas_too(client, run, teacher, sneaky, past_session):
    client.force_login(teacher)
    response = client.get(f"/attendance/runs/{run.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [cell.value for cell in sheet["A"][1:]]
    assert names[0].startswith("'=HYPERLINK")
    assert sheet.cell(row=2, column=3).value == 2.0


def test_learners_cannot_download_exports(client, run, enrollment):
    client.force_login(enrollment.user)
    assert client.get(f"/en/attendance/runs/{run.pk}/export.csv").status_code == 404


def test_sign_in_sheet_is_a_pdf_with_every_name(client, teacher, past_session, enrollment):
    client.force_login(teacher)
    response = client.get(f"/attendance/sessions/{past_session.pk}/sign-in-sheet.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert enrollment.user.last_name in text  # Latvian letters intact
    assert "Signature" in text or "Paraksts" in text


def test_personal_calendar_feed_lists_the_learners_sessions(client, enrollment, past_session,
                                                            future_session):
    client.force_login(enrollment.user)
    client.get("/attendance/calendar/")
    feed = CalendarFeed.objects.get(user=enrollment.user, run=None)
    client.logout()
    response = client.get(f"/attendance/calendar/{feed.token}.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.count("BEGIN:VEVENT") == 2
    assert f"UID:kopa-session-{future_session.pk}@" in body


def test_resetting_the_address_stops_the_old_one(client, enrollment, past_session):
    client.force_login(enrollment.user)
    client.get(f"/attendance/calendar/?run={enrollment.run_id}")
    old = CalendarFeed.objects.get(user=enrollment.user, run=enrollment.run).token
    client.post("/attendance/calendar/reset/", {"run": enrollment.run_id})
    new = CalendarFeed.objects.get(user=enrollment.user, run=enrollment.run).token
    assert new != old
    assert client.get(f"/attendance/calendar/{old}.ics").status_code == 404
    assert client.get(f"/attendance/calendar/{new}.ics").status_code == 200


def test_a_run_feed_needs_a_place_in_the_group(client, learner, run):
    client.force_login(learner)
    assert client.get(f"/attendance/calendar/?run={run.pk}").status_code == 404


def test_a_teachers_personal_feed_has_the_sessions_they_teach(client, teacher, past_session):
    client.force_login(teacher)
    client.get("/attendance/calendar/")
    feed = CalendarFeed.objects.get(user=teacher, run=None)
    body = client.get(f"/attendance/calendar/{feed.token}.ics").content.decode()
    assert body.count("BEGIN:VEVENT") == 1
