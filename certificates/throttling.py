"""Per-client limits on certificate lookups, so codes cannot be guessed by brute force.
Counted in Django's cache (Redis in production, shared by every web process)."""

import functools
import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

LOOKUPS_PER_WINDOW = 20
WINDOW_SECONDS = 600

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_address(text: str) -> IPAddress | None:
    """An address as proxies write it: bare, `1.2.3.4:5678` or `[2001:db8::1]:443`."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


@functools.cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def client_address(request) -> str:
    """The address of the visitor, for counting their lookups.

    Behind reverse proxies (settings.KOPA_TRUSTED_PROXIES) REMOTE_ADDR is the nearest
    proxy's, and every visitor would share one allowance; each proxy appends the address
    it was connected from to X-Forwarded-For. Only the entries our own proxies appended
    can be believed — whatever is left of them the visitor may have written — so the
    client is the rightmost entry that is not one of our proxies. Without trusted proxies
    the header is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = getattr(settings, "KOPA_TRUSTED_PROXIES", ())
    if not trusted:
        return remote
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if entry.strip()]
    chain = [*forwarded, remote]  # nearest hop last
    if isinstance(trusted, int):
        # A fixed number of hops: the entry the outermost proxy appended.
        index = max(0, len(chain) - 1 - trusted)
        candidates = chain[index:]
    else:
        networks = _trusted_networks(tuple(trusted))
        candidates = []
        for entry in reversed(chain):
            candidates.insert(0, entry)
            address = parse_address(entry)
            if address is None or not any(address in network for network in networks):
                break
    # Only an address counts: an unreadable entry falls back to the hop that wrote it.
    for entry in candidates:
        address = parse_address(entry)
        if address is not None:
            return str(address)
    return remote


def client_key(request) -> str:
    # The address is personal data: only a keyed hash of it goes into the cache.
    address = client_address(request)
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
