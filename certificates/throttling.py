"""Per-client limits on certificate lookups, so codes cannot be guessed by brute force.
Counted in Django's cache (Redis in production, shared by every web process)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

LOOKUPS_PER_WINDOW = 20
WINDOW_SECONDS = 600


def client_key(request) -> str:
    # The address is personal data: only a keyed hash of it goes into the cache.
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:24]
    return digest


def allow_lookup(request) -> bool:
    """Counts one lookup for this client; False once the window's allowance is used up."""
    limit = getattr(settings, "CERTIFICATES_VERIFY_LIMIT", LOOKUPS_PER_WINDOW)
    window = int(time.time() // WINDOW_SECONDS)
    key = f"certificates:verify:{client_key(request)}:{window}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        return True
    return count <= limit
