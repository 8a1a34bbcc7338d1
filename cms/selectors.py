"""Site-wide reads."""

from datetime import timedelta

from django.utils import timezone

from cms.models import WorkerHeartbeat


def latest_heartbeat() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-seen_at").first()


def worker_seen_recently(*, within: timedelta = timedelta(minutes=10)) -> bool:
    beat = latest_heartbeat()
    return beat is not None and beat.seen_at >= timezone.now() - within
