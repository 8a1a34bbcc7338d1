"""Staff status follows the groups that open the Wagtail admin, so public pages can skip
the userbar's permission queries for learners and an admin-made manager is a manager."""

import pytest
from django.contrib.auth.models import Group

from accounts.demo import ensure_groups
from courses.permissions import is_manager

pytestmark = pytest.mark.django_db


def test_joining_an_editing_group_makes_staff(make_user):
    groups = ensure_groups()
    manager, teacher = make_user(username="m"), make_user(username="t")
    manager.groups.add(groups["Managers"])
    groups["Teachers"].user_set.add(teacher)  # the admin's group page adds from this side
    manager.refresh_from_db()
    teacher.refresh_from_db()
    assert manager.is_staff and teacher.is_staff
    assert is_manager(manager)


def test_a_group_without_admin_access_does_not(make_user):
    ensure_groups()
    coordinator = make_user(username="c")
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    coordinator.refresh_from_db()
    assert not coordinator.is_staff


def test_learners_pages_skip_the_userbar_and_editors_get_it(client, make_user, home_page):
    groups = ensure_groups()
    learner, teacher = make_user(username="l"), make_user(username="t")
    teacher.groups.add(groups["Teachers"])
    client.force_login(learner)
    assert "wagtail-userbar" not in client.get("/").content.decode()
    client.force_login(teacher)
    assert "wagtail-userbar" in client.get("/").content.decode()
