"""An import check nobody imports keeps its rows (names, contacts) for a week, no longer."""

import datetime

import pytest
from django.utils import timezone, translation

from cms.errors import KopaError
from organisations import services
from organisations.models import ParticipantImport
from tests.organisations.conftest import xlsx_bytes
from tests.organisations.test_import import GOOD, preview

pytestmark = pytest.mark.django_db


def test_week_old_checks_lose_their_rows_and_cannot_be_imported(organisation, coordinator,
                                                                 run):
    old = preview(organisation, coordinator, xlsx_bytes(GOOD), run=run)
    fresh = preview(organisation, coordinator, xlsx_bytes(GOOD[:1]), run=run)
    ParticipantImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8))

    assert services.clear_stale_import_rows() == 1
    assert services.clear_stale_import_rows() == 0  # idempotent
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.state == ParticipantImport.State.EXPIRED and old.rows == []
    assert old.summary["rows"] == 4  # the counts stay for the record
    assert "Bērziņa" not in str(old.rows) and "Bērziņa" in str(fresh.rows)
    assert fresh.state == ParticipantImport.State.PREVIEWED

    with translation.override("en"), pytest.raises(KopaError) as error:
        services.commit_import(participant_import=old, by=coordinator, valid_only=True)
    assert error.value.code == "import_expired"
    assert "Upload the file again" in str(error.value.message)


def test_committed_imports_are_left_alone(organisation, coordinator, run):
    done = preview(organisation, coordinator, xlsx_bytes(GOOD), run=run)
    services.commit_import(participant_import=done, by=coordinator, valid_only=True)
    ParticipantImport.objects.filter(pk=done.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30))
    assert services.clear_stale_import_rows() == 0
    done.refresh_from_db()
    assert done.state == ParticipantImport.State.COMMITTED
