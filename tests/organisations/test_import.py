"""Participant import: the dry run's row-by-row errors, all-or-nothing or valid-only
commits, names in any script surviving the round trip, and a bounded number of queries."""

import io

import pytest
from django.db import connection

from accounts.models import User
from cms.errors import KopaError
from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment
from organisations import services
from organisations.models import Participant, ParticipantImport
from tests.organisations.conftest import csv_bytes, xlsx_bytes

GOOD = [
    ("Anna", "Bērziņa", "anna@example.lv", "+371 20000000", "lv", "LV", "Rīga", "female",
     "1990"),
    ("Олена", "Коваленко", "", "", "uk", "UA", "Kurzeme", "f", "1985"),
    ("مریم", "احمدی", "", "", "en", "AF", "riga", "sieviete", "2001"),
    ("Ģirts", "Šņoriņš", "", "", "latviešu", "", "", "", ""),
]


def preview(organisation, coordinator, content, run=None, filename="people.xlsx"):
    return services.preview_import(organisation=organisation, run=run, filename=filename,
                                   content=content, by=coordinator)


def test_dry_run_saves_nobody_and_reports_every_row(organisation, coordinator, run):
    result = preview(organisation, coordinator, xlsx_bytes(GOOD), run=run)
    assert result.summary == {"rows": 4, "valid": 4, "invalid": 0, "new_accounts": 4,
                              "without_email": 3}
    assert [row["line"] for row in result.rows] == [2, 3, 4, 5]
    assert not Participant.objects.exists()
    assert not Enrollment.objects.exists()


def test_dry_run_finds_bad_email_duplicates_already_enrolled_and_full_group(
        organisation, coordinator, course, make_user):
    run = CourseRunFactory(course=course, capacity=3, waitlist_enabled=False)
    organisation.runs.add(run)
    enrolled = make_user(email="jau@example.lv")
    Participant.objects.create(organisation=organisation, user=enrolled)
    EnrollmentFactory(run=run, user=enrolled)
    rows = [
        ("Anna", "Bērziņa", "not-an-email", "", "lv", "", "", "", ""),
        ("Jānis", "Kalns", "janis@example.lv", "", "lv", "", "", "", ""),
        ("Jānis", "Kalns", "JANIS@example.lv", "", "lv", "", "", "", ""),
        ("Jau", "Esošs", "jau@example.lv", "", "lv", "", "", "", ""),
        ("Pēteris", "Liepa", "", "", "lv", "", "", "", ""),
        ("Ilze", "Ozola", "", "", "lv", "", "", "", ""),
        ("", "BezVārda", "", "", "klingon", "Atlantīda", "Marss", "?", "3000"),
    ]
    result = preview(organisation, coordinator, xlsx_bytes(rows), run=run)
    codes = {row["line"]: [e["code"] for e in row["errors"]] for row in result.rows}
    assert codes[2] == ["bad_email"]
    assert codes[3] == []
    assert codes[4] == ["duplicate_in_file"]
    assert codes[5] == ["already_enrolled"]
    assert codes[6] == []
    assert codes[7] == ["run_full"]
    assert set(codes[8]) == {"name_missing", "bad_language", "bad_citizenship", "bad_region",
                             "bad_gender", "bad_birth_year"}
    assert result.summary["invalid"] == 5


def test_a_full_group_with_a_waiting_list_is_a_note_not_an_error(organisation, coordinator,
                                                                 course):
    run = CourseRunFactory(course=course, capacity=1)
    organisation.runs.add(run)
    result = preview(organisation, coordinator, xlsx_bytes(GOOD[:2]), run=run)
    assert result.summary["invalid"] == 0
    assert [n["code"] for n in result.rows[1]["notes"]] == ["waitlisted"]


def test_all_or_nothing_commit_imports_nothing_when_a_row_is_bad(organisation, coordinator,
                                                                 run):
    rows = [*GOOD, ("Bad", "Row", "bad@", "", "lv", "", "", "", "")]
    result = preview(organisation, coordinator, xlsx_bytes(rows), run=run)
    with pytest.raises(KopaError) as error:
        services.commit_import(participant_import=result, by=coordinator, valid_only=False)
    assert error.value.code == "import_has_errors"
    assert not Participant.objects.exists()
    assert not User.objects.filter(last_name="Bērziņa").exists()
    result.refresh_from_db()
    assert result.state == ParticipantImport.State.PREVIEWED


def test_valid_only_commit_imports_and_enrols_the_valid_rows(organisation, coordinator, run):
    rows = [*GOOD, ("Bad", "Row", "bad@", "", "lv", "", "", "", "")]
    result = preview(organisation, coordinator, xlsx_bytes(rows), run=run)
    done = services.commit_import(participant_import=result, by=coordinator, valid_only=True)
    assert done.state == ParticipantImport.State.COMMITTED
    assert done.summary["imported"] == 4 and done.summary["enrolled"] == 4
    assert Enrollment.objects.filter(run=run, method="import").count() == 4
    # The stored rows no longer hold names or contacts.
    assert "first_name" not in done.rows[0]
    with pytest.raises(KopaError):
        services.commit_import(participant_import=done, by=coordinator, valid_only=True)


def test_names_in_any_script_survive_the_xlsx_round_trip(organisation, coordinator, run):
    result = preview(organisation, coordinator, xlsx_bytes(GOOD), run=run)
    services.commit_import(participant_import=result, by=coordinator, valid_only=False)
    names = set(User.objects.filter(memberships__organisation=organisation)
                .values_list("first_name", "last_name"))
    assert {("Anna", "Bērziņa"), ("Олена", "Коваленко"), ("مریم", "احمدی"),
            ("Ģirts", "Šņoriņš")} == names
    olena = User.objects.get(first_name="Олена")
    assert olena.email is None and olena.preferred_language == "uk"
    assert olena.username.isascii() and not olena.has_usable_password()
    member = Participant.objects.get(user=olena)
    assert (member.citizenship, member.region, member.gender, member.birth_year) == (
        "UA", "kurzeme", "female", 1985)


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-8", ";"),
                                                     ("cp1257", ";")])
def test_csv_in_common_encodings_and_separators(organisation, coordinator, encoding,
                                                delimiter):
    rows = [("Ģirts", "Šņoriņš", "", "", "lv", "", "", "", "")]
    content = csv_bytes(rows, encoding=encoding, delimiter=delimiter)
    result = preview(organisation, coordinator, content, filename="people.csv")
    assert result.rows[0]["last_name"] == "Šņoriņš"
    assert result.summary["valid"] == 1


def test_latvian_headers_are_understood(organisation, coordinator):
    content = csv_bytes([("Līga", "Priede", "liga@example.lv")],
                        header=["Vārds", "Uzvārds", "E-pasts"])
    result = preview(organisation, coordinator, content, filename="dalibnieki.csv")
    assert result.rows[0]["email"] == "liga@example.lv"


@pytest.mark.parametrize(("filename", "content", "code"), [
    ("people.pdf", b"%PDF", "bad_file_type"),
    ("people.xlsx", b"not a zip", "bad_file"),
    ("people.csv", b"", "empty_file"),
    ("people.csv", b"Telefons\n123\n", "missing_columns"),
])
def test_unreadable_files_get_a_clear_error(organisation, coordinator, filename, content,
                                            code):
    with pytest.raises(KopaError) as error:
        preview(organisation, coordinator, content, filename=filename)
    assert error.value.code == code
    assert not ParticipantImport.objects.exists()


def test_existing_accounts_are_reused_only_when_they_are_already_ours(
        organisation, coordinator, make_user):
    existing = make_user(email="anna@example.lv")
    # Not this organisation's participant: a coordinator may not pull her in, nor learn
    # that she exists; the row reads as a new person.
    result = preview(organisation, coordinator, xlsx_bytes(GOOD[:1]))
    assert not result.rows[0]["errors"] and not result.rows[0]["notes"]
    assert result.rows[0]["user_id"] is None
    # Once she is the organisation's participant, her account is used, not doubled.
    Participant.objects.create(organisation=organisation, user=existing)
    result = preview(organisation, coordinator, xlsx_bytes(GOOD[:1]))
    assert result.rows[0]["user_id"] == existing.pk and not result.rows[0]["errors"]
    services.commit_import(participant_import=result, by=coordinator, valid_only=False)
    assert User.objects.filter(email__iexact="anna@example.lv").count() == 1
    assert Participant.objects.get().user == existing


def test_a_manager_may_link_an_existing_account(organisation, make_user):
    from accounts.demo import ensure_groups

    existing = make_user(email="anna@example.lv")
    manager = make_user(username="manager-i", email="manager-i@example.lv")
    manager.groups.add(ensure_groups()["Managers"])
    manager.refresh_from_db()
    result = preview(organisation, manager, xlsx_bytes(GOOD[:1]))
    assert result.rows[0]["user_id"] == existing.pk and not result.rows[0]["errors"]
    services.commit_import(participant_import=result, by=manager, valid_only=False)
    assert Participant.objects.get(organisation=organisation).user == existing


def test_importing_the_same_file_twice_creates_nobody_twice(organisation, coordinator, run):
    for _round in range(2):
        result = preview(organisation, coordinator, xlsx_bytes(GOOD[:3]))
        services.commit_import(participant_import=result, by=coordinator, valid_only=True)
    assert Participant.objects.filter(organisation=organisation).count() == 3


def rows_of(n: int) -> list:
    return [(f"Dalībnieks{i}", f"Bērziņš{i}", f"p{i}@example.lv" if i % 2 else "", "",
             "ru", "UA", "Rīga", "m", "1990") for i in range(n)]


def test_500_rows_import_in_a_bounded_number_of_queries(organisation, coordinator, course,
                                                        django_assert_max_num_queries):
    counts = []
    for size in (20, 500):
        run = CourseRunFactory(course=course, capacity=600)
        organisation.runs.add(run)
        content = xlsx_bytes(rows_of(size) if size == 20 else
                             [(f"X{r[0]}", *r[1:2], r[2].replace("@", "x@"), *r[3:])
                              for r in rows_of(size)])
        with django_assert_max_num_queries(60) as captured:
            result = preview(organisation, coordinator, content, run=run)
            services.commit_import(participant_import=result, by=coordinator,
                                   valid_only=False)
        counts.append(len(captured.captured_queries))
        assert Enrollment.objects.filter(run=run).count() == size
    if connection.vendor == "postgresql":
        # One INSERT per table whatever the size (username collisions may cost a round).
        assert counts[1] - counts[0] <= 2, counts
    else:
        # SQLite caps parameters per statement, so Django splits bulk inserts into batches.
        assert counts[1] <= 60, counts


def test_names_survive_export_and_re_import(organisation, coordinator, run, client):
    result = preview(organisation, coordinator, xlsx_bytes(GOOD), run=run)
    services.commit_import(participant_import=result, by=coordinator, valid_only=False)
    client.force_login(coordinator)
    exported = client.get(f"/organisations/{organisation.pk}/participants.xlsx")
    assert exported.status_code == 200
    again = preview(organisation, coordinator, exported.content)
    names = {(row["first_name"], row["last_name"]) for row in again.rows}
    assert names == {(row[0], row[1]) for row in GOOD}
    assert all(row["valid"] and row["user_id"] for row in again.rows)
    assert all(n["code"] == "existing_account" for row in again.rows for n in row["notes"])


def test_formula_looking_names_are_inert_in_the_export_and_read_back_as_written(
        organisation, coordinator, run, client):
    import io

    from openpyxl import load_workbook

    sneaky = [["=Anna", "+Bērziņa", "", "", "lv", "LV", "Rīga", "female", "1990"],
              ["@Olena", "-Koval", "", "", "lv", "LV", "Rīga", "female", "1991"]]
    result = preview(organisation, coordinator, csv_bytes(sneaky), run=run, filename="p.csv")
    assert [row["errors"] for row in result.rows] == [[], []]
    services.commit_import(participant_import=result, by=coordinator, valid_only=False)
    client.force_login(coordinator)
    exported = client.get(f"/organisations/{organisation.pk}/participants.xlsx")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row[:2]]
    assert cells and all(cell.data_type != "f" for cell in cells)
    assert all(str(cell.value).startswith("'") for cell in cells)
    again = preview(organisation, coordinator, exported.content)
    assert {(row["first_name"], row["last_name"]) for row in again.rows} == {
        (row[0], row[1]) for row in sneaky}


FORMULA_NAMES = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)"]


def test_formula_names_are_text_in_the_participants_workbook_and_re_import_as_typed(
        organisation, coordinator, client):
    from openpyxl import load_workbook

    from accounts.services import create_user
    from organisations.factories import ParticipantFactory

    for number, name in enumerate(FORMULA_NAMES):
        user = create_user(first_name=name, last_name="X", phone=f"+371 2000000{number}")
        ParticipantFactory(organisation=organisation, user=user)
    client.force_login(coordinator)
    exported = client.get(f"/organisations/{organisation.pk}/participants.xlsx")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == sorted(f"'{name}" for name in FORMULA_NAMES)
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row
               if cell.value is not None)
    # The apostrophe is Kopā's, not the person's: an upload of the file reads the names.
    again = preview(organisation, coordinator, exported.content)
    assert sorted(row["first_name"] for row in again.rows) == sorted(FORMULA_NAMES)
    assert all(row["user_id"] for row in again.rows)


def test_the_sample_csv_has_no_cell_a_spreadsheet_would_run(organisation, coordinator,
                                                           client):
    import csv

    client.force_login(coordinator)
    response = client.get(f"/organisations/{organisation.pk}/import/sample.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert not [cell for row in rows for cell in row if cell[:1] in "=+-@\t\r" and cell]
    assert rows[1][3] == "'+371 20000000"
