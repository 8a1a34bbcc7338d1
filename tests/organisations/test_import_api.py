"""The import over the API: a dry run reports every row, an all-or-nothing commit with a
bad row imports nobody (409), a valid-only commit imports the rest (201)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from organisations.models import Participant
from tests.organisations.conftest import xlsx_bytes
from tests.organisations.test_import import GOOD

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, organisation, rows, **form):
    return client.post(f"/api/v1/organisations/{organisation.pk}/imports", {
        "file": SimpleUploadedFile("people.xlsx", xlsx_bytes(rows), content_type=XLSX),
        **form})


def test_dry_run_then_commits_over_the_api(client, organisation, coordinator, run):
    client.force_login(coordinator)
    rows = [*GOOD, ("Slikta", "Rinda", "nav@", "", "lv", "", "", "", "")]
    checked = upload(client, organisation, rows, run_id=run.pk)
    assert checked.status_code == 200
    data = checked.json()
    assert data["summary"]["valid"] == 4 and data["summary"]["invalid"] == 1
    assert not Participant.objects.exists()

    everyone = client.post(
        f"/api/v1/organisations/{organisation.pk}/imports/{data['id']}/commit",
        {"valid_only": False}, content_type="application/json")
    assert everyone.status_code == 409
    assert everyone.json()["code"] == "import_has_errors"
    assert not Participant.objects.exists()

    valid = client.post(
        f"/api/v1/organisations/{organisation.pk}/imports/{data['id']}/commit",
        {"valid_only": True}, content_type="application/json")
    assert valid.status_code == 201
    assert Participant.objects.filter(organisation=organisation).count() == 4
    again = client.post(
        f"/api/v1/organisations/{organisation.pk}/imports/{data['id']}/commit",
        {"valid_only": True}, content_type="application/json")
    assert again.status_code == 409  # a double click imports nobody twice


def test_a_broken_file_is_a_json_error(client, organisation, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/api/v1/organisations/{organisation.pk}/imports", {
        "file": SimpleUploadedFile("people.xlsx", b"not a spreadsheet", content_type=XLSX)})
    assert 400 <= response.status_code < 500
    assert set(response.json()) >= {"code", "message"}
