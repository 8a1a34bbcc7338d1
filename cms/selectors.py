"""Site-wide reads."""

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone
from kombu.connection import Connection  # kombu's package root does not re-export it

from cms.models import Effect, WorkerHeartbeat


def latest_heartbeat() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-seen_at").first()


def beat_is_recent(beat: WorkerHeartbeat | None, *,
                   within: timedelta = timedelta(minutes=10)) -> bool:
    """Whether a worker has been heard from lately (the heartbeat runs every few minutes)."""
    return beat is not None and beat.seen_at >= timezone.now() - within


def _check(probe: Callable[[], Mapping[str, object] | None]) -> dict[str, object]:
    try:
        return {"ok": True, **(probe() or {})}
    except Exception as error:  # any failure of a part means "down"
        return {"ok": False, "error": type(error).__name__}


def _database() -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"vendor": connection.vendor}


def _cache() -> dict[str, object] | None:
    if hasattr(cache, "redis_reachable"):  # cms.cache.FallbackRedisCache
        if not cache.redis_reachable():
            raise ConnectionError("Redis unreachable; the database cache stands in")
        return {"backend": "redis"}
    key = "kopa:health"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not keep a value")
    return None


def _broker() -> dict[str, object]:
    """Reachable, and whether it keeps queued tasks through a restart: a Redis without
    append-only persistence loses every queued e-mail and certificate when it restarts."""
    url = settings.CELERY_BROKER_URL
    if url.startswith(("redis://", "rediss://")):
        client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        try:
            client.ping()
            try:
                persistent: bool | None = client.config_get("appendonly").get("appendonly") == "yes"
            except redis.ResponseError:  # CONFIG disabled (managed Redis): cannot tell
                persistent = None
        finally:
            client.close()
        return {"transport": "redis", "persistent": persistent}
    if url.startswith("sqla+"):
        return {"transport": "sqlalchemy", "persistent": True}  # a database file or server
    with Connection(url, connect_timeout=1) as conn:
        conn.ensure_connection(max_retries=1)
    return {"transport": url.split(":", 1)[0], "persistent": None}


def outbox_state(*, now: datetime | None = None) -> dict[str, int]:
    """How many effects are owed, how many of them are overdue, and how many were given up
    on: one query over the owed rows (delivered ones are pruned after a month)."""
    now = now or timezone.now()
    late = now - timedelta(seconds=settings.KOPA_EFFECT_OVERDUE_SECONDS)
    return Effect.objects.filter(delivered_at__isnull=True).aggregate(
        waiting=Count("pk", filter=Effect.WAITING),
        overdue=Count("pk", filter=Effect.WAITING & Q(next_try_at__lt=late)),
        given_up=Count("pk", filter=Effect.GIVEN_UP))


def health() -> dict[str, object]:
    """Each part the site needs, checked now. The worker is reported, not required: it
    may be restarting, and what it delivers waits in the database meanwhile."""
    parts = {"database": _check(_database), "cache": _check(_cache), "broker": _check(_broker)}
    try:
        seen = latest_heartbeat()
    except Exception:  # the database is down: reported above
        seen = None
    parts["worker"] = {"ok": beat_is_recent(seen),
                       "last_seen": seen.seen_at.isoformat() if seen else None}
    warnings = []
    if parts["broker"].get("persistent") is False:
        warnings.append("broker_not_persistent")
    if parts["database"]["ok"]:
        parts["effects"] = outbox = _check(outbox_state)
        warnings += [f"effects_{name}" for name in ("overdue", "given_up") if outbox.get(name)]
    needed_down = [name for name in ("database", "cache", "broker") if not parts[name]["ok"]]
    return {"status": "down" if needed_down else "ok", "down": needed_down,
            "warnings": warnings, **parts}
