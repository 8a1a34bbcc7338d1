"""`/health/` tells which part is down: 503 when the database, the cache or the broker
cannot be reached, and a warning when the broker would lose queued tasks on a restart."""

import os

import pytest

pytestmark = pytest.mark.django_db
NOBODY = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def test_health_reports_every_part(client):
    response = client.get("/health/")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok" and body["down"] == []
    assert body["database"]["ok"] and body["database"]["vendor"] in ("sqlite", "postgresql")
    assert body["cache"]["ok"] and body["broker"]["ok"]
    assert set(body["worker"]) == {"ok", "last_seen"}


def test_health_answers_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": NOBODY,
                                   "OPTIONS": {"socket_connect_timeout": 1}}}
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["down"] == ["cache"] and response.json()["status"] == "down"


def test_health_answers_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = NOBODY
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["down"] == ["broker"]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL")
def test_health_warns_when_the_redis_broker_keeps_nothing_on_disk(client, settings):
    import redis

    settings.CELERY_BROKER_URL = os.environ["REDIS_URL"]
    appendonly = redis.Redis.from_url(os.environ["REDIS_URL"]).config_get("appendonly")
    body = client.get("/health/").json()
    assert body["broker"]["persistent"] == (appendonly["appendonly"] == "yes")
    assert ("broker_not_persistent" in body["warnings"]) == (appendonly["appendonly"] != "yes")


def test_health_counts_what_the_outbox_owes_and_warns_when_it_is_late(client, settings):
    import datetime

    from django.utils import timezone

    from cms.models import Effect

    now = timezone.now()
    ago = now - datetime.timedelta(seconds=settings.KOPA_EFFECT_OVERDUE_SECONDS + 60)
    Effect.objects.create(kind="tests.k", key="fresh", due_at=now, next_try_at=now)
    assert client.get("/health/").json()["effects"] == {
        "ok": True, "waiting": 1, "overdue": 0, "given_up": 0}
    assert not [w for w in client.get("/health/").json()["warnings"] if "effects" in w]
    Effect.objects.create(kind="tests.k", key="late", due_at=ago, next_try_at=ago)
    Effect.objects.create(kind="tests.k", key="dead", due_at=ago, next_try_at=ago,
                          gave_up_at=now)
    Effect.objects.create(kind="tests.k", key="done", due_at=ago, next_try_at=ago,
                          delivered_at=now)
    response = client.get("/health/")
    body = response.json()
    # Reported, not "down": the site works and the effects wait in the database.
    assert response.status_code == 200
    assert body["effects"] == {"ok": True, "waiting": 2, "overdue": 1, "given_up": 1}
    assert [w for w in body["warnings"] if "effects" in w] == ["effects_overdue",
                                                                "effects_given_up"]
