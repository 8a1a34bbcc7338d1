"""The access matrix (issue 10, acceptance 13): every URL pattern of the site and every
operation of the API, by every role, by the methods each route accepts, each cell one
assertion, against one world (tests/security/world.py) and the table in matrix.py.

Besides the status, every denial and every response to a role that may not know the
learner must not contain the learner's name or essay (`SECRETS`); a person's own pages
must show that person."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security.matrix import (
    API,
    API_PROBES,
    PAGES,
    PROBES,
    SERVED_BY_PAGES,
    SHOWS,
    SITE,
)
from tests.security.world import ROLES, SECRETS

pytestmark = pytest.mark.django_db

# Who may know the learner (their name, their essay): the learner, the teacher of their
# group, the coordinator of their organisation, a manager.
KNOW_THE_LEARNER = {"learner", "teacher", "coordinator", "manager"}
# 404 codes that name what was not found (no more than "not found" says).
NOT_FOUND_CODES = {"unknown_person"}
# Pages that are a person's own: each shows the person signed in, whoever they are.
OWN_PAGES = {"accounts:dashboard", "accounts:account", "accounts:export"}
# Verification shows the name printed on the certificate to whoever holds its code: that
# is what it is for.
SHOWS_THE_HOLDER = {"certificates:verify_code", ("GET", "/api/v1/certificates/verify/{code}")}


def url_patterns(resolver=None, prefix="", namespace="", *, with_module=False):
    """(pattern, name) of every URL pattern, namespaces included (and the module of its
    view, `with_module`)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern, prefix + str(pattern.pattern), inner,
                                    with_module=with_module)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            row = (prefix + str(pattern.pattern), name or str(pattern.pattern))
            yield (*row, pattern.callback.__module__) if with_module else row


def api_operations() -> set[tuple[str, str]]:
    from cms.api import api

    schema = api.get_openapi_schema()
    return {(method.upper(), path) for path, operations in schema["paths"].items()
            for method in operations}


API_OPERATION_PATTERNS = "api/v1/"
API_OWN_PAGES = {"api-v1:openapi-json", "api-v1:openapi-view", "api-v1:api-root"}


def test_every_url_pattern_of_the_site_has_an_entry():
    missing = []
    for pattern, name in url_patterns():
        if pattern.startswith("admin/"):
            continue  # test_admin_matrix.py: every admin URL
        if pattern.startswith(API_OPERATION_PATTERNS) and name not in API_OWN_PAGES:
            continue  # the API's operations: checked against the OpenAPI schema below
        if name not in SITE and name not in SERVED_BY_PAGES:
            missing.append(f"{name} ({pattern})")
    assert not missing, f"URL patterns without an entry in the access matrix: {missing}"


def test_every_api_operation_has_an_entry_and_every_entry_an_operation():
    operations = api_operations()
    assert operations - set(API) == set(), "API operations without an entry in the matrix"
    assert set(API) - operations == set(), "matrix entries for operations that do not exist"


def test_every_entry_is_a_url_pattern_still():
    names = {name for _pattern, name in url_patterns()}
    assert set(SITE) - names == set()
    assert set(SERVED_BY_PAGES) - names == set()


def _cells(table, kind):
    for key, route in table.items():
        for method, expected in route.methods.items():
            assert set(expected) == set(ROLES), (key, method)
            for role in ROLES:
                yield pytest.param(kind, key, method, role, id=f"{kind}|{key}|{method}|{role}")


TABLES = {"site": SITE, "page": PAGES, "api": API, "probe": PROBES, "api-probe": API_PROBES}
CELLS = [cell for kind, table in TABLES.items() for cell in _cells(table, kind)]


def client_for(world, role: str) -> Client:
    """A client signed in as the role (its session was made once, with the world)."""
    client = Client()
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


def request(client: Client, route, method: str, world):
    url = route.url(world)
    data = route.data(world)
    call = getattr(client, method.lower())
    if route.json and method != "GET" and not any(hasattr(v, "read") for v in data.values()):
        return call(url, json.dumps(data), content_type="application/json")
    if method == "GET":
        return call(url)
    return call(url, data)


def outcome(response) -> int | str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if location.startswith(settings.LOGIN_URL) or location.startswith(
                ("/accounts/sign-in/", "/_util/login/")):
            return "login"
        if location.startswith("/admin/login/"):
            return "admin-login"
    return response.status_code


def body(response) -> str:
    if getattr(response, "streaming", False):
        return ""  # files (PDF, zip): their contents are checked by their own tests
    return response.content.decode(errors="replace")


@pytest.mark.parametrize(("kind", "key", "method", "role"), CELLS)
def test_cell(world, kind, key, method, role):
    route = TABLES[kind][key]
    expected = route.methods[method][role]
    response = request(client_for(world, role), route, method, world)
    got = outcome(response)
    assert got == expected, (f"{key} {method} as {role}: expected {expected}, got {got} "
                             f"({response.get('Location', '')})")
    text = body(response)
    if role not in KNOW_THE_LEARNER and key not in SHOWS_THE_HOLDER:
        leaked = [secret for secret in SECRETS if secret in text]
        assert not leaked, f"{key} {method} as {role} shows {leaked}"
    if got == 200 and method == "GET":
        for shown in SHOWS.get(key, {}).get(role, []):
            assert shown in text, f"{key} as {role} does not show {shown}"
    if kind == "site" and key in OWN_PAGES and got == 200:
        person = world.users[role]
        assert person.username in text or person.last_name in text
    if kind.startswith("api") and got == 404:
        code = response.json()["code"]
        assert code.endswith("not_found") or code in NOT_FOUND_CODES, response.json()
    if kind == "api" and key[1].startswith("/api/v1/me") and got == 200 and method == "GET":
        assert_only_mine(world, role, key[1], response.json())


def assert_only_mine(world, role: str, path: str, data) -> None:
    """`/api/v1/me…` answers with the caller's records only."""
    person = world.users[role]
    if path == "/api/v1/me":
        assert data["username"] == person.username
        return
    mine = {"/api/v1/me/enrollments": {e.run_id for e in person.enrollments.all()},
            "/api/v1/me/attendance": {e.run_id for e in person.enrollments.all()},
            "/api/v1/me/certificates": {c.display_code for c in world.certificate.__class__
                                        .objects.filter(enrollment__user=person)}}[path]
    field = "code" if path.endswith("certificates") else "run_id"
    got = {item.get(field) or (item.get("run") or {}).get("id") for item in data}
    assert got <= mine | {None} and len(data) == len(mine), (role, path, data)
