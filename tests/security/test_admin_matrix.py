"""The admin's part of the access matrix. Wagtail's admin has hundreds of URL patterns;
they are covered by one rule, asserted for every one of them: nobody without admin access
(anonymous, learners, coordinators) reaches any admin view — anonymous people and
signed-in people alike are sent to the admin's sign-in page, whatever the object. Teachers
and managers work in the admin; what each may do there is asserted on Kopā's own admin
views (ADMIN_VIEWS) and a representative set of Wagtail's, with real objects."""

import re

import pytest

from tests.security.matrix import ADMIN_VIEWS
from tests.security.test_access_matrix import (
    body,
    client_for,
    outcome,
    request,
    url_patterns,
)
from tests.security.world import ROLES, SECRETS

pytestmark = pytest.mark.django_db

# Without admin access: no account, a learner, a coordinator (the other learners and the
# other coordinator are the same to the admin: no staff flag, no admin permission; their
# cells on Kopā's own admin views are in ADMIN_VIEWS).
WITHOUT_ADMIN_ACCESS = ("anonymous", "learner", "coordinator")

# Admin views open to everyone by design: signing in, out and resetting a password.
OPEN_ADMIN_VIEWS = {
    "wagtailadmin_login": 200, "wagtailadmin_logout": None,
    "wagtailadmin_password_reset": 200, "wagtailadmin_password_reset_done": 200,
    "wagtailadmin_password_reset_confirm": 200, "wagtailadmin_password_reset_complete": 200,
    # Static resources of the admin's pages: translations of its scripts, its icons.
    "wagtailadmin_javascript_catalog": 200, "wagtailadmin_sprite": 200,
}
# The admin's "no such view" answer sends to the admin's own sign-in address first.
CATCH_ALL = "^.*/$"


def concrete(pattern: str) -> str:
    """An address for a pattern, every argument 1: the rule holds before any object is
    looked up, so any id will do."""
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", pattern)
    path = re.sub(r"<(?:\w+:)?\w+>", "1", path)
    path = path.replace("^.*/$", "no-such-view/").replace("^", "").replace("$", "")
    return "/" + path.replace("\\.", ".")


ADMIN_PATTERNS = sorted({(pattern, name) for pattern, name in url_patterns()
                         if pattern.startswith("admin/")})


@pytest.mark.parametrize(("pattern", "name"), ADMIN_PATTERNS,
                         ids=[name for _pattern, name in ADMIN_PATTERNS])
def test_no_admin_view_for_people_without_admin_access(world, pattern, name):
    url = concrete(pattern)
    wrong = []
    for role in WITHOUT_ADMIN_ACCESS:
        client = client_for(world, role)
        for method in ("get",):  # POST meets the same check first
            response = getattr(client, method)(url)
            got = outcome(response)
            if name in OPEN_ADMIN_VIEWS:
                ok = got != 500
            elif name == CATCH_ALL:
                ok = got == "admin-login"
            else:
                ok = got == "login"  # WAGTAILADMIN_LOGIN_URL: the site's sign-in
            if not ok:
                wrong.append((role, method, got))
            leaked = [secret for secret in SECRETS if secret in body(response)]
            if leaked:
                wrong.append((role, method, leaked))
    assert not wrong, f"{name} ({url}): {wrong}"


ADMIN_CELLS = [pytest.param(key, method, role, id=f"{key}|{method}|{role}")
               for key, route in ADMIN_VIEWS.items() for method in route.methods
               for role in ROLES]


@pytest.mark.parametrize(("key", "method", "role"), ADMIN_CELLS)
def test_admin_cell(world, key, method, role):
    route = ADMIN_VIEWS[key]
    expected = route.methods[method][role]
    response = request(client_for(world, role), route, method, world)
    got = outcome(response)
    assert got == expected, (f"{key} {method} as {role}: expected {expected}, got {got} "
                             f"({response.get('Location', '')})")


def test_every_kopa_admin_view_has_an_entry():
    """Kopā's own admin views (registered by its apps' wagtail_hooks) each have explicit
    cells for every role."""
    kopa = {name for pattern, name, module in url_patterns(with_module=True)
            if pattern.startswith("admin/") and module.split(".")[0] in KOPA_APPS}
    assert kopa - set(ADMIN_VIEWS) == set(), "Kopā admin views without an entry"


KOPA_APPS = {"accounts", "attendance", "certificates", "cms", "courses", "lessons",
             "organisations", "quizzes", "reports"}
