import datetime

import pytest
from django.utils import timezone

from attendance.factories import ClassSessionFactory
from courses.factories import EnrollmentFactory


@pytest.fixture
def past_session(run):
    """Yesterday, 90 minutes: 2 academic hours."""
    start = timezone.now() - datetime.timedelta(days=1)
    return ClassSessionFactory(run=run, starts_at=start,
                               ends_at=start + datetime.timedelta(minutes=90))


@pytest.fixture
def live_session(run):
    """Started five minutes ago, ends in 85 minutes: open for check-in."""
    start = timezone.now() - datetime.timedelta(minutes=5)
    return ClassSessionFactory(run=run, starts_at=start,
                               ends_at=start + datetime.timedelta(minutes=90))


@pytest.fixture
def future_session(run):
    start = timezone.now() + datetime.timedelta(days=3)
    return ClassSessionFactory(run=run, starts_at=start,
                               ends_at=start + datetime.timedelta(minutes=90))


@pytest.fixture
def make_enrollments(run):
    def make(n: int):
        return [EnrollmentFactory(run=run) for _ in range(n)]
    return make


@pytest.fixture
def manager(make_user):
    from django.contrib.auth.models import Group

    user = make_user(username="manager1", email="manager1@example.lv")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get_or_create(name="Managers")[0])
    return user
