"""Capacity holds when many people press "enrol" at the same moment."""

import threading
from collections import Counter

import pytest
from django.db import connection

from accounts.services import create_user
from cms.errors import KopaError
from courses import services
from courses.factories import CourseRunFactory
from courses.models import Enrollment

pytestmark = pytest.mark.postgres


# PostgreSQL's default max_connections is 100 (shared with other clients), so the 100
# requests start together but at most this many hold a connection at once, as behind a
# web server's connection pool.
CONNECTIONS = 40


def run_at_once(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    pool = threading.BoundedSemaphore(CONNECTIONS)
    results: list = [None] * len(jobs)

    def work(index, job):
        barrier.wait()
        with pool:
            try:
                results[index] = job()
            except KopaError as exc:
                results[index] = exc.code
            except Exception as exc:  # reported by the assertions below
                results[index] = repr(exc)
            finally:
                connection.close()

    threads = [threading.Thread(target=work, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("waitlist", [True, False])
def test_one_hundred_simultaneous_enrolments_never_exceed_25_seats(wagtail_root, course,
                                                                   waitlist):
    run = CourseRunFactory(course=course, capacity=25, waitlist_enabled=waitlist)
    people = [create_user(first_name="Dalībnieks", last_name=f"{waitlist}{n}")
              for n in range(70)]
    # 100 requests: every person once, 30 of them a second time (a double click).
    attempts = people + people[:30]

    def job_for(person):
        return lambda: services.enroll(user=person, run=run, by=person,
                                       method=Enrollment.Method.SELF).state

    results = run_at_once([job_for(person) for person in attempts])
    outcomes = Counter(results)
    unexpected = set(outcomes) - {"active", "waitlisted", "already_enrolled", "run_full"}
    assert not unexpected, outcomes
    states = Counter(Enrollment.objects.filter(run=run).values_list("state", flat=True))
    assert states["active"] == 25
    assert outcomes["active"] == 25
    if waitlist:
        assert states["waitlisted"] == 45 and outcomes["waitlisted"] == 45
        assert outcomes["already_enrolled"] == 30
    else:
        assert states["waitlisted"] == 0 and sum(states.values()) == 25
        assert outcomes["run_full"] + outcomes["already_enrolled"] == 75
    per_person = Counter(Enrollment.objects.filter(run=run).values_list("user_id", flat=True))
    assert max(per_person.values()) == 1
