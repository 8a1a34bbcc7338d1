"""Every URL pattern of the site as a path that reaches it, for tests that must cover every
route (a new route is covered without being listed)."""

import re
import uuid
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, UUIDConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

_GROUP = re.compile(r"\(\?P<\w+>(?:[^()]|\([^()]*\))*\)|\((?:[^()]|\([^()]*\))*\)")


def _sample(converter) -> str:
    if isinstance(converter, IntConverter):
        return "1"
    if isinstance(converter, UUIDConverter):
        return str(uuid.UUID(int=1))
    return "x"


def _piece(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route)
        for name, converter in pattern.converters.items():
            route = re.sub(rf"<(?:\w+:)?{name}>", _sample(converter), route)
        return route
    assert isinstance(pattern, RegexPattern)
    regex = pattern._regex.lstrip("^").rstrip("$")
    # A captured part becomes a plain value; what is left is literal text.
    regex = _GROUP.sub("1", regex)
    return regex.replace("\\", "").replace("?", "")


def _walk(resolver: URLResolver, prefix: str) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        path = prefix + _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, path)
        else:
            yield path, entry


def _resolvable(path: str) -> str:
    """`path` (or it with a closing slash) if it reaches a view; "" otherwise. Some paths
    are shared by several patterns (an API path with one operation per method)."""
    for candidate in (path, path + "/"):
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return ""


def every_route() -> list[tuple[str, str]]:
    """(name or pattern, a path that resolves to it) for every URL pattern."""
    routes = []
    for path, entry in _walk(get_resolver(), "/"):
        label = entry.name or str(entry.pattern)
        routes.append((f"{label} {path}", _resolvable(path)))
    return routes
