"""Marking: one mark per person and session, every change in its history, the roster
with and without JavaScript, and what marking may not do."""

import pytest

from attendance import services
from attendance.models import AttendanceMark, AttendanceMarkChange, Method, Status
from attendance.services import MarkInput
from cms.errors import KopaError, NotAllowed, NotFound
from courses.factories import CourseRunFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


def test_marking_sets_one_mark_and_keeps_each_change(past_session, enrollment, teacher,
                                                     make_user):
    services.set_marks(session_id=past_session.pk, by=teacher,
                       marks=[MarkInput(enrollment_id=enrollment.pk, status="absent")])
    other_teacher = make_user(username="teacher2")
    past_session.run.teachers.add(other_teacher)
    services.set_marks(session_id=past_session.pk, by=other_teacher,
                       marks=[MarkInput(enrollment_id=enrollment.pk, status="late",
                                        note="came at 18:40")])
    mark = AttendanceMark.objects.get()
    assert (mark.status, mark.note, mark.marked_by, mark.version) == (
        "late", "came at 18:40", other_teacher, 2)
    history = list(mark.changes.values_list("previous_status", "status", "by__username"))
    assert history == [("", "absent", "teacher1"), ("absent", "late", "teacher2")]


def test_saving_the_same_mark_again_adds_no_history(past_session, enrollment, teacher):
    for _ in range(2):  # a double click
        services.set_marks(session_id=past_session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    assert AttendanceMarkChange.objects.count() == 1


def test_all_present_keeps_marks_already_set(past_session, make_enrollments, teacher):
    first, second, third = make_enrollments(3)
    services.set_marks(session_id=past_session.pk, by=teacher,
                       marks=[MarkInput(enrollment_id=first.pk, status="absent")])
    services.set_marks(session_id=past_session.pk, by=teacher, only_unmarked=True,
                       marks=[MarkInput(enrollment_id=e.pk, status="present")
                              for e in (first, second, third)])
    statuses = dict(AttendanceMark.objects.values_list("enrollment_id", "status"))
    assert statuses == {first.pk: "absent", second.pk: "present", third.pk: "present"}


def test_people_of_another_group_cannot_be_marked(past_session, teacher):
    stranger = EnrollmentFactory(run=CourseRunFactory(course=past_session.run.course))
    with pytest.raises(KopaError) as error:
        services.set_marks(session_id=past_session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=stranger.pk, status="present")])
    assert error.value.code == "not_in_group"
    assert not AttendanceMark.objects.exists()


def test_a_future_or_cancelled_session_cannot_be_marked(future_session, past_session,
                                                        enrollment, teacher):
    with pytest.raises(KopaError) as error:
        services.set_marks(session_id=future_session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    assert error.value.code == "session_in_future"
    past_session.is_cancelled = True
    past_session.save()
    with pytest.raises(KopaError) as error:
        services.set_marks(session_id=past_session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    assert error.value.code == "session_cancelled"


def test_only_the_groups_teachers_and_managers_mark(past_session, enrollment, make_user,
                                                    manager):
    outsider = make_user(username="teacher9")
    with pytest.raises(NotFound):  # outside the group: as if it did not exist
        services.set_marks(session_id=past_session.pk, by=outsider,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    with pytest.raises(NotAllowed):  # the group's learner knows it, and is refused
        services.set_marks(session_id=past_session.pk, by=enrollment.user,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    services.set_marks(session_id=past_session.pk, by=manager,
                       marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    assert AttendanceMark.objects.get().marked_by == manager


def test_unknown_status_is_refused(past_session, enrollment, teacher):
    with pytest.raises(KopaError) as error:
        services.set_marks(session_id=past_session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="asleep")])
    assert error.value.code == "bad_status"


def test_marking_queues_a_completion_check(past_session, enrollment, teacher,
                                           django_capture_on_commit_callbacks):
    course = past_session.run.course
    course.completion_min_attendance = 80
    course.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_marks(session_id=past_session.pk, by=teacher,
                           marks=[MarkInput(enrollment_id=enrollment.pk, status="present")])
    enrollment.refresh_from_db()
    assert enrollment.state == "completed"  # the only planned session, attended


def test_roster_page_lists_everyone_with_one_button_per_status(client, past_session,
                                                               make_enrollments, teacher):
    people = make_enrollments(3)
    client.force_login(teacher)
    response = client.get(f"/attendance/sessions/{past_session.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for enrollment in people:
        assert enrollment.user.name in html
    assert html.count('name="status" value="late"') == 3


def test_roster_row_saves_without_javascript(client, past_session, enrollment, teacher):
    client.force_login(teacher)
    response = client.post(f"/attendance/sessions/{past_session.pk}/marks/{enrollment.pk}/",
                           {"status": "excused", "note": "ārsts"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#row-{enrollment.pk}")
    mark = AttendanceMark.objects.get()
    assert (mark.status, mark.note, mark.method) == ("excused", "ārsts", Method.TEACHER)


def test_roster_row_answers_with_its_html_when_asked_in_the_background(
        client, past_session, enrollment, teacher):
    client.force_login(teacher)
    response = client.post(f"/attendance/sessions/{past_session.pk}/marks/{enrollment.pk}/",
                           {"status": "late"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith('<li class="roster-row"')
    assert 'value="late" class="status status--late" aria-pressed="true"' in html


def test_roster_row_with_a_stale_or_wrong_status_says_why(client, past_session, enrollment,
                                                          teacher):
    client.force_login(teacher)
    response = client.post(f"/attendance/sessions/{past_session.pk}/marks/{enrollment.pk}/",
                           {"status": "sleeping"}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "roster-row--error" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_all_present_button(client, past_session, make_enrollments, teacher):
    make_enrollments(4)
    client.force_login(teacher)
    response = client.post(f"/attendance/sessions/{past_session.pk}/",
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content.decode().count('aria-pressed="true"') == 4
    assert set(AttendanceMark.objects.values_list("status", flat=True)) == {Status.PRESENT}
