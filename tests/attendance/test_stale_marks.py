"""Two teachers marking the same session: a row drawn before the other's save is refused
with a message and the newer mark stays; a fresh row saves. A learner's own check-in is
not overwritten by a roster drawn before it either."""

import pytest
from django.urls import reverse

from attendance import services
from attendance.models import AttendanceMark, Method, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_teacher(make_user, run):
    other = make_user(username="otra")
    run.teachers.add(other)
    return other


def tap(client, session, enrollment, status, version):
    return client.post(reverse("attendance:mark", args=[session.pk, enrollment.pk]),
                       {"status": status, "version": version}, HTTP_HX_REQUEST="true")


def test_a_stale_row_is_refused_and_the_newer_mark_stays(
        client, teacher, second_teacher, past_session, make_enrollments):
    (enrollment,) = make_enrollments(1)
    client.force_login(teacher)
    assert tap(client, past_session, enrollment, Status.ABSENT, 0).status_code == 200
    client.force_login(second_teacher)
    refused = tap(client, past_session, enrollment, Status.PRESENT, 0)  # drawn before
    assert refused.status_code == 400
    assert "Kāds cits" in refused.content.decode()
    mark = AttendanceMark.objects.get(enrollment=enrollment)
    assert (mark.status, mark.marked_by, mark.version) == (Status.ABSENT, teacher, 1)
    # The refused row shows the mark as it is now, so the next tap is an informed one.
    assert 'name="version" value="1"' in refused.content.decode()
    assert tap(client, past_session, enrollment, Status.PRESENT, 1).status_code == 200
    assert AttendanceMark.objects.get(enrollment=enrollment).status == Status.PRESENT


def test_a_roster_drawn_before_a_self_check_in_does_not_overwrite_it(
        client, teacher, live_session, make_enrollments):
    from attendance.services.checkin import current_code

    (enrollment,) = make_enrollments(1)
    services.check_in(session_id=live_session.pk, user=enrollment.user,
                      code=current_code(live_session)[0])
    client.force_login(teacher)
    assert tap(client, live_session, enrollment, Status.ABSENT, 0).status_code == 400
    mark = AttendanceMark.objects.get(enrollment=enrollment)
    assert (mark.status, mark.method) == (Status.PRESENT, Method.SELF)


def test_the_service_without_a_seen_version_keeps_working(teacher, past_session,
                                                           make_enrollments):
    (enrollment,) = make_enrollments(1)
    for status in (Status.ABSENT, Status.PRESENT):
        services.set_marks(session_id=past_session.pk, by=teacher, marks=[
            services.MarkInput(enrollment_id=enrollment.pk, status=status)])
    assert AttendanceMark.objects.get(enrollment=enrollment).version == 2
