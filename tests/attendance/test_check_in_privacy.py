"""The check-in page names a session, its time and its group: only for the group's people.
To anyone else (and the API) it answers as for a session that does not exist."""

import pytest
from django.utils import timezone

from attendance import services
from courses.services import withdraw

pytestmark = pytest.mark.django_db


def page(client, session_id):
    return client.get(f"/attendance/sessions/{session_id}/check-in/")


def test_an_outsider_sees_nothing_of_the_session(client, live_session, make_user):
    client.force_login(make_user(username="stranger"))
    response = page(client, live_session.pk)
    missing = page(client, 999999)
    assert response.status_code == missing.status_code == 404
    text = response.content.decode()
    assert live_session.run.title not in text
    assert timezone.localtime(live_session.starts_at).strftime("%H:%M") not in text
    code, _left = services.current_code(live_session)
    posted = client.post(f"/attendance/sessions/{live_session.pk}/check-in/", {"code": code})
    assert posted.status_code == 404


def test_the_groups_learner_and_teacher_see_the_check_in_page(client, live_session,
                                                              enrollment, teacher):
    client.force_login(enrollment.user)
    response = page(client, live_session.pk)
    assert response.status_code == 200
    assert live_session.run.title in response.content.decode()
    client.force_login(teacher)
    assert page(client, live_session.pk).status_code == 200


def test_a_withdrawn_learner_no_longer_sees_the_session(client, live_session, enrollment,
                                                        teacher):
    withdraw(enrollment=enrollment, by=teacher)
    client.force_login(enrollment.user)
    assert page(client, live_session.pk).status_code == 404


def test_the_check_in_api_answers_an_outsider_as_for_a_missing_session(client, live_session,
                                                                       make_user):
    client.force_login(make_user(username="stranger"))
    code, _left = services.current_code(live_session)
    response = client.post(f"/api/v1/sessions/{live_session.pk}/check-in",
                           {"code": code}, content_type="application/json")
    missing = client.post("/api/v1/sessions/999999/check-in", {"code": code},
                          content_type="application/json")
    assert response.status_code == missing.status_code == 404
    assert response.json() == missing.json()
