"""Figures computed in the database, the forecast, warnings, the completion criterion, and
query counts that do not grow with people or sessions."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from attendance import selectors, services
from attendance.factories import AttendanceMarkFactory, AttendancePolicyFactory, ClassSessionFactory
from attendance.models import AttendanceWarning
from attendance.selectors.completion import evaluate, evaluate_many
from attendance.services import MarkInput

pytestmark = pytest.mark.django_db


def schedule(run, *, past: int, future: int, minutes: int = 180):
    """`past` sessions already held and `future` ones to come, 4 academic hours each."""
    now = timezone.now()
    sessions = []
    for i in range(past):
        start = now - datetime.timedelta(days=past - i)
        sessions.append(ClassSessionFactory(run=run, starts_at=start,
                                            ends_at=start + datetime.timedelta(minutes=minutes)))
    for i in range(future):
        start = now + datetime.timedelta(days=i + 1)
        sessions.append(ClassSessionFactory(run=run, starts_at=start,
                                            ends_at=start + datetime.timedelta(minutes=minutes)))
    return sessions


def mark(session, enrollment, status):
    AttendanceMarkFactory(session=session, enrollment=enrollment, status=status)


def test_hours_points_and_percentages(run, enrollment):
    sessions = schedule(run, past=3, future=4)  # 7 x 4 = 28 hours
    mark(sessions[0], enrollment, "present")
    mark(sessions[1], enrollment, "late")
    mark(sessions[2], enrollment, "excused")
    (figures,) = selectors.run_figures(run.pk)
    assert figures.hours_planned == Decimal("28.00")
    assert figures.hours_held == Decimal("12.00")
    assert figures.hours_attended == Decimal("8.00")  # excused does not count as hours
    assert figures.hours_percent == Decimal("66.7")
    assert figures.points == 2 + 1 + 1
    assert figures.points_percent == Decimal("66.7")  # 4 of 3 x 2


def test_a_course_sets_its_own_points(run, enrollment):
    AttendancePolicyFactory(course=run.course, late_points=2, excused_counts_hours=True)
    sessions = schedule(run, past=2, future=0)
    mark(sessions[0], enrollment, "late")
    mark(sessions[1], enrollment, "excused")
    (figures,) = selectors.run_figures(run.pk)
    assert figures.points == 3
    assert figures.hours_attended == Decimal("8.00")


def test_cancelled_sessions_count_for_no_one(run, enrollment):
    sessions = schedule(run, past=2, future=0)
    mark(sessions[0], enrollment, "present")
    sessions[1].is_cancelled = True
    sessions[1].save()
    (figures,) = selectors.run_figures(run.pk)
    assert figures.hours_planned == figures.hours_held == figures.hours_attended


def test_forecast_says_whether_the_threshold_can_still_be_reached(run, make_enrollments):
    course = run.course
    course.completion_min_attendance = 80
    course.save()
    steady, lost = make_enrollments(2)
    sessions = schedule(run, past=3, future=4)  # 28 hours, 80 % = 22.4
    for session in sessions[:3]:
        mark(session, steady, "present")
    for session in sessions[:2]:
        mark(session, lost, "absent")  # third held session unmarked: at most 16 of 28
    figures = {f.enrollment_id: f for f in selectors.run_figures(run.pk)}
    assert figures[steady.pk].can_reach is True
    assert figures[lost.pk].can_reach is False
    assert figures[lost.pk].best_possible == Decimal("57.1")


def test_forecast_on_points(run, enrollment):
    course = run.course
    course.completion_min_attendance = 80
    course.completion_attendance_basis = "points"
    course.save()
    sessions = schedule(run, past=2, future=3)
    mark(sessions[0], enrollment, "absent")
    mark(sessions[1], enrollment, "late")  # best: (0 + 1 + 6) / 10 = 70 %
    (figures,) = selectors.run_figures(run.pk)
    assert figures.best_possible == Decimal("70.0")
    assert figures.can_reach is False


def test_completion_criterion_counts_planned_sessions(run, enrollment):
    assert evaluate(enrollment) is None  # the course sets no minimum
    course = run.course
    course.completion_min_attendance = 50
    course.save()
    enrollment.run.course.refresh_from_db()
    sessions = schedule(run, past=2, future=2)
    mark(sessions[0], enrollment, "present")
    result = evaluate(enrollment)
    assert result.met is False and result.progress == pytest.approx(0.5)
    mark(sessions[1], enrollment, "present")
    assert evaluate(enrollment).met is True
    assert evaluate_many([enrollment])[enrollment.pk].met is True


def test_warning_is_raised_once_and_resolved(run, make_enrollments, teacher, mailoutbox,
                                             django_capture_on_commit_callbacks):
    teacher.email = "teacher1@example.lv"
    teacher.save()
    (person,) = make_enrollments(1)
    sessions = schedule(run, past=2, future=2)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_marks(session_id=sessions[0].pk, by=teacher,
                           marks=[MarkInput(enrollment_id=person.pk, status="absent")])
    warning = AttendanceWarning.objects.get(enrollment=person)
    assert warning.resolved_at is None
    assert len(mailoutbox) == 1 and person.user.name in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.set_marks(session_id=sessions[0].pk, by=teacher,
                           marks=[MarkInput(enrollment_id=person.pk, status="late")])
    assert len(mailoutbox) == 1  # still below: no second e-mail
    with django_capture_on_commit_callbacks(execute=True):
        services.set_marks(session_id=sessions[0].pk, by=teacher,
                           marks=[MarkInput(enrollment_id=person.pk, status="present")])
        services.set_marks(session_id=sessions[1].pk, by=teacher,
                           marks=[MarkInput(enrollment_id=person.pk, status="present")])
    warning.refresh_from_db()
    assert warning.resolved_at is not None
    assert not selectors.open_warnings(run_id=run.pk).exists()


def test_figures_of_some_people_for_a_coordinator(run, make_enrollments):
    people = make_enrollments(3)
    figures = selectors.run_figures(run.pk, enrollment_ids=[people[0].pk, people[2].pk])
    assert {f.enrollment_id for f in figures} == {people[0].pk, people[2].pk}


@pytest.mark.parametrize("people,sessions_held", [(5, 2), (30, 12)])
def test_marking_a_whole_session_takes_a_fixed_number_of_queries(
        run, make_enrollments, teacher, django_assert_num_queries, people, sessions_held):
    enrollments = make_enrollments(people)
    sessions = schedule(run, past=sessions_held, future=1)
    for session in sessions[:-2]:
        for enrollment in enrollments:
            mark(session, enrollment, "present")
    target = sessions[-2]
    mark(target, enrollments[0], "absent")  # one update, the rest new
    teacher = type(teacher).objects.get(pk=teacher.pk)
    # 9 for the marks and their history, 4 to record what follows (completion checks and
    # the group's recount, two queries each, however many people).
    with django_assert_num_queries(13):
        services.set_marks(session_id=target.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=e.pk, status="present")
                                  for e in enrollments])


@pytest.mark.parametrize("people,sessions_held", [(5, 2), (30, 20)])
def test_run_figures_take_a_fixed_number_of_queries(run, make_enrollments,
                                                    django_assert_num_queries, people,
                                                    sessions_held):
    enrollments = make_enrollments(people)
    for session in schedule(run, past=sessions_held, future=3):
        if session.starts_at < timezone.now():
            for enrollment in enrollments:
                mark(session, enrollment, "late")
    with django_assert_num_queries(2):
        figures = selectors.run_figures(run.pk)
    assert len(figures) == people


@pytest.mark.parametrize("people,sessions_held", [(5, 2), (30, 12)])
def test_roster_and_exports_take_a_fixed_number_of_queries(
        client, run, make_enrollments, teacher, django_assert_num_queries, people,
        sessions_held):
    enrollments = make_enrollments(people)
    sessions = schedule(run, past=sessions_held, future=2)
    for session in sessions[:sessions_held]:
        for enrollment in enrollments:
            mark(session, enrollment, "present")
    client.force_login(teacher)
    client.get(f"/attendance/sessions/{sessions[0].pk}/")  # session and caches warm
    with django_assert_num_queries(8):
        assert client.get(f"/attendance/sessions/{sessions[0].pk}/").status_code == 200
    with django_assert_num_queries(8):
        assert client.get(f"/attendance/runs/{run.pk}/export.csv").status_code == 200
    with django_assert_num_queries(10):
        assert client.get(f"/attendance/runs/{run.pk}/").status_code == 200


def test_teacher_sees_open_warnings_on_their_attendance_page(client, run, make_enrollments,
                                                             teacher):
    (person,) = make_enrollments(1)
    sessions = schedule(run, past=1, future=1)
    mark(sessions[0], person, "absent")
    services.refresh_warnings(run_id=run.pk)
    client.force_login(teacher)
    html = client.get("/en/attendance/").content.decode()
    assert "Attendance below the level" in html and person.user.name in html
