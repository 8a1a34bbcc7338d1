"""Redis as the cache, the database when Redis cannot be reached.

Rate limits, check-in counters and cached pages live in the cache. With a plain Redis
backend, Redis going away turned the catalogue, check-in and certificate verification into
500s; failing open instead would switch the throttles off. Each call falls back to a
database cache (`kopa_cache`, created by a migration) for as long as Redis is down, so
pages keep working and counters keep counting."""

import logging
import time

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
FALLBACK_ALIAS = "fallback"
# After a failed call, Redis is not asked again for this long: each try costs a timeout.
RETRY_AFTER_SECONDS = 5.0
_UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)


def _with_fallback(name: str):
    def call(self, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(FallbackRedisCache, self), name)(*args, **kwargs)
            except _UNREACHABLE as error:
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
                logger.warning("cache: Redis unreachable (%s), using the database",
                               type(error).__name__)
        return getattr(caches[FALLBACK_ALIAS], name)(*args, **kwargs)

    call.__name__ = name
    return call


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._down_until = 0.0

    def redis_reachable(self) -> bool:
        """For /health/: asks Redis itself, never the fallback."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except _UNREACHABLE:
            return False

    add = _with_fallback("add")
    get = _with_fallback("get")
    set = _with_fallback("set")
    touch = _with_fallback("touch")
    delete = _with_fallback("delete")
    get_many = _with_fallback("get_many")
    has_key = _with_fallback("has_key")
    incr = _with_fallback("incr")
    set_many = _with_fallback("set_many")
    delete_many = _with_fallback("delete_many")
    clear = _with_fallback("clear")
