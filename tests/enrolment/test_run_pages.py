"""The group's page, the learner's groups on /my/, and the teacher's participant list."""

import pytest

from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment


def test_the_group_page_shows_dates_place_language_and_seats(client, run):
    EnrollmentFactory(run=run)
    response = client.get(f"/groups/{run.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert run.title in text and "Rīga" in text and "24 / 25" in text


def test_an_unlisted_group_is_hidden_from_outsiders(client, course):
    run = CourseRunFactory(course=course, is_public=False)
    assert client.get(f"/groups/{run.pk}/").status_code == 404


def test_enrolling_from_the_group_page(client, run, learner):
    client.force_login(learner)
    response = client.post(f"/groups/{run.pk}/enrol/", follow=True)
    assert response.status_code == 200
    assert Enrollment.objects.get(user=learner, run=run).state == "active"


def test_a_wrong_key_on_the_group_page_keeps_what_was_typed(client, course, learner):
    run = CourseRunFactory(course=course, enrolment_key="KEY-1")
    client.force_login(learner)
    response = client.post(f"/groups/{run.pk}/enrol/", {"key": "KEY-2"})
    assert response.status_code == 400
    assert 'value="KEY-2"' in response.content.decode()
    assert not Enrollment.objects.filter(user=learner).exists()


def test_my_page_lists_my_groups_with_waitlist_position(client, course, learner, make_user):
    run = CourseRunFactory(course=course, capacity=1, title="Liepāja, ukraiņu valodā")
    EnrollmentFactory(run=run, user=make_user())
    EnrollmentFactory(run=run, user=learner, state=Enrollment.State.WAITLISTED)
    client.force_login(learner)
    text = client.get("/en/my/").content.decode()
    assert "Liepāja, ukraiņu valodā" in text
    assert "number 1 in the queue" in text


def test_my_page_query_count_does_not_grow_with_my_groups(client, course, learner,
                                                          django_assert_max_num_queries):
    client.force_login(learner)
    EnrollmentFactory(run=CourseRunFactory(course=course), user=learner)
    with django_assert_max_num_queries(40) as few:
        client.get("/my/")
    for _ in range(8):
        EnrollmentFactory(run=CourseRunFactory(course=course), user=learner)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/my/")


def test_leaving_a_group_from_my_page(client, enrollment):
    client.force_login(enrollment.user)
    client.post(f"/my/enrolments/{enrollment.pk}/withdraw/", {"reason": "Darbs"})
    enrollment.refresh_from_db()
    assert enrollment.state == "withdrawn" and enrollment.withdrawal_reason == "Darbs"


def test_nobody_withdraws_someone_else_from_my_page(client, enrollment, make_user):
    client.force_login(make_user())
    response = client.post(f"/my/enrolments/{enrollment.pk}/withdraw/")
    assert response.status_code == 404


def test_the_teacher_sees_the_participants(client, enrollment, teacher):
    client.force_login(teacher)
    response = client.get(f"/teach/groups/{enrollment.run_id}/")
    assert response.status_code == 200
    assert enrollment.user.name in response.content.decode()


@pytest.mark.parametrize("who", ["learner", "other_teacher", "anonymous"])
def test_others_do_not_see_the_participants(client, enrollment, make_user, who):
    if who == "learner":
        client.force_login(enrollment.user)
    elif who == "other_teacher":
        client.force_login(make_user())
    response = client.get(f"/teach/groups/{enrollment.run_id}/")
    assert response.status_code in (302, 404)


def test_a_teacher_adds_someone_without_email_and_prints_a_card(client, run, teacher):
    client.force_login(teacher)
    response = client.post(f"/teach/groups/{run.pk}/", {
        "first_name": "Оксана", "last_name": "Шевченко", "language": "uk"}, follow=True)
    assert response.status_code == 200
    enrollment = Enrollment.objects.get(run=run)
    assert enrollment.user.email is None and enrollment.method == "teacher"
    assert enrollment.user.first_name == "Оксана"
    cards = client.post(f"/teach/groups/{run.pk}/login-cards/")
    assert cards["Content-Type"] == "application/pdf"


def test_a_teacher_withdraws_with_a_reason(client, enrollment, teacher):
    client.force_login(teacher)
    client.post(f"/teach/groups/{enrollment.run_id}/withdraw/{enrollment.pk}/",
                {"reason": "Neapmeklē"})
    enrollment.refresh_from_db()
    assert enrollment.state == "withdrawn"


def test_participant_list_queries_do_not_grow(client, run, teacher, make_user,
                                              django_assert_max_num_queries):
    client.force_login(teacher)
    EnrollmentFactory(run=run)
    with django_assert_max_num_queries(40) as few:
        client.get(f"/teach/groups/{run.pk}/")
    for _ in range(15):
        EnrollmentFactory(run=run)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/teach/groups/{run.pk}/")


def test_a_refused_new_person_leaves_no_account_behind(client, course, teacher):
    from accounts.models import User

    full = CourseRunFactory(course=course, capacity=1, waitlist_enabled=False,
                            teachers=[teacher])
    EnrollmentFactory(run=full)
    accounts = User.objects.count()
    client.force_login(teacher)
    response = client.post(f"/en/teach/groups/{full.pk}/", {
        "first_name": "Оксана", "last_name": "Шевченко", "language": "uk"})
    assert response.status_code == 409
    assert User.objects.count() == accounts
    assert "Оксана" in response.content.decode()  # what was typed stays in the form
