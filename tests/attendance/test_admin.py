"""Sessions edited in the Wagtail admin follow the same service as the teacher's page:
figures and warnings are recounted after commit, and a session with marks stays in its
group."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from attendance import selectors
from attendance.factories import AttendanceMarkFactory, ClassSessionFactory
from attendance.models import AttendanceWarning, ClassSession
from courses.factories import CourseRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, manager):
    manager.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="attendance"))
    client.force_login(manager)
    return client


def held(run, days_ago: int) -> ClassSession:
    start = timezone.now() - datetime.timedelta(days=days_ago)
    return ClassSessionFactory(run=run, starts_at=start,
                               ends_at=start + datetime.timedelta(minutes=90))


def form_data(session: ClassSession, **changes) -> dict:
    local = {name: timezone.localtime(getattr(session, name)).strftime("%Y-%m-%d %H:%M")
             for name in ("starts_at", "ends_at")}
    data = {"run": session.run_id, **local, "academic_hours": str(session.academic_hours),
            "topic": session.topic, "place": session.place, "online_url": session.online_url,
            "teacher": session.teacher_id or "", "late_after_minutes":
            session.late_after_minutes}
    if session.is_cancelled:
        data["is_cancelled"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not False}


def test_cancelling_a_session_in_the_admin_recounts_the_warnings(
        admin_client, run, enrollment, django_capture_on_commit_callbacks):
    first, second = held(run, 3), held(run, 2)
    AttendanceMarkFactory(session=first, enrollment=enrollment, status="present")
    AttendanceMarkFactory(session=second, enrollment=enrollment, status="absent")
    from attendance import services

    services.refresh_warnings(run_id=run.pk)
    assert selectors.open_warnings(run_id=run.pk).exists()  # 50 % < 75 %
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/attendance/sessions/edit/{second.pk}/",
                                     form_data(second, is_cancelled="on"))
    assert response.status_code == 302, response.content.decode()[:2000]
    second.refresh_from_db()
    assert second.is_cancelled
    assert not selectors.open_warnings(run_id=run.pk).exists()  # 100 % of what was held
    assert AttendanceWarning.objects.get(enrollment=enrollment).resolved_at is not None


def test_adding_a_held_session_in_the_admin_recounts_the_warnings(
        admin_client, run, enrollment, teacher, django_capture_on_commit_callbacks):
    first = held(run, 3)
    AttendanceMarkFactory(session=first, enrollment=enrollment, status="present")
    start = timezone.localtime(timezone.now() - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/attendance/sessions/new/", {
            "run": run.pk, "starts_at": start.strftime("%Y-%m-%d %H:%M"),
            "ends_at": (start + datetime.timedelta(minutes=90)).strftime("%Y-%m-%d %H:%M"),
            "academic_hours": "0", "topic": "Satversme", "place": "", "online_url": "",
            "teacher": teacher.pk, "late_after_minutes": 10})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ClassSession.objects.filter(run=run, topic="Satversme").exists()
    # Held and not attended: 2 of 4 academic hours so far.
    assert selectors.open_warnings(run_id=run.pk).get().enrollment == enrollment


def test_a_session_with_marks_cannot_move_to_another_group(admin_client, run, enrollment):
    session = held(run, 2)
    AttendanceMarkFactory(session=session, enrollment=enrollment, status="present")
    topic = session.topic
    other = CourseRunFactory(course=run.course, title="Cita grupa")
    response = admin_client.post(f"/admin/attendance/sessions/edit/{session.pk}/",
                                 form_data(session, run=other.pk, topic="Moved"))
    assert response.status_code == 200
    (message,) = response.context["form"].errors["run"]
    assert message.startswith("Šai nodarbībai jau ir atzīmes")  # the admin speaks Latvian
    assert message in response.content.decode()
    session.refresh_from_db()
    assert (session.run_id, session.topic) == (run.pk, topic)  # nothing saved


def test_a_session_without_marks_moves_and_both_groups_are_recounted(
        admin_client, run, enrollment, django_capture_on_commit_callbacks):
    kept, moving = held(run, 3), held(run, 2)
    AttendanceMarkFactory(session=kept, enrollment=enrollment, status="present")
    from attendance import services

    services.refresh_warnings(run_id=run.pk)  # the unmarked session counts as missed
    assert selectors.open_warnings(run_id=run.pk).exists()
    other = CourseRunFactory(course=run.course, title="Cita grupa")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/attendance/sessions/edit/{moving.pk}/",
                                     form_data(moving, run=other.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    moving.refresh_from_db()
    assert moving.run_id == other.pk
    assert not selectors.open_warnings(run_id=run.pk).exists()


def test_deleting_an_unmarked_session_recounts_and_copying_uses_the_service(
        admin_client, run, enrollment, django_capture_on_commit_callbacks):
    kept, unmarked = held(run, 3), held(run, 2)
    AttendanceMarkFactory(session=kept, enrollment=enrollment, status="present")
    from attendance import services

    services.refresh_warnings(run_id=run.pk)
    assert selectors.open_warnings(run_id=run.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/attendance/sessions/delete/{unmarked.pk}/")
    assert response.status_code == 302
    assert not ClassSession.objects.filter(pk=unmarked.pk).exists()
    assert not selectors.open_warnings(run_id=run.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/attendance/sessions/copy/{kept.pk}/",
                                     form_data(kept, topic="Copy"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ClassSession.objects.filter(run=run, topic="Copy").exists()
