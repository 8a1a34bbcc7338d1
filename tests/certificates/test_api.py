"""GET /me/certificates and a group's certificates for its teachers and managers, with
JSON errors on the bad paths."""

import pytest

from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_my_certificates_lists_my_own_only(client, completed, issue, run, make_user):
    mine = issue(completed)
    issue(CompletedEnrollmentFactory(run=run, user=make_user()))
    client.force_login(completed.user)
    data = client.get("/api/v1/me/certificates").json()
    assert [item["code"] for item in data] == [mine.display_code]
    assert data[0]["download_url"] == f"/certificates/{mine.pk}/pdf/"
    assert data[0]["verification_url"].endswith(f"/verify/{mine.display_code}/")


def test_my_certificates_needs_sign_in(client):
    response = client.get("/api/v1/me/certificates")
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"


def test_a_teacher_issues_the_groups_certificates_in_bulk(client, run, teacher, make_user,
                                                         django_capture_on_commit_callbacks):
    for _ in range(3):
        CompletedEnrollmentFactory(run=run, user=make_user())
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/runs/{run.pk}/certificates")
    assert response.status_code == 202
    assert response.json()["total"] == 3
    assert Certificate.objects.filter(state="issued").count() == 3
    listed = client.get(f"/api/v1/runs/{run.pk}/certificates").json()
    assert len(listed) == 3 and all(item["state"] == "issued" for item in listed)


def test_bulk_issue_is_refused_to_a_learner_and_to_other_teachers(client, run, make_user):
    client.force_login(make_user())
    response = client.post(f"/api/v1/runs/{run.pk}/certificates")
    assert response.status_code == 404 and response.json()["code"] == "run_not_found"
    assert client.get(f"/api/v1/runs/{run.pk}/certificates").status_code == 404


def test_bulk_issue_of_an_unknown_or_malformed_run_is_json(client, manager):
    client.force_login(manager)
    assert client.post("/api/v1/runs/999999/certificates").json()["code"] == "run_not_found"
    response = client.post("/api/v1/runs/abc/certificates")
    assert response.status_code == 422 and response.json()["code"] == "validation_error"


def test_bulk_issue_for_a_course_without_certificates_is_a_conflict(client, run, manager):
    run.course.certificate_offered = False
    run.course.save()
    client.force_login(manager)
    response = client.post(f"/api/v1/runs/{run.pk}/certificates")
    assert response.status_code == 409 and response.json()["code"] == "no_certificate_offered"


@pytest.mark.parametrize("size", [1, 8])
def test_listing_a_groups_certificates_takes_the_same_queries_whatever_its_size(
        client, run, manager, make_user, issue, size, django_assert_max_num_queries):
    for _ in range(size):
        issue(CompletedEnrollmentFactory(run=run, user=make_user()))
    client.force_login(manager)
    with django_assert_max_num_queries(5):
        assert len(client.get(f"/api/v1/runs/{run.pk}/certificates").json()) == size
