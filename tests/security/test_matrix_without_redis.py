"""Redis gone — the cache and the broker both unreachable (issue 11, acceptance 2 and 6):
every cell of the access matrix for the site's pages and the API, by the roles that use
them, answers as it does with Redis, and never 500. Writes (enrolling, checking in,
marking, starting a quiz…) commit and then hand their tasks to a broker nobody runs; the
after-commit hooks run here as they would at the end of the request, and none may raise.

Only /health/ answers differently: 503, naming the cache and the broker."""

import pytest

from tests.cms.test_degraded_cache import NOBODY, redis_down  # noqa: F401 (a fixture)
from tests.security.test_access_matrix import TABLES, client_for, outcome, request
from tests.worker import publishing_to

pytestmark = [pytest.mark.fault, pytest.mark.django_db]
# The people who use the site day to day; the other roles see the same routes.
ROLES = ("anonymous", "learner", "teacher", "coordinator", "manager")
CELLS = [pytest.param(kind, key, method, role, id=f"{kind}|{key}|{method}|{role}")
         for kind in ("site", "api") for key, route in TABLES[kind].items()
         for method in route.methods for role in ROLES]


@pytest.fixture
def redis_gone(redis_down, settings):  # noqa: F811 (the fixture imported above)
    """The cache as tests/cms/test_degraded_cache.py leaves it, and the broker too."""
    settings.CELERY_BROKER_URL = NOBODY
    with publishing_to(NOBODY):
        yield


@pytest.mark.parametrize(("kind", "key", "method", "role"), CELLS)
def test_cell_answers_as_with_redis(world, redis_gone, django_capture_on_commit_callbacks,
                                    kind, key, method, role):
    route = TABLES[kind][key]
    with django_capture_on_commit_callbacks(execute=True):
        response = request(client_for(world, role), route, method, world)
    assert response.status_code < 500 or key == "health", (key, method, role,
                                                          response.content[:500])
    if key == "health":
        assert response.status_code == 503
        assert set(response.json()["down"]) >= {"cache", "broker"}
        return
    expected = route.methods[method][role]
    assert outcome(response) == expected, f"{key} {method} as {role}"
