"""Completion is owned by courses and asks the criteria other apps register."""

import pytest

from courses import registry
from courses.models import Enrollment, EnrollmentEvent
from courses.registry import CompletionCriterion, CriterionResult
from courses.services import check_completion, sign_off

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_criterion():
    """Replaces the registered criteria with one the test controls, then restores them."""
    saved = dict(registry._criteria)
    registry._criteria.clear()
    state = {"met": False}
    registry.register_completion_criterion(CompletionCriterion(
        key="test", evaluate=lambda e: CriterionResult(key="test", met=state["met"],
                                                       label="test")))
    yield state
    registry._criteria.clear()
    registry._criteria.update(saved)


def test_enrolment_completes_when_every_rule_holds(enrollment, only_criterion):
    assert check_completion(enrollment_id=enrollment.pk) is False
    only_criterion["met"] = True
    assert check_completion(enrollment_id=enrollment.pk) is True
    enrollment.refresh_from_db()
    assert enrollment.state == Enrollment.State.COMPLETED and enrollment.completed_at
    assert enrollment.events.filter(kind=EnrollmentEvent.Kind.COMPLETED).count() == 1


def test_checking_twice_records_one_completion(enrollment, only_criterion):
    only_criterion["met"] = True
    check_completion(enrollment_id=enrollment.pk)
    check_completion(enrollment_id=enrollment.pk)
    assert enrollment.events.filter(kind=EnrollmentEvent.Kind.COMPLETED).count() == 1


def test_a_course_with_no_rules_is_not_completed_by_accident(enrollment):
    saved = dict(registry._criteria)
    registry._criteria.clear()
    try:
        assert check_completion(enrollment_id=enrollment.pk) is False
    finally:
        registry._criteria.update(saved)


def test_signoff_is_a_rule_when_the_course_asks_for_it(enrollment, teacher, only_criterion,
                                                       django_capture_on_commit_callbacks):
    course = enrollment.run.course
    course.completion_requires_signoff = True
    course.save()
    only_criterion["met"] = True
    assert check_completion(enrollment_id=enrollment.pk) is False
    with django_capture_on_commit_callbacks(execute=True):
        sign_off(enrollment=enrollment, by=teacher)
    enrollment.refresh_from_db()
    assert enrollment.state == Enrollment.State.COMPLETED


def test_listeners_hear_of_completion_after_commit(enrollment, only_criterion,
                                                   django_capture_on_commit_callbacks):
    heard = []
    registry.on_enrollment_completed("test", heard.append)
    try:
        only_criterion["met"] = True
        with django_capture_on_commit_callbacks(execute=True):
            check_completion(enrollment_id=enrollment.pk)
        assert heard == [enrollment.pk]
    finally:
        registry._completion_listeners.pop("test")


def test_withdrawn_enrolment_is_never_completed(enrollment, only_criterion):
    from django.utils import timezone

    enrollment.state = Enrollment.State.WITHDRAWN
    enrollment.withdrawn_at = timezone.now()
    enrollment.save()
    only_criterion["met"] = True
    assert check_completion(enrollment_id=enrollment.pk) is False


def test_signing_off_twice_records_one_event(enrollment, teacher):
    sign_off(enrollment=enrollment, by=teacher)
    sign_off(enrollment=Enrollment.objects.get(pk=enrollment.pk), by=teacher)
    assert enrollment.events.filter(kind=EnrollmentEvent.Kind.SIGNED_OFF).count() == 1
