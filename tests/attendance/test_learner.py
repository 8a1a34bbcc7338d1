"""What a learner sees: the dashboard panel, their own page, their data export and
erasure."""

import pytest

from accounts.services import erase_personal_data, export_personal_data
from attendance import services
from attendance.models import AttendanceMark, CalendarFeed

pytestmark = pytest.mark.django_db


def test_dashboard_panel_shows_hours_and_a_check_in_link(client, enrollment, live_session):
    client.force_login(enrollment.user)
    html = client.get("/en/my/").content.decode()
    assert "0.00 of 2.00 academic hours" in html
    assert f"/attendance/sessions/{live_session.pk}/check-in/" in html


def test_my_attendance_page(client, enrollment, past_session, teacher):
    services.set_marks(session_id=past_session.pk, by=teacher,
                       marks=[services.MarkInput(enrollment_id=enrollment.pk, status="late")])
    client.force_login(enrollment.user)
    response = client.get("/attendance/my/")
    assert response.status_code == 200
    assert enrollment.run.title in response.content.decode()


def test_personal_data_export_and_erasure(enrollment, past_session, teacher, client):
    services.set_marks(session_id=past_session.pk, by=teacher, marks=[services.MarkInput(
        enrollment_id=enrollment.pk, status="excused", note="slimības lapa")])
    services.feed_for(user=enrollment.user)
    data = export_personal_data(user=enrollment.user)
    assert data["attendance"]["marks"][0]["note"] == "slimības lapa"
    erase_personal_data(user=enrollment.user)
    mark = AttendanceMark.objects.get()
    assert mark.status == "excused" and mark.note == ""  # hours stay for the funder
    assert not mark.changes.exclude(note="").exists()
    assert not CalendarFeed.objects.exists()


def test_teachers_find_their_groups_from_the_dashboard(client, run, teacher):
    client.force_login(teacher)
    html = client.get("/en/my/").content.decode()
    assert 'href="/en/attendance/"' in html
    assert run.title in client.get("/en/attendance/").content.decode()
