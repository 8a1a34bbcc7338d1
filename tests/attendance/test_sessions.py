"""Class sessions: academic hours from the times, schedules from a pattern, editing."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone

from attendance import services
from attendance.factories import ClassSessionFactory
from attendance.models import ClassSession
from cms.errors import KopaError, NotFound

pytestmark = pytest.mark.django_db


def test_academic_hours_follow_the_times(run):
    start = timezone.now()
    session = ClassSessionFactory(run=run, starts_at=start,
                                  ends_at=start + datetime.timedelta(minutes=180))
    assert session.academic_hours == Decimal("4.00")
    session.ends_at = start + datetime.timedelta(minutes=90)
    session.save()
    assert session.academic_hours == Decimal("2.00")


def test_academic_hours_can_be_set_by_hand(run):
    start = timezone.now()
    session = ClassSessionFactory(run=run, starts_at=start, hours_set_by_hand=True,
                                  academic_hours=Decimal("3"),
                                  ends_at=start + datetime.timedelta(minutes=180))
    assert session.academic_hours == Decimal("3")


def test_a_session_must_end_after_it_starts(run):
    start = timezone.now()
    with pytest.raises(IntegrityError):
        ClassSession.objects.create(run=run, starts_at=start, ends_at=start)


def test_schedule_from_a_pattern(run, teacher):
    monday = datetime.date(2026, 10, 5)
    sessions = services.generate_schedule(
        run=run, by=teacher, first_day=monday, weekdays=[0, 2], start_time=datetime.time(18),
        duration_minutes=180, count=7)
    assert len(sessions) == 7
    local = [timezone.localtime(s.starts_at) for s in ClassSession.objects.filter(run=run)]
    assert {d.weekday() for d in local} == {0, 2}
    assert all(d.hour == 18 for d in local)  # also after the clock change on 25 October
    assert sum(s.academic_hours for s in sessions) == 28
    assert sessions[0].teacher == teacher


def test_generating_the_same_pattern_twice_adds_nothing(run, teacher):
    kwargs = dict(run=run, by=teacher, first_day=datetime.date(2026, 10, 5), weekdays=[1],
                  start_time=datetime.time(10), duration_minutes=90, count=3)
    services.generate_schedule(**kwargs)
    assert services.generate_schedule(**kwargs) == []
    assert ClassSession.objects.filter(run=run).count() == 3


def test_schedule_refuses_bad_patterns(run, teacher):
    with pytest.raises(KopaError) as error:
        services.generate_schedule(run=run, by=teacher, first_day=datetime.date(2026, 10, 5),
                                   weekdays=[], start_time=datetime.time(10),
                                   duration_minutes=90, count=3)
    assert error.value.code == "no_weekdays"


def test_only_teachers_of_the_run_and_managers_make_schedules(run, learner, manager):
    kwargs = dict(run=run, first_day=datetime.date(2026, 10, 5), weekdays=[1],
                  start_time=datetime.time(10), duration_minutes=90, count=1)
    with pytest.raises(NotFound):  # not in the group: told nothing about it
        services.generate_schedule(by=learner, **kwargs)
    assert len(services.generate_schedule(by=manager, **kwargs)) == 1


def test_editing_a_session_recomputes_its_hours(run, teacher, past_session):
    services.update_session(session=past_session, by=teacher,
                            ends_at=past_session.starts_at + datetime.timedelta(minutes=135),
                            topic="Satversme")
    past_session.refresh_from_db()
    assert past_session.academic_hours == Decimal("3.00")
    assert past_session.topic == "Satversme"


def test_schedule_page_adds_sessions(client, run, teacher):
    client.force_login(teacher)
    response = client.post(f"/attendance/runs/{run.pk}/schedule/", {
        "first_day": "2026-10-05", "weekdays": ["0", "3"], "start_time": "18:00",
        "duration_minutes": "180", "count": "7", "topic": ""})
    assert response.status_code == 302
    assert ClassSession.objects.filter(run=run).count() == 7


def test_schedule_page_explains_a_wrong_field(client, run, teacher):
    client.force_login(teacher)
    response = client.post(f"/attendance/runs/{run.pk}/schedule/", {
        "first_day": "not a date", "weekdays": ["0"], "start_time": "18:00",
        "duration_minutes": "180", "count": "7"})
    assert response.status_code == 400
    assert ClassSession.objects.filter(run=run).count() == 0


def test_session_edit_page(client, run, teacher, past_session):
    client.force_login(teacher)
    response = client.post(f"/attendance/sessions/{past_session.pk}/edit/",
                           edit_data(past_session, minutes=45, topic="Valoda"))
    assert response.status_code == 302, response.content
    past_session.refresh_from_db()
    assert past_session.academic_hours == Decimal("1.00")


def edit_data(session, *, minutes, topic):
    from attendance.services import session_version

    local = timezone.localtime(session.starts_at)
    return {"starts_at": local.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (local + datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M"),
            "academic_hours": "2", "topic": topic, "place": "", "online_url": "",
            "late_after_minutes": "10", "version": session_version(session)}


def test_two_teachers_saving_one_session_are_told_not_overwritten(client, run, teacher,
                                                                   make_user, past_session):
    """Both opened the edit form; the first saves a new topic, the second's save (drawn
    from the older state) is refused with a message and the first's edit stays."""
    other = make_user(username="otra-skolotaja")
    run.teachers.add(other)
    drawn = type(past_session).objects.get(pk=past_session.pk)  # both pages drawn now
    client.force_login(teacher)
    first = client.post(f"/attendance/sessions/{past_session.pk}/edit/",
                        edit_data(drawn, minutes=90, topic="Satversme"))
    assert first.status_code == 302
    client.force_login(other)
    second = client.post(f"/attendance/sessions/{past_session.pk}/edit/",
                         edit_data(drawn, minutes=45, topic="Saeima"), follow=True)
    past_session.refresh_from_db()
    assert past_session.topic == "Satversme"
    assert past_session.academic_hours == Decimal("2.00")
    page = second.content.decode()
    assert "Kāds cits saglabāja" in page  # the message, in Latvian
    assert 'value="Satversme"' in page  # the form now shows the saved state


def test_a_learner_cannot_open_the_group_pages(client, run, enrollment, past_session):
    client.force_login(enrollment.user)
    assert client.get(f"/attendance/runs/{run.pk}/").status_code == 404
    assert client.get(f"/attendance/sessions/{past_session.pk}/").status_code == 404


def test_managers_edit_sessions_in_the_admin(client, manager, past_session):
    from django.contrib.auth.models import Permission

    manager.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="attendance"))
    client.force_login(manager)
    listing = client.get("/admin/attendance/sessions/")
    assert listing.status_code == 200
    assert client.get(f"/admin/attendance/sessions/edit/{past_session.pk}/").status_code \
        == 200
