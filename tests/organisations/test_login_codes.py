"""Who may make a one-time login code for whom, that each is recorded, and that it expires."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from accounts.services import create_user
from courses.factories import CourseRunFactory, EnrollmentFactory
from organisations import services
from organisations.factories import ParticipantFactory
from organisations.models import LoginCode, LoginCodeIssue


def sign_in(username, code):
    return Client().post("/accounts/sign-in/", {"username": username, "password": code})


@pytest.fixture
def card_person(organisation, coordinator):
    person = create_user(first_name="Ģirts", last_name="Šņoriņš", created_by=coordinator)
    ParticipantFactory(organisation=organisation, user=person)
    return person


def test_every_code_made_is_recorded(card_person, coordinator):
    services.issue_login_codes(users=[card_person], by=coordinator)
    services.issue_login_codes(users=[card_person], by=coordinator)
    issues = LoginCodeIssue.objects.filter(user=card_person)
    assert issues.count() == 2 and {i.issued_by for i in issues} == {coordinator}


def test_no_code_for_an_account_that_has_signed_in(card_person, coordinator):
    card_person.last_login = timezone.now()
    card_person.save()
    pairs, skipped = services.issue_login_codes(users=[card_person], by=coordinator)
    assert pairs == [] and skipped == [card_person]
    assert not LoginCodeIssue.objects.exists()


def test_a_teacher_of_another_group_gets_no_code(card_person, make_user):
    stranger = make_user()
    pairs, skipped = services.issue_login_codes(users=[card_person], by=stranger)
    assert pairs == [] and skipped == [card_person]


def test_the_teacher_who_made_the_account_gets_a_code(teacher):
    person = create_user(first_name="Оксана", last_name="Шевченко", created_by=teacher)
    [(_user, _code)], _skipped = services.issue_login_codes(users=[person], by=teacher)


def test_a_used_account_is_reset_only_by_coordinator_or_creator(card_person, coordinator,
                                                               make_user):
    card_person.last_login = timezone.now()
    card_person.set_password("Own-password-2026!")
    card_person.save()
    assert services.issue_login_codes(users=[card_person], by=make_user(), reset=True)[0] == []
    [(_user, code)], _ = services.issue_login_codes(users=[card_person], by=coordinator,
                                                     reset=True)
    card_person.refresh_from_db()
    assert not card_person.has_usable_password()
    assert LoginCodeIssue.objects.get(user=card_person).reset
    assert sign_in(card_person.username, code).status_code == 302


@override_settings(KOPA_LOGIN_CODE_DAYS=30)
def test_an_old_code_does_not_sign_in(card_person, coordinator):
    [(_user, code)], _ = services.issue_login_codes(users=[card_person], by=coordinator)
    LoginCode.objects.filter(user=card_person).update(
        issued_at=timezone.now() - timedelta(days=31))
    assert sign_in(card_person.username, code).status_code == 200
    LoginCode.objects.filter(user=card_person).update(
        issued_at=timezone.now() - timedelta(days=29))
    assert sign_in(card_person.username, code).status_code == 302


def test_a_code_works_once(card_person, coordinator):
    [(_user, code)], _ = services.issue_login_codes(users=[card_person], by=coordinator)
    assert sign_in(card_person.username, code).status_code == 302
    assert sign_in(card_person.username, code).status_code == 200


def test_group_cards_skip_people_not_eligible_and_say_so(client, run, teacher, learner):
    own = create_user(first_name="Оксана", last_name="Шевченко", created_by=teacher)
    EnrollmentFactory(run=run, user=own)
    EnrollmentFactory(run=run, user=learner)
    client.force_login(teacher)
    response = client.post(f"/en/teach/groups/{run.pk}/login-cards/")
    assert response["Content-Type"] == "application/pdf"
    assert list(LoginCode.objects.values_list("user", flat=True)) == [own.pk]


def test_a_teacher_cannot_print_a_card_for_someone_they_did_not_make(client, course,
                                                                    make_user, card_person):
    """The tester's path: another group's teacher cannot get a code for a coordinator's
    person even when that person is in the teacher's group."""
    other_teacher = make_user()
    other_run = CourseRunFactory(course=course, teachers=[other_teacher])
    EnrollmentFactory(run=other_run, user=card_person)
    client.force_login(other_teacher)
    client.post(f"/en/teach/groups/{other_run.pk}/login-cards/")
    assert not LoginCode.objects.exists()


@pytest.mark.parametrize("people", [3, 15])
def test_a_groups_cards_cost_the_same_queries_whatever_its_size(
        organisation, coordinator, people, django_assert_max_num_queries):
    persons = []
    for n in range(people):
        person = create_user(first_name="Anna", last_name=f"Bērziņa{n}")
        ParticipantFactory(organisation=organisation, user=person)
        persons.append(person)
    with django_assert_max_num_queries(8):
        pairs, skipped = services.issue_login_codes(users=persons, by=coordinator)
    assert len(pairs) == people and skipped == []


def used(person, password="Own-password-2026!"):
    person.last_login = timezone.now()
    person.set_password(password)
    person.save()
    return person


def test_a_coordinator_gives_a_new_card_from_the_organisation_page(card_person, organisation,
                                                                   coordinator):
    """A person without e-mail lost their card after signing in: the coordinator ticks them,
    confirms, and prints a new card; the old password stops working, the new code signs in."""
    used(card_person)
    client = Client()
    client.force_login(coordinator)
    page = client.get(f"/organisations/{organisation.pk}/").content.decode()
    assert 'name="reset"' in page and 'name="confirm_reset"' in page
    url = f"/organisations/{organisation.pk}/login-cards/"
    unconfirmed = client.post(url, {"people": [card_person.pk], "reset": "1"})
    assert unconfirmed.status_code == 302 and not LoginCode.objects.exists()
    assert sign_in(card_person.username, "Own-password-2026!").status_code == 302
    card = client.post(url, {"people": [card_person.pk], "reset": "1", "confirm_reset": "1"})
    assert card["Content-Type"] == "application/pdf"
    issue = LoginCodeIssue.objects.get(user=card_person)
    assert issue.reset and issue.issued_by == coordinator
    card_person.refresh_from_db()
    assert not card_person.has_usable_password()


def test_a_teacher_gives_a_new_card_to_someone_they_made_only(run, teacher, make_user):
    mine = used(create_user(first_name="Оксана", last_name="Шевченко", created_by=teacher))
    theirs = used(make_user(username="cits-cilveks"))
    for person in (mine, theirs):
        EnrollmentFactory(run=run, user=person)
    client = Client()
    client.force_login(teacher)
    page = client.get(f"/teach/groups/{run.pk}/").content.decode()
    assert page.count('name="reset"') == 1
    url = f"/teach/groups/{run.pk}/login-cards/"
    client.post(url, {"people": [theirs.pk], "reset": "1", "confirm_reset": "1"})
    assert not LoginCode.objects.filter(user=theirs).exists()
    card = client.post(url, {"people": [mine.pk], "reset": "1", "confirm_reset": "1"})
    assert card["Content-Type"] == "application/pdf"
    assert LoginCode.objects.filter(user=mine).count() == 1
