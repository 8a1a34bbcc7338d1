"""The admin's groups and enrolments go through the enrolment services."""

import pytest
from django.test import Client

from courses.factories import CourseRunFactory, EnrollmentFactory
from courses.models import Enrollment


@pytest.fixture
def admin_client_(make_user):
    admin = make_user(username="boss", email="boss@example.lv")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    client = Client()
    client.force_login(admin)
    return client, admin


def test_admin_lists_groups_enrolments_and_organisations(admin_client_, enrollment):
    client, _admin = admin_client_
    for url in ("/admin/course_runs/", "/admin/enrollments/", "/admin/organisation_admin/",
                "/admin/organisation_runs/", "/admin/participants/",
                f"/admin/course_runs/inspect/{enrollment.run_id}/",
                f"/admin/enrollments/inspect/{enrollment.pk}/"):
        assert client.get(url).status_code == 200, url


def test_adding_an_enrolment_in_the_admin_respects_capacity(admin_client_, course, make_user):
    client, _admin = admin_client_
    run = CourseRunFactory(course=course, capacity=1)
    EnrollmentFactory(run=run)
    person = make_user()
    response = client.post("/admin/enrollments/new/", {"user": person.pk, "run": run.pk})
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(user=person)
    assert enrollment.state == "waitlisted" and enrollment.method == "manager"
    again = client.post("/admin/enrollments/new/", {"user": person.pk, "run": run.pk})
    assert again.status_code == 200, again.content[:2000]  # the form with the error
    assert Enrollment.objects.filter(user=person).count() == 1


def test_withdrawing_in_the_admin_promotes_the_next_person(admin_client_, course, make_user):
    client, _admin = admin_client_
    run = CourseRunFactory(course=course, capacity=1)
    seated = EnrollmentFactory(run=run)
    waiting = EnrollmentFactory(run=run, state="waitlisted", activated_at=None)
    response = client.post(f"/admin/enrollments/edit/{seated.pk}/",
                           {"withdrawal_reason": "Pārcēlās"})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == "active"


def test_more_seats_in_the_admin_go_to_the_waiting_list(admin_client_, course, teacher,
                                                        django_capture_on_commit_callbacks):
    client, _admin = admin_client_
    run = CourseRunFactory(course=course, capacity=1, teachers=[teacher])
    EnrollmentFactory(run=run)
    waiting = EnrollmentFactory(run=run, state="waitlisted", activated_at=None)
    data = {"course": course.pk, "title": run.title, "starts_on": run.starts_on,
            "ends_on": run.ends_on, "delivery_format": "in_class", "city": "Rīga",
            "region": "riga", "address": "", "online_url": "", "language": "lv",
            "capacity": 2, "waitlist_enabled": "on", "enrolment_key": "",
            "is_public": "on", "teachers": [teacher.pk]}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/course_runs/edit/{run.pk}/", data)
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == "active"


def test_personal_data_export_includes_enrolments(enrollment):
    from accounts.services import export_personal_data

    data = export_personal_data(user=enrollment.user)
    assert data["enrolments"]["enrolments"][0]["group"] == enrollment.run.title
