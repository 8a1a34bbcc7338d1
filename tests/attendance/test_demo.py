"""The demo adds a sensible schedule with marks to every group, once."""

import io

import pytest
from django.utils import timezone

from attendance import demo, selectors
from attendance.models import AttendanceMark, ClassSession

pytestmark = pytest.mark.django_db


def test_demo_without_groups_says_so(site):
    out = io.StringIO()
    demo.load({"stdout": out})
    assert "no groups" in out.getvalue()


def test_demo_schedules_and_marks_each_group_once(run, make_enrollments):
    course = run.course
    course.completion_min_attendance = 80
    course.save()
    make_enrollments(5)
    context: dict = {}
    demo.load(context)
    demo.load(context)
    sessions = list(ClassSession.objects.filter(run=run))
    assert sum(s.academic_hours for s in sessions) == 28
    now = timezone.now()
    assert any(s.starts_at < now for s in sessions) and any(s.starts_at > now for s in sessions)
    assert AttendanceMark.objects.exists()
    figures = selectors.run_figures(run.pk)
    assert [f.can_reach for f in figures].count(False) >= 1
    assert any(f.can_reach for f in figures)
