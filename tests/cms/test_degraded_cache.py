"""With Redis gone the site keeps working: the cache falls back to the database, so the
catalogue, the API and the throttles keep answering (and counting), and /health/ says the
cache is down."""

import pytest
from django.core.cache import cache, caches

pytestmark = pytest.mark.django_db
NOBODY = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.FallbackRedisCache", "LOCATION": NOBODY,
                    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}},
        "fallback": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                     "LOCATION": "kopa_cache"},
    }
    caches["fallback"].clear()


def test_counters_keep_counting_in_the_database(redis_down):
    assert cache.add("k", 1, timeout=60)
    assert not cache.add("k", 1, timeout=60)
    assert cache.incr("k") == 2 and cache.get("k") == 2
    assert caches["fallback"].get("k") == 2


def test_pages_and_api_answer_without_redis(redis_down, client, course):
    assert client.get("/api/v1/courses").status_code == 200
    assert client.get("/courses/").status_code == 200
    assert client.get("/verify/").status_code == 200
    from certificates.codes import display_code, new_code

    assert client.get(f"/verify/{display_code(new_code())}/").status_code == 404


def test_health_says_the_cache_is_down_though_pages_work(redis_down, client):
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["down"] == ["cache"]
