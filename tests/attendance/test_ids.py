"""Group and person ids from query strings, forms and JSON: junk, someone else's group and
numbers no database key can hold are a 404 or a clear 422, never a 500."""

import pytest

from attendance.models import CalendarFeed
from courses.factories import CourseRunFactory

pytestmark = pytest.mark.django_db

ARABIC_INDIC = 0x0660


@pytest.mark.parametrize("junk", ["²", "1e3", "-1", "abc", "99999999999999999999999", "0",
                                  " "])
def test_calendar_page_answers_junk_groups_with_404(client, enrollment, junk):
    client.force_login(enrollment.user)
    client.raise_request_exception = False
    assert client.get("/en/attendance/calendar/", {"run": junk}).status_code == 404
    assert client.post("/en/attendance/calendar/reset/", {"run": junk}).status_code == 404


def test_resetting_the_calendar_of_someone_elses_group_is_a_404(client, enrollment, run):
    other = CourseRunFactory(course=run.course)
    client.force_login(enrollment.user)
    client.raise_request_exception = False
    assert client.post("/en/attendance/calendar/reset/", {"run": other.pk}).status_code == 404
    assert not CalendarFeed.objects.filter(run=other).exists()


def test_arabic_indic_group_id_is_the_same_group(client, enrollment):
    client.force_login(enrollment.user)
    response = client.get("/en/attendance/calendar/",
                          {"run": "".join(chr(ARABIC_INDIC + int(d))
                                          for d in str(enrollment.run_id))})
    assert response.status_code == 200
    assert CalendarFeed.objects.filter(user=enrollment.user, run=enrollment.run).exists()


def test_marks_for_ids_no_key_can_hold_are_a_clear_422(client, teacher, past_session):
    client.force_login(teacher)
    client.raise_request_exception = False
    response = client.put(f"/api/v1/sessions/{past_session.pk}/marks",
                          {"marks": [{"enrollment_id": 10**22, "status": "present"},
                                     {"enrollment_id": -3, "status": "present"}]},
                          content_type="application/json")
    assert response.status_code == 422 and response.json()["code"] == "not_in_group"
    response = client.post(f"/en/attendance/sessions/{past_session.pk}/marks/{10**22}/",
                           {"status": "present"})
    assert response.status_code == 404
