"""Two teachers saving the same session at the same moment: one mark, both edits in its
history. Needs PostgreSQL's row locks and real connections in threads."""

import threading

import pytest
from django.db import close_old_connections, connection

from attendance import services
from attendance.models import AttendanceMark, AttendanceMarkChange
from attendance.services import MarkInput

pytestmark = [pytest.mark.usefixtures("wagtail_root"),
              pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_teachers_marking_at_once_make_one_mark_with_both_edits(
        past_session, enrollment, teacher, make_user):
    second = make_user(username="teacher2")
    past_session.run.teachers.add(second)
    barrier = threading.Barrier(2)
    errors = []

    def mark(user, status):
        try:
            barrier.wait(timeout=10)
            services.set_marks(session_id=past_session.pk, by=user,
                               marks=[MarkInput(enrollment_id=enrollment.pk, status=status)])
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=mark, args=(teacher, "present")),
               threading.Thread(target=mark, args=(second, "late"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    mark_row = AttendanceMark.objects.get()
    history = list(AttendanceMarkChange.objects.filter(mark=mark_row).order_by("pk")
                   .values_list("previous_status", "status", "by__username"))
    assert len(history) == 2
    assert history[0][0] == "" and history[1][0] == history[0][1]
    assert {row[2] for row in history} == {"teacher1", "teacher2"}
    assert mark_row.status == history[1][1] and mark_row.version == 2
