"""The report page, its downloads and the API: who may see what, bad filters answered
with a clear message, formula-looking labels neutralised, and a fixed query count."""

import csv
import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_manager_sees_the_report_in_latvian(client, world, manager):
    client.force_login(manager)
    response = client.get("/reports/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dalībnieku pārskats" in html  # the page's Latvian title
    assert "Sīrija" in html and "Kurzeme" in html
    assert "p1" not in html  # counts only, never who


def test_coordinators_see_their_people_only_and_others_nothing(client, world, learner,
                                                              teacher):
    client.force_login(world.coordinators["y"])
    html = client.get("/en/reports/").content.decode()
    assert "Afghanistan" in html and "Syria" not in html and "Ukraine" not in html
    # Asking for the other organisation is refused, not answered.
    x = world.organisations["x"].pk
    response = client.get(f"/en/reports/?organisation={x}")
    assert response.status_code == 422
    assert "Syria" not in response.content.decode()
    for person in (learner, teacher):
        client.force_login(person)
        assert client.get("/en/reports/").status_code == 404
        assert client.get("/en/reports/export.csv").status_code == 404


def test_a_wrong_date_is_a_message_not_an_error(client, world, manager):
    client.force_login(manager)
    response = client.get("/en/reports/?starts=2026-13-45")
    assert response.status_code == 422
    assert "Enter a valid date" in response.content.decode()
    response = client.get("/en/reports/?starts=2026-06-01&ends=2026-01-01")
    assert "The end of the period is before its start." in response.content.decode()


def test_csv_and_xlsx_downloads(client, world, manager):
    client.force_login(manager)
    response = client.get("/en/reports/export.csv?region=riga")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kopa-report-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Breakdown", "Value", "Participants"]
    assert rows[1][:3] == ["Total", "", "4"]
    courses = [row for row in rows if row and row[0] == "Course"]
    # An editor's title that a spreadsheet would run as a formula is neutralised.
    assert {row[1] for row in courses} == {"Integrācijas kurss", "'=Latviešu valoda A1"}

    response = client.get("/en/reports/export.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Summary", "Course", "Region of the group", "City",
                               "Language of instruction", "Citizenship", "Gender", "Age"]
    assert book["Summary"]["B2"].value == 5
    citizenship = [row[0] for row in book["Citizenship"].iter_rows(min_row=2,
                                                                    values_only=True)]
    assert set(citizenship) == {"Ukraine", "Syria", "Afghanistan", "Not recorded"}


def test_api_answers_managers_coordinators_and_refuses_the_rest(client, world, manager,
                                                                learner):
    client.force_login(manager)
    data = client.get("/api/v1/reports/participation?language=lv").json()
    assert data["totals"]["participants"] == 3
    assert {line["key"] for line in data["breakdowns"]["citizenship"]} == {"UA", "SY", ""}
    bad = client.get("/api/v1/reports/participation?starts=yesterday")
    assert bad.status_code == 422 and bad.json()["code"] == "validation_error"
    assert bad.json()["errors"][0]["field"] == "starts"

    client.force_login(world.coordinators["x"])
    data = client.get("/api/v1/reports/participation").json()
    assert data["totals"]["participants"] == 3
    client.force_login(learner)
    refused = client.get("/api/v1/reports/participation")
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    client.logout()
    assert client.get("/api/v1/reports/participation").status_code == 401


def test_my_page_links_to_reports_for_those_who_may_see_them(client, world, manager,
                                                              learner):
    client.force_login(manager)
    assert 'href="/en/reports/"' in client.get("/en/my/").content.decode() or \
        'href="/reports/"' in client.get("/my/").content.decode()
    client.force_login(learner)
    assert "/reports/" not in client.get("/my/", follow=True).content.decode()


def test_the_page_costs_a_fixed_number_of_queries(client, world, manager,
                                                  django_assert_max_num_queries):
    client.force_login(manager)
    client.get("/en/reports/")
    with django_assert_max_num_queries(24):
        assert client.get("/en/reports/").status_code == 200


def test_formula_labels_are_text_in_the_xlsx_report(client, world, manager):
    from openpyxl import load_workbook

    client.force_login(manager)
    book = load_workbook(io.BytesIO(client.get("/en/reports/export.xlsx").content))
    labels = [row[0] for row in book["Course"].iter_rows(min_row=2)]
    assert "'=Latviešu valoda A1" in [cell.value for cell in labels]
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows()
               for cell in row)
