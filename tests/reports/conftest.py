"""A small, fully known world for the reports: two courses (one counts late arrivals as
no hours), three groups in two regions and three languages, two organisations, people
with and without recorded facts, a withdrawal, a completion, a cancelled, a future and a
waiting-list case."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from attendance.factories import (
    AttendanceMarkFactory,
    AttendancePolicyFactory,
    ClassSessionFactory,
)
from courses.factories import CourseRunFactory, EnrollmentFactory, add_course
from courses.models import Enrollment
from organisations.factories import OrganisationFactory, ParticipantFactory

NOW = timezone.now()
YEAR = NOW.year


def days_ago(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


@dataclass
class World:
    runs: dict
    organisations: dict
    coordinators: dict
    people: dict


def session(run, days: float, **kwargs):
    return ClassSessionFactory(run=run, starts_at=days_ago(days),
                               ends_at=days_ago(days) + datetime.timedelta(minutes=90),
                               **kwargs)


def enrol(run, user, state=Enrollment.State.ACTIVE, **kwargs):
    return EnrollmentFactory(run=run, user=user, state=state, **kwargs)


def mark(session_, enrollment, status="present"):
    return AttendanceMarkFactory(session=session_, enrollment=enrollment, status=status)


@pytest.fixture
def world(course, course_index, make_user) -> World:
    other_course = add_course(course_index, title="=Latviešu valoda A1", slug="a1")
    AttendancePolicyFactory(course=other_course, late_counts_hours=False)
    r1 = CourseRunFactory(course=course, title="Rīga LV", city="Rīga", region="riga",
                          language="lv")
    r2 = CourseRunFactory(course=course, title="Liepāja UK", city="Liepāja",
                          region="kurzeme", language="uk")
    r3 = CourseRunFactory(course=other_course, title="Rīga RU", city="Rīga", region="riga",
                          language="ru")
    coordinators = {name: make_user(username=f"coord-{name}") for name in ("x", "y")}
    coordinators_group = Group.objects.get_or_create(name="Coordinators")[0]
    for user in coordinators.values():
        user.groups.add(coordinators_group)
    x = OrganisationFactory(name="X", slug="x", coordinators=[coordinators["x"]],
                            runs=[r1, r2])
    y = OrganisationFactory(name="Y", slug="y", coordinators=[coordinators["y"]], runs=[r3])
    people = {name: make_user(username=name) for name in ("p1", "p2", "p3", "p4", "p5", "p6")}
    ParticipantFactory(organisation=x, user=people["p1"], citizenship="UA", gender="female",
                       birth_year=YEAR - 30)
    ParticipantFactory(organisation=x, user=people["p2"], citizenship="SY", gender="male",
                       birth_year=YEAR - 40)
    ParticipantFactory(organisation=x, user=people["p3"], citizenship="UA", gender="female",
                       birth_year=YEAR - 20)
    ParticipantFactory(organisation=y, user=people["p4"], citizenship="AF", gender="male",
                       birth_year=YEAR - 60)

    e1 = enrol(r1, people["p1"])
    e2 = enrol(r1, people["p2"], state=Enrollment.State.COMPLETED, completed_at=NOW)
    e3 = enrol(r2, people["p3"], state=Enrollment.State.WITHDRAWN, withdrawn_at=days_ago(2),
               withdrawal_reason="moved")
    e4 = enrol(r3, people["p4"])
    enrol(r1, people["p5"])  # self-enrolled: no organisation's facts, never came
    enrol(r1, people["p6"], state=Enrollment.State.WAITLISTED, activated_at=None,
          waitlisted_at=NOW)

    s1, s2 = session(r1, 5), session(r1, 3)
    cancelled = session(r1, 4, is_cancelled=True)
    session(r1, -3)  # next week's: not held yet
    mark(s1, e1), mark(s2, e1), mark(cancelled, e1)
    mark(s1, e2), mark(s2, e2, "absent")
    t1, _t2 = session(r2, 3), session(r2, 1)
    mark(t1, e3)  # t2 came after the withdrawal: not offered to p3
    u1 = session(r3, 1)
    mark(u1, e4, "late")  # this course counts late as no hours
    return World(runs={"r1": r1, "r2": r2, "r3": r3}, organisations={"x": x, "y": y},
                 coordinators=coordinators, people=people)


@pytest.fixture
def manager(make_user):
    from accounts.demo import ensure_groups

    user = make_user(username="manager-r")
    user.groups.add(ensure_groups()["Managers"])
    user.refresh_from_db()
    return user
