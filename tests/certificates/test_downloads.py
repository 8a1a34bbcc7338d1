"""Private PDFs are served only through views that check permission: learners their own,
teachers their groups', managers all; a group's certificates come as one ZIP."""

import io
import zipfile

import pytest

from certificates.factories import CompletedEnrollmentFactory
from certificates.selectors import certificates_for_run
from courses.factories import CourseRunFactory

pytestmark = pytest.mark.django_db


def test_a_learner_downloads_their_own_certificate(client, completed, issue):
    certificate = issue(completed)
    client.force_login(completed.user)
    response = client.get(f"/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]


def test_nobody_else_downloads_it(client, completed, issue, make_user):
    certificate = issue(completed)
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 302  # sign in
    client.force_login(make_user())
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 404


def test_teachers_of_the_group_and_managers_download_it(client, completed, issue, teacher,
                                                      manager, make_user):
    certificate = issue(completed)
    for user in (teacher, manager):
        client.force_login(user)
        assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 200
    other_teacher = make_user()
    CourseRunFactory(course=completed.run.course, teachers=[other_teacher])
    client.force_login(other_teacher)
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 404


def test_a_revoked_certificate_is_no_longer_downloadable_by_the_learner(client, completed,
                                                                       issue, teacher):
    from certificates import services

    certificate = issue(completed)
    services.revoke_certificate(certificate=certificate, by=teacher, reason="Mistake")
    client.force_login(completed.user)
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 404


def test_a_teacher_downloads_the_groups_certificates_as_one_zip(client, run, teacher, make_user,
                                                               issue):
    names = ["Ērika Šķēle", "Олена Коваленко", "مریم احمدی"]
    for name in names:
        issue(CompletedEnrollmentFactory(run=run, user=make_user(display_name=name)))
    client.force_login(teacher)
    response = client.get(f"/certificates/runs/{run.pk}/zip/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    files = archive.namelist()
    assert len(files) == 3
    for name in names:
        assert any(file.startswith(name) for file in files)
    assert all(archive.read(file).startswith(b"%PDF") for file in files)


def test_the_zip_is_only_for_the_groups_teachers_and_managers(client, run, make_user):
    client.force_login(make_user())
    assert client.get(f"/certificates/runs/{run.pk}/zip/").status_code == 404


def test_certificates_for_run_can_be_narrowed_to_some_people(run, make_user, issue):
    enrollments = [CompletedEnrollmentFactory(run=run, user=make_user()) for _ in range(3)]
    for enrollment in enrollments:
        issue(enrollment)
    chosen = [enrollments[0].user_id, enrollments[2].user_id]
    found = certificates_for_run(run.pk, user_ids=chosen)
    assert sorted(c.enrollment.user_id for c in found) == sorted(chosen)


@pytest.mark.parametrize("size", [1, 6])
def test_the_zip_takes_the_same_queries_for_a_small_and_a_large_group(
        client, run, teacher, make_user, issue, size, django_assert_max_num_queries):
    for _ in range(size):
        issue(CompletedEnrollmentFactory(run=run, user=make_user()))
    client.force_login(teacher)
    with django_assert_max_num_queries(6):
        response = client.get(f"/certificates/runs/{run.pk}/zip/")
        b"".join(response.streaming_content)


def test_the_learners_page_offers_the_certificate(client, completed, issue):
    certificate = issue(completed)
    client.force_login(completed.user)
    page = client.get("/en/my/").content.decode()
    assert f"/certificates/{certificate.pk}/pdf/" in page
    assert certificate.display_code in page


def test_the_learners_page_lists_unmet_rules(client, run, learner, make_user):
    from courses.factories import EnrollmentFactory

    course = run.course
    course.completion_requires_signoff = True
    course.save()
    EnrollmentFactory(run=run, user=learner)
    client.force_login(learner)
    page = client.get("/en/my/").content.decode()
    assert "Still to do" in page and "sign-off" in page
