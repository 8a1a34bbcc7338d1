"""Site-wide writes."""

import secrets
import socket
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from cms.models import WorkerHeartbeat


def record_heartbeat(*, token: str, queued_at: datetime) -> WorkerHeartbeat:
    """Idempotent: a redelivered heartbeat finds its row and changes nothing."""
    heartbeat, _created = WorkerHeartbeat.objects.get_or_create(
        token=token, defaults={"hostname": socket.gethostname()[:255], "queued_at": queued_at})
    return heartbeat


def queue_heartbeat() -> str:
    """Queues a heartbeat once the current transaction commits; returns its token."""
    from cms.tasks import record_worker_heartbeat

    token = secrets.token_hex(16)
    queued_at = timezone.now().isoformat()
    transaction.on_commit(lambda: record_worker_heartbeat.delay(token, queued_at))
    return token


def publish_scheduled() -> None:
    """Publishes what editors scheduled (a page's "go live" date) and unpublishes what
    expired, as Wagtail's `publish_scheduled` command does; beat runs it every minute."""
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)
