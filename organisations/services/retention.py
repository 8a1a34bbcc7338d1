"""How long the rows of an import (names, contacts, birth years) are kept when nobody
imports them: a coordinator who uploads a file and walks away should not leave a copy of
their participants' personal data behind for good."""

import datetime

from django.utils import timezone

from organisations.models import ParticipantImport

STALE_AFTER = datetime.timedelta(days=7)


def clear_stale_import_rows(*, now: datetime.datetime | None = None) -> int:
    """Empties the rows of checks older than a week that were never imported and marks
    them expired (the counts stay for the record). Safe to run any number of times."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    stale = ParticipantImport.objects.filter(
        state__in=[ParticipantImport.State.PREVIEWED, ParticipantImport.State.REJECTED],
        created_at__lt=cutoff)
    return stale.update(rows=[], state=ParticipantImport.State.EXPIRED)
