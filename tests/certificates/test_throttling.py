"""Verification lookups are counted per visitor: behind trusted reverse proxies the visitor's
address comes from X-Forwarded-For (the rightmost entry our proxies did not write),
otherwise from the connection, and a header a visitor writes themselves never buys them a
fresh allowance."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from certificates.codes import display_code, new_code
from certificates.throttling import client_address
from cms.settings.base import env_trusted_proxies

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    settings.CERTIFICATES_VERIFY_LIMIT = 2
    cache.clear()
    yield
    cache.clear()


def lookup(client, remote: str, forwarded: str | None = None) -> int:
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    code = display_code(new_code())
    return client.get(f"/en/verify/{code}/", **headers).status_code


def address(remote: str, forwarded: str | None = None) -> str:
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/verify/", **headers))


def test_without_trusted_proxies_a_spoofed_header_is_ignored(client, settings):
    settings.KOPA_TRUSTED_PROXIES = ()
    assert address("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    # A new made-up address with every request does not reset the count.
    statuses = [lookup(client, "203.0.113.7", f"198.51.100.{i}") for i in range(3)]
    assert statuses == [404, 404, 429]


def test_behind_one_proxy_each_visitor_has_their_own_allowance(client, settings):
    settings.KOPA_TRUSTED_PROXIES = 1
    assert [lookup(client, PROXY, "203.0.113.7") for _ in range(3)] == [404, 404, 429]
    # Another visitor through the same proxy is not blocked by the first one.
    assert lookup(client, PROXY, "198.51.100.20") == 404
    # The blocked visitor writing their own header: the proxy appends their real address,
    # and only that is believed.
    assert lookup(client, PROXY, "192.0.2.99, 203.0.113.7") == 429
    assert address(PROXY, "192.0.2.99, 203.0.113.7") == "203.0.113.7"


def test_a_number_of_hops_counts_from_the_nearest(settings):
    settings.KOPA_TRUSTED_PROXIES = 2
    # visitor-written, real client, first proxy; REMOTE_ADDR is the second proxy
    assert address(PROXY, "192.0.2.99, 203.0.113.7, 10.0.0.9") == "203.0.113.7"
    # Fewer entries than hops (e.g. a health check from inside): the farthest one known.
    assert address(PROXY, "10.0.0.9") == "10.0.0.9"
    assert address(PROXY) == PROXY


def test_listed_proxies_are_skipped_from_the_right(client, settings):
    settings.KOPA_TRUSTED_PROXIES = ("10.0.0.0/8", "2001:db8::1")
    assert address(PROXY, "192.0.2.99, 203.0.113.7, 10.1.2.3") == "203.0.113.7"
    assert address("2001:db8::1", "[2001:db8:5::7]:4711") == "2001:db8:5::7"
    assert address(PROXY, "203.0.113.7:51234") == "203.0.113.7"
    # Not connected through one of our proxies: the header is the visitor's own invention.
    assert address("203.0.113.50", "198.51.100.1") == "203.0.113.50"
    # An unreadable entry falls back to the proxy that passed it on.
    assert address(PROXY, "unknown") == PROXY
    statuses = [lookup(client, PROXY, f"192.0.2.{i}, 203.0.113.7") for i in range(3)]
    assert statuses == [404, 404, 429]
    assert lookup(client, "203.0.113.50", "203.0.113.99") == 404
    assert lookup(client, "203.0.113.50", "203.0.113.98") == 404
    assert lookup(client, "203.0.113.50", "203.0.113.97") == 429


def test_the_setting_reads_a_count_or_a_list_and_refuses_nonsense(monkeypatch):
    monkeypatch.delenv("KOPA_TRUSTED_PROXIES", raising=False)
    assert env_trusted_proxies("KOPA_TRUSTED_PROXIES") == ()
    monkeypatch.setenv("KOPA_TRUSTED_PROXIES", "1")
    assert env_trusted_proxies("KOPA_TRUSTED_PROXIES") == 1
    monkeypatch.setenv("KOPA_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.5,2001:db8::/32")
    assert env_trusted_proxies("KOPA_TRUSTED_PROXIES") == ("10.0.0.0/8", "192.168.1.5",
                                                           "2001:db8::/32")
    monkeypatch.setenv("KOPA_TRUSTED_PROXIES", "nginx")
    with pytest.raises(ImproperlyConfigured):
        env_trusted_proxies("KOPA_TRUSTED_PROXIES")
