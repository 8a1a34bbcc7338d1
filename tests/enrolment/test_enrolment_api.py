"""The enrolment API: listing groups, enrolling with a key, own enrolments, withdrawing."""

import pytest
from django.test import Client

from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client
    return make


def test_anyone_lists_the_listed_groups_of_a_course(client, run, course):
    CourseRunFactory(course=course, title="Slēgta grupa", is_public=False)
    response = client.get(f"/api/v1/runs?course={course.pk}")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()]
    assert titles == [run.title]
    assert response.json()[0]["seats_left"] == 25


@pytest.mark.django_db
def test_a_translations_id_finds_the_groups_of_its_original(client, run, course,
                                                           course_index, home_page):
    from wagtail.models import Locale

    from courses.demo import translate

    english = Locale.objects.get(language_code="en")
    translate(home_page, english, title="Kopā")
    translate(course_index, english, title="Courses")
    english_course = translate(course, english, title="Integration course")
    response = client.get(f"/api/v1/runs?course={english_course.pk}")
    assert [item["title"] for item in response.json()] == [run.title]


def test_listing_groups_takes_the_same_queries_for_few_and_many(
        client, course, django_assert_max_num_queries):
    CourseRunFactory.create_batch(2, course=course)
    with django_assert_max_num_queries(6) as few:
        client.get("/api/v1/runs")
    CourseRunFactory.create_batch(20, course=course)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get("/api/v1/runs").json()) == 22


def test_enrol_through_the_api(client_for, run, learner):
    response = client_for(learner).post(f"/api/v1/runs/{run.pk}/enroll",
                                         content_type="application/json")
    assert response.status_code == 201
    assert response.json()["state"] == "active"
    again = client_for(learner).post(f"/api/v1/runs/{run.pk}/enroll",
                                     content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "already_enrolled"


def test_enrol_with_a_wrong_key_is_a_json_error(client_for, course, learner):
    run = CourseRunFactory(course=course, enrolment_key="RIGA-2026")
    response = client_for(learner).post(f"/api/v1/runs/{run.pk}/enroll", {"key": "nope"},
                                        content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "wrong_key"
    ok = client_for(learner).post(f"/api/v1/runs/{run.pk}/enroll", {"key": "riga-2026"},
                                  content_type="application/json")
    assert ok.status_code == 201 and ok.json()["method"] == "key"


def test_enrol_with_a_malformed_body_is_a_4xx(client_for, run, learner):
    response = client_for(learner).post(f"/api/v1/runs/{run.pk}/enroll", {"key": ["x"]},
                                        content_type="application/json")
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_enrol_needs_sign_in_and_an_existing_group(client, client_for, learner):
    assert client.post("/api/v1/runs/1/enroll").status_code in (401, 403)
    response = client_for(learner).post("/api/v1/runs/999999/enroll",
                                        content_type="application/json")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_my_enrollments_shows_only_mine_with_waitlist_position(client_for, course, make_user):
    run = CourseRunFactory(course=course, capacity=1)
    me, other = make_user(), make_user()
    EnrollmentFactory(run=run, user=other)
    client_for(me).post(f"/api/v1/runs/{run.pk}/enroll", content_type="application/json")
    data = client_for(me).get("/api/v1/me/enrollments").json()
    assert [(e["run_id"], e["state"], e["waitlist_position"]) for e in data] == [
        (run.pk, "waitlisted", 1)]


def test_withdraw_my_enrollment_and_not_someone_elses(client_for, enrollment, make_user):
    stranger = make_user()
    response = client_for(stranger).post(f"/api/v1/enrollments/{enrollment.pk}/withdraw",
                                         {"reason": "x"}, content_type="application/json")
    assert response.status_code == 404
    response = client_for(enrollment.user).post(
        f"/api/v1/enrollments/{enrollment.pk}/withdraw", {"reason": "Pārcēlos"},
        content_type="application/json")
    assert response.status_code == 200 and response.json()["state"] == "withdrawn"
    enrollment.refresh_from_db()
    assert enrollment.withdrawal_reason == "Pārcēlos"


def test_the_groups_teacher_can_withdraw_through_the_api(client_for, enrollment, teacher):
    response = client_for(teacher).post(f"/api/v1/enrollments/{enrollment.pk}/withdraw",
                                        content_type="application/json")
    assert response.status_code == 200
    assert Enrollment.objects.get(pk=enrollment.pk).state == "withdrawn"
