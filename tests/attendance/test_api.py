"""The attendance API: sessions, bulk marks, check-in, own attendance; bad paths are JSON
4xx."""

import json

import pytest

from attendance import services
from attendance.models import AttendanceMark

pytestmark = pytest.mark.django_db


def put(client, url, payload):
    return client.put(url, data=json.dumps(payload), content_type="application/json")


def test_run_sessions_for_people_of_the_group(client, run, enrollment, past_session, learner,
                                              make_user):
    client.force_login(enrollment.user)
    response = client.get(f"/api/v1/runs/{run.pk}/sessions")
    assert response.status_code == 200
    assert response.json()[0]["academic_hours"] in ("2.00", 2.0, "2")
    client.force_login(make_user(username="stranger"))
    response = client.get(f"/api/v1/runs/{run.pk}/sessions")
    # An outsider is told no more than about a group that does not exist.
    assert response.status_code == 404
    assert response.json() == client.get("/api/v1/runs/999999/sessions").json()


def test_teacher_puts_marks_in_bulk(client, run, teacher, past_session, enrollment):
    client.force_login(teacher)
    response = put(client, f"/api/v1/sessions/{past_session.pk}/marks",
                   {"marks": [{"enrollment_id": enrollment.pk, "status": "excused",
                               "note": "slims"}]})
    assert response.status_code == 200, response.content
    assert response.json()[0]["status"] == "excused"
    listing = client.get(f"/api/v1/sessions/{past_session.pk}/marks").json()
    assert listing[0]["note"] == "slims"


@pytest.mark.parametrize("payload,status,code", [
    ({"marks": [{"enrollment_id": 1, "status": "asleep"}]}, 422, "validation_error"),
    ({"marks": "all"}, 422, "validation_error"),
    ({}, 422, "validation_error"),
])
def test_bad_marks_are_json_4xx(client, teacher, past_session, payload, status, code):
    client.force_login(teacher)
    response = put(client, f"/api/v1/sessions/{past_session.pk}/marks", payload)
    assert response.status_code == status
    assert response.json()["code"] == code


def test_marks_of_strangers_and_by_learners_are_refused(client, teacher, past_session,
                                                        enrollment):
    client.force_login(teacher)
    response = put(client, f"/api/v1/sessions/{past_session.pk}/marks",
                   {"marks": [{"enrollment_id": 999999, "status": "present"}]})
    assert response.status_code == 422 and response.json()["code"] == "not_in_group"
    client.force_login(enrollment.user)
    response = put(client, f"/api/v1/sessions/{past_session.pk}/marks",
                   {"marks": [{"enrollment_id": enrollment.pk, "status": "present"}]})
    assert response.status_code == 403
    assert client.get(f"/api/v1/sessions/{past_session.pk}/marks").status_code == 403
    assert client.get("/api/v1/sessions/999999/marks").json()["code"] == "not_found"


def test_check_in_over_the_api(client, live_session, enrollment):
    client.force_login(enrollment.user)
    wrong = client.post(f"/api/v1/sessions/{live_session.pk}/check-in",
                        data=json.dumps({"code": "abcdef"}), content_type="application/json")
    assert wrong.status_code == 422 and wrong.json()["code"] == "wrong_code"
    code, _left = services.current_code(live_session)
    response = client.post(f"/api/v1/sessions/{live_session.pk}/check-in",
                           data=json.dumps({"code": code}), content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "present"
    again = client.post(f"/api/v1/sessions/{live_session.pk}/check-in",
                        data=json.dumps({"code": code}), content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "already_checked_in"
    assert AttendanceMark.objects.count() == 1


def test_my_attendance(client, enrollment, past_session, teacher):
    services.set_marks(session_id=past_session.pk, by=teacher,
                       marks=[services.MarkInput(enrollment_id=enrollment.pk, status="present")])
    client.force_login(enrollment.user)
    (group,) = client.get("/api/v1/me/attendance").json()
    assert group["figures"]["hours_attended"] in ("2.00", 2.0, "2")
    assert group["marks"][0]["status"] == "present"


def test_run_figures_for_teachers_only(client, run, teacher, enrollment):
    client.force_login(teacher)
    assert client.get(f"/api/v1/runs/{run.pk}/attendance").status_code == 200
    client.force_login(enrollment.user)
    assert client.get(f"/api/v1/runs/{run.pk}/attendance").status_code == 403
