"""A certificate states the academic hours the learner attended, from the attendance
ledger, frozen at issue."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from attendance.factories import AttendanceMarkFactory, ClassSessionFactory
from attendance.models import Status

pytestmark = pytest.mark.django_db


def test_certificate_states_hours_attended_of_total(completed, issue):
    start = timezone.now() - datetime.timedelta(days=10)
    sessions = [ClassSessionFactory(run=completed.run,
                                    starts_at=start + datetime.timedelta(days=day))
                for day in range(3)]
    AttendanceMarkFactory(session=sessions[0], enrollment=completed, status=Status.PRESENT)
    AttendanceMarkFactory(session=sessions[1], enrollment=completed, status=Status.LATE)
    AttendanceMarkFactory(session=sessions[2], enrollment=completed, status=Status.ABSENT)

    certificate = issue(completed)

    assert certificate.hours_attended == Decimal("4")  # two 90-minute sessions
    assert certificate.hours_total == Decimal(completed.run.course.academic_hours)
    # Frozen: a later change in the ledger does not alter the issued certificate.
    AttendanceMarkFactory(session=ClassSessionFactory(run=completed.run), enrollment=completed)
    certificate.refresh_from_db()
    assert certificate.hours_attended == Decimal("4")
