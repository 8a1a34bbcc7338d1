"""A teacher adds existing people by username or e-mail only when they have a claim to
them, and the answer never tells whether an account exists."""

import re

import pytest

from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment
from organisations.factories import ParticipantFactory


@pytest.fixture
def other_teacher_run(course, make_user):
    teacher = make_user(username="teacher2")
    return teacher, CourseRunFactory(course=course, title="Cita grupa", teachers=[teacher])


def add(client, run, login):
    return client.post(f"/en/teach/groups/{run.pk}/", {"login": login})


def page_without(response, login) -> str:
    """The page with what was typed and the (per-response) CSRF token taken out."""
    page = response.content.decode().replace(login, "LOGIN")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_existing_and_unknown_names_get_the_same_answer(client, other_teacher_run, learner):
    teacher, run = other_teacher_run
    client.force_login(teacher)
    known = add(client, run, learner.username)
    by_email = add(client, run, learner.email)
    unknown = add(client, run, "nobody-here-9999")
    assert known.status_code == by_email.status_code == unknown.status_code == 404
    assert (page_without(known, learner.username) == page_without(unknown, "nobody-here-9999")
            == page_without(by_email, learner.email))
    assert "they have not been added" in known.content.decode()
    assert not Enrollment.objects.filter(user=learner).exists()


def test_a_teacher_adds_a_participant_of_an_organisation_the_group_is_open_to(
        client, run, teacher, organisation, learner):
    ParticipantFactory(organisation=organisation, user=learner)
    client.force_login(teacher)
    assert add(client, run, learner.username).status_code == 302
    assert Enrollment.objects.filter(user=learner, run=run).exists()


def test_a_teacher_adds_someone_from_their_earlier_group(client, course, teacher, run,
                                                        learner):
    EnrollmentFactory(run=run, user=learner)
    later = CourseRunFactory(course=course, title="Pavasaris", teachers=[teacher])
    client.force_login(teacher)
    assert add(client, later, learner.email).status_code == 302
    assert Enrollment.objects.filter(user=learner, run=later).exists()


def test_a_participant_of_another_organisation_is_not_attached(
        client, other_teacher_run, organisation, learner):
    ParticipantFactory(organisation=organisation, user=learner)
    teacher, run = other_teacher_run
    client.force_login(teacher)
    assert add(client, run, learner.username).status_code == 404
    assert not Enrollment.objects.filter(user=learner).exists()
