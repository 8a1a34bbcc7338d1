"""Self check-in with the rotating code: accepted in the window, late after the set
minute, and refused with a reason otherwise."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from attendance import services
from attendance.models import AttendanceMark, Method, Status
from attendance.services.checkin import CODE_PERIOD_SECONDS, code_at
from cms.errors import KopaError
from courses.factories import CourseRunFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_learner_checks_in_with_the_current_code(live_session, enrollment):
    code, _left = services.current_code(live_session)
    mark = services.check_in(session_id=live_session.pk, user=enrollment.user, code=code)
    assert (mark.status, mark.method, mark.marked_by) == (Status.PRESENT, Method.SELF,
                                                          enrollment.user)
    assert mark.changes.count() == 1


def test_after_the_set_minute_it_counts_as_late(live_session, enrollment):
    later = live_session.starts_at + datetime.timedelta(minutes=11)
    mark = services.check_in(session_id=live_session.pk, user=enrollment.user,
                             code=code_at(live_session, later), now=later)
    assert mark.status == Status.LATE


def test_previous_code_works_for_a_short_grace_only(live_session, enrollment):
    base = live_session.starts_at + datetime.timedelta(minutes=1)
    period_start = datetime.datetime.fromtimestamp(
        (int(base.timestamp()) // CODE_PERIOD_SECONDS + 1) * CODE_PERIOD_SECONDS, tz=datetime.UTC)
    old_code = code_at(live_session, period_start - datetime.timedelta(seconds=1))
    assert services.code_is_valid(live_session, old_code,
                                  now=period_start + datetime.timedelta(seconds=5))
    assert not services.code_is_valid(live_session, old_code,
                                      now=period_start + datetime.timedelta(seconds=20))


@pytest.mark.parametrize("code", ["000000x", "", "12345"])
def test_a_wrong_code_is_refused(live_session, enrollment, code):
    right, _left = services.current_code(live_session)
    wrong = code if code != right else "999999"
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=live_session.pk, user=enrollment.user, code=wrong)
    assert error.value.code == "wrong_code"
    assert not AttendanceMark.objects.exists()


def test_an_expired_code_is_refused(live_session, enrollment):
    old = code_at(live_session, timezone.now() - datetime.timedelta(minutes=2))
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=live_session.pk, user=enrollment.user, code=old)
    assert error.value.code == "wrong_code"


def test_a_learner_of_another_group_is_refused(live_session, run):
    other = EnrollmentFactory(run=CourseRunFactory(course=run.course))
    code, _left = services.current_code(live_session)
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=live_session.pk, user=other.user, code=code)
    assert error.value.code == "not_in_group"


def test_a_future_session_is_refused(future_session, enrollment):
    code, _left = services.current_code(future_session)
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=future_session.pk, user=enrollment.user, code=code)
    assert error.value.code == "session_in_future"


def test_after_the_window_it_is_refused(past_session, enrollment):
    code, _left = services.current_code(past_session)
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=past_session.pk, user=enrollment.user, code=code)
    assert error.value.code == "checkin_closed"


def test_checking_in_twice_is_refused(live_session, enrollment):
    code, _left = services.current_code(live_session)
    services.check_in(session_id=live_session.pk, user=enrollment.user, code=code)
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=live_session.pk, user=enrollment.user, code=code)
    assert error.value.code == "already_checked_in"
    assert AttendanceMark.objects.count() == 1


def test_guessing_is_stopped(live_session, enrollment):
    right, _left = services.current_code(live_session)
    for guess in range(10):
        with pytest.raises(KopaError):
            services.check_in(session_id=live_session.pk, user=enrollment.user,
                              code=f"{guess:06d}" if f"{guess:06d}" != right else "999999")
    with pytest.raises(KopaError) as error:
        services.check_in(session_id=live_session.pk, user=enrollment.user, code=right)
    assert error.value.code == "too_many_attempts"


def test_check_in_page_from_the_qr_code(client, live_session, enrollment):
    code, _left = services.current_code(live_session)
    client.force_login(enrollment.user)
    page = client.get(f"/attendance/sessions/{live_session.pk}/check-in/?code={code}")
    assert f'value="{code}"' in page.content.decode()
    assert not AttendanceMark.objects.exists()  # opening the link marks no one
    response = client.post(f"/attendance/sessions/{live_session.pk}/check-in/", {"code": code})
    assert response.status_code == 302
    assert AttendanceMark.objects.get().status == Status.PRESENT


def test_check_in_page_explains_a_wrong_code(client, live_session, enrollment):
    client.force_login(enrollment.user)
    response = client.post(f"/attendance/sessions/{live_session.pk}/check-in/",
                           {"code": "abc"})
    assert response.status_code == 422
    assert "nepareizs vai novecojis" in response.content.decode()  # Latvian by default


def test_teacher_sees_the_code_and_a_qr(client, live_session, teacher):
    client.force_login(teacher)
    page = client.get(f"/attendance/sessions/{live_session.pk}/code/")
    code, _left = services.current_code(live_session)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and code in html
    data = client.get(f"/attendance/sessions/{live_session.pk}/code/",
                      headers={"Accept": "application/json"}).json()
    assert data["code"] == code and data["url"].endswith(f"?code={code}")


def test_a_learner_cannot_see_the_code(client, live_session, enrollment):
    client.force_login(enrollment.user)
    assert client.get(f"/attendance/sessions/{live_session.pk}/code/").status_code == 404
