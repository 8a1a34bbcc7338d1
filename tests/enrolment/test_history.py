"""The enrolment history is append-only: an event, once written, is not rewritten or
removed on its own."""

import pytest

from courses import services
from courses.models import Enrollment, EnrollmentEvent

pytestmark = pytest.mark.django_db


def test_events_cannot_be_rewritten_or_deleted(run, learner):
    services.enroll(user=learner, run=run, by=learner, method=Enrollment.Method.SELF)
    event = EnrollmentEvent.objects.get()
    event.note = "never happened"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
    assert EnrollmentEvent.objects.get().note == ""
