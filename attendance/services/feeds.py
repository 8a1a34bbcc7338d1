"""Calendar feeds at secret addresses: made on first use, reset on request."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from attendance.models import CalendarFeed, new_secret
from attendance.permissions import can_follow_run
from cms.errors import NotAllowed
from courses.models import CourseRun


def feed_for(*, user: User, run: CourseRun | None = None) -> CalendarFeed:
    if run is not None and not can_follow_run(user, run.pk):
        raise NotAllowed(_("You are not in this group."), code="not_in_group")
    feed, _created = CalendarFeed.objects.get_or_create(user=user, run=run)
    return feed


@transaction.atomic
def reset_feed(*, user: User, run: CourseRun | None = None) -> CalendarFeed:
    """A new secret: calendars using the old address stop receiving the sessions."""
    feed = feed_for(user=user, run=run)
    feed.token = new_secret()
    feed.save(update_fields=["token"])
    return feed
