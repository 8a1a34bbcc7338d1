"""Enrolment rules through the services: seats, waiting list, keys, windows, history."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.errors import KopaError
from courses import services
from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment, EnrollmentEvent

SELF = Enrollment.Method.SELF


def test_enroll_gives_a_seat_and_records_who_and_how(run, learner):
    enrollment = services.enroll(user=learner, run=run, by=learner, method=SELF)
    assert enrollment.state == Enrollment.State.ACTIVE
    assert enrollment.method == SELF and enrollment.enrolled_by == learner
    assert enrollment.activated_at is not None
    assert list(enrollment.events.values_list("kind", "actor")) == [
        (EnrollmentEvent.Kind.ENROLLED, learner.pk)]


def test_enroll_puts_people_on_the_waiting_list_when_the_group_is_full(course, make_user):
    run = CourseRunFactory(course=course, capacity=1)
    first, second = make_user(), make_user()
    services.enroll(user=first, run=run, by=first, method=SELF)
    waiting = services.enroll(user=second, run=run, by=second, method=SELF)
    assert waiting.state == Enrollment.State.WAITLISTED
    assert waiting.events.get().kind == EnrollmentEvent.Kind.WAITLISTED


def test_enroll_rejects_when_run_is_full_without_waiting_list(course, make_user):
    run = CourseRunFactory(course=course, capacity=1, waitlist_enabled=False)
    first, second = make_user(), make_user()
    services.enroll(user=first, run=run, by=first, method=SELF)
    with pytest.raises(KopaError) as error:
        services.enroll(user=second, run=run, by=second, method=SELF)
    assert error.value.code == "run_full"
    assert not Enrollment.objects.filter(user=second).exists()


def test_enroll_refuses_the_same_person_twice(run, learner):
    services.enroll(user=learner, run=run, by=learner, method=SELF)
    with pytest.raises(KopaError) as error:
        services.enroll(user=learner, run=run, by=learner, method=SELF)
    assert error.value.code == "already_enrolled"


@pytest.mark.parametrize(("key", "code"), [(None, "key_required"), ("", "key_required"),
                                           ("WRONG", "wrong_key")])
def test_enroll_with_a_missing_or_wrong_key_is_a_clear_error(course, learner, key, code):
    run = CourseRunFactory(course=course, enrolment_key="LIEPAJA-2026")
    with pytest.raises(KopaError) as error:
        services.enroll(user=learner, run=run, by=learner, method=SELF, key=key)
    assert error.value.code == code
    assert error.value.status == 400


def test_enroll_with_the_right_key_ignores_case_and_spaces(course, learner):
    run = CourseRunFactory(course=course, enrolment_key="LIEPAJA-2026", is_public=False)
    enrollment = services.enroll(user=learner, run=run, by=learner, method=SELF,
                                 key=" liepaja-2026 ")
    assert enrollment.method == Enrollment.Method.KEY


def test_self_enrolment_into_an_unlisted_group_without_key_is_refused(course, learner):
    run = CourseRunFactory(course=course, is_public=False)
    with pytest.raises(KopaError) as error:
        services.enroll(user=learner, run=run, by=learner, method=SELF)
    assert error.value.code == "run_not_open"


def test_self_enrolment_respects_the_enrolment_window(course, learner):
    now = timezone.now()
    later = CourseRunFactory(course=course, enrolment_opens_at=now + datetime.timedelta(days=1))
    closed = CourseRunFactory(course=course, enrolment_opens_at=now - datetime.timedelta(days=9),
                              enrolment_closes_at=now - datetime.timedelta(days=1))
    with pytest.raises(KopaError) as error:
        services.enroll(user=learner, run=later, by=learner, method=SELF)
    assert error.value.code == "enrolment_not_open"
    with pytest.raises(KopaError) as error:
        services.enroll(user=learner, run=closed, by=learner, method=SELF)
    assert error.value.code == "enrolment_closed"


def test_a_teacher_enrols_outside_the_window_and_without_the_key(course, teacher, learner):
    run = CourseRunFactory(course=course, enrolment_key="K", is_public=False,
                           enrolment_closes_at=timezone.now() - datetime.timedelta(days=1),
                           enrolment_opens_at=timezone.now() - datetime.timedelta(days=3))
    enrollment = services.enroll(user=learner, run=run, by=teacher,
                                 method=Enrollment.Method.TEACHER)
    assert enrollment.state == Enrollment.State.ACTIVE
    assert enrollment.enrolled_by == teacher


def test_only_the_person_can_self_enrol(run, learner, teacher):
    with pytest.raises(KopaError):
        services.enroll(user=learner, run=run, by=teacher, method=SELF)


def test_withdraw_frees_the_seat_for_the_first_on_the_waiting_list(course, make_user):
    run = CourseRunFactory(course=course, capacity=1)
    people = [make_user() for _ in range(3)]
    enrollments = [services.enroll(user=p, run=run, by=p, method=SELF) for p in people]
    withdrawn = services.withdraw(enrollment=enrollments[0], by=people[0],
                                  reason="Moved to Daugavpils")
    assert withdrawn.state == Enrollment.State.WITHDRAWN
    assert withdrawn.withdrawal_reason == "Moved to Daugavpils"
    enrollments[1].refresh_from_db()
    enrollments[2].refresh_from_db()
    assert enrollments[1].state == Enrollment.State.ACTIVE
    assert enrollments[2].state == Enrollment.State.WAITLISTED
    assert enrollments[1].events.last().kind == EnrollmentEvent.Kind.PROMOTED
    withdrawn_event = withdrawn.events.get(kind=EnrollmentEvent.Kind.WITHDRAWN)
    assert withdrawn_event.note == "Moved to Daugavpils" and withdrawn_event.actor == people[0]


def test_withdrawing_twice_is_harmless(enrollment, learner):
    services.withdraw(enrollment=enrollment, by=learner, reason="")
    services.withdraw(enrollment=enrollment, by=learner, reason="")
    assert enrollment.events.filter(kind=EnrollmentEvent.Kind.WITHDRAWN).count() == 1


def test_a_completed_enrolment_cannot_be_withdrawn(run, learner):
    enrollment = EnrollmentFactory(run=run, user=learner, state=Enrollment.State.COMPLETED,
                                   completed_at=timezone.now())
    with pytest.raises(KopaError) as error:
        services.withdraw(enrollment=enrollment, by=learner, reason="")
    assert error.value.code == "already_completed"


def test_re_enrolling_after_withdrawal_reuses_the_row_and_queues_anew(course, make_user):
    run = CourseRunFactory(course=course, capacity=1)
    first, second = make_user(), make_user()
    mine = services.enroll(user=first, run=run, by=first, method=SELF)
    services.withdraw(enrollment=mine, by=first, reason="")
    services.enroll(user=second, run=run, by=second, method=SELF)
    again = services.enroll(user=first, run=run, by=first, method=SELF)
    assert again.pk == mine.pk
    assert again.state == Enrollment.State.WAITLISTED
    assert again.withdrawn_at is None


def test_added_seats_go_to_the_waiting_list(course, make_user):
    run = CourseRunFactory(course=course, capacity=1)
    people = [make_user() for _ in range(3)]
    for person in people:
        services.enroll(user=person, run=run, by=person, method=SELF)
    run.capacity = 3
    run.save()
    promoted = services.fill_from_waitlist(run=run)
    assert [e.user for e in promoted] == people[1:]


def test_enroll_many_fills_seats_then_the_waiting_list(course, make_user, teacher):
    run = CourseRunFactory(course=course, capacity=2)
    people = [make_user() for _ in range(4)]
    services.enroll(user=people[0], run=run, by=people[0], method=SELF)
    done, skipped = services.enroll_many(users=people, run=run, by=teacher,
                                         method=Enrollment.Method.ORGANISATION)
    assert skipped == [people[0]]
    states = [e.state for e in done]
    assert states == [Enrollment.State.ACTIVE, Enrollment.State.WAITLISTED,
                      Enrollment.State.WAITLISTED]
    assert EnrollmentEvent.objects.filter(enrollment__run=run).count() == 4


def test_enroll_many_enrols_nobody_when_not_everyone_fits_and_no_waiting_list(
        course, make_user, teacher):
    run = CourseRunFactory(course=course, capacity=2, waitlist_enabled=False)
    people = [make_user() for _ in range(3)]
    with pytest.raises(KopaError) as error:
        services.enroll_many(users=people, run=run, by=teacher,
                             method=Enrollment.Method.ORGANISATION)
    assert error.value.code == "run_full"
    assert not Enrollment.objects.filter(run=run).exists()


def test_enroll_many_queries_do_not_grow_with_people(course, make_user, teacher,
                                                     django_assert_max_num_queries):
    small_run = CourseRunFactory(course=course, capacity=100)
    large_run = CourseRunFactory(course=course, capacity=100)
    small = [make_user() for _ in range(3)]
    large = [make_user() for _ in range(40)]
    with django_assert_max_num_queries(10):
        services.enroll_many(users=small, run=small_run, by=teacher,
                             method=Enrollment.Method.IMPORT)
    with django_assert_max_num_queries(10):
        services.enroll_many(users=large, run=large_run, by=teacher,
                             method=Enrollment.Method.IMPORT)


def test_database_allows_one_enrolment_per_person_and_group(enrollment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(user=enrollment.user, run=enrollment.run)


def test_database_refuses_an_unknown_state(enrollment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.filter(pk=enrollment.pk).update(state="lost")


@pytest.mark.parametrize("fields", [{"capacity": 0},
                                    {"ends_on": datetime.date(2020, 1, 1),
                                     "starts_on": datetime.date(2020, 2, 1)}])
def test_database_refuses_impossible_groups(course, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseRunFactory(course=course, **fields)
