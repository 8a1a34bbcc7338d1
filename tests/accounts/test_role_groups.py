"""A new installation (no demo) has working role groups: migrate sets them up."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission

pytestmark = pytest.mark.django_db


def test_migrate_leaves_managers_teachers_and_coordinators_ready(home_page):
    # (home_page: a tree to grant page permissions on, even after a flushing test)
    call_command("migrate", verbosity=0)  # what a new installation runs; idempotent
    groups = {group.name: group for group in Group.objects.prefetch_related("permissions")}
    assert {"Managers", "Teachers", "Coordinators"} <= set(groups)
    managers = {p.codename for p in groups["Managers"].permissions.all()}
    teachers = {p.codename for p in groups["Teachers"].permissions.all()}
    assert {"access_admin", "change_courserun", "add_organisation",
            "change_certificatetemplate", "change_question"} <= managers
    assert {"access_admin", "add_question"} <= teachers
    assert "access_admin" not in {p.codename for p in groups["Coordinators"].permissions.all()}
    assert GroupPagePermission.objects.filter(group=groups["Managers"],
                                              permission__codename="publish_page").exists()


def test_setting_up_twice_changes_nothing():
    from accounts.services import ensure_role_groups

    first = ensure_role_groups()
    counts = {name: group.permissions.count() for name, group in first.items()}
    again = ensure_role_groups()
    assert {name: group.permissions.count() for name, group in again.items()} == counts
    assert Group.objects.filter(name="Managers").count() == 1
