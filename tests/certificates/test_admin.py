"""The admin: a teacher sees their groups, issues, re-issues and revokes with reasons, signs
learners off, and follows a bulk issue's progress; managers edit certificate templates."""

import pytest
from django.contrib.auth.models import Group, Permission

from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from courses.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_teacher(teacher):
    group, _ = Group.objects.get_or_create(name="Teachers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    teacher.groups.add(group)
    return teacher


def test_a_teacher_sees_their_groups_and_issues_in_bulk(client, run, admin_teacher, make_user,
                                                       django_capture_on_commit_callbacks):
    for _ in range(2):
        CompletedEnrollmentFactory(run=run, user=make_user())
    client.force_login(admin_teacher)
    index = client.get("/admin/certificates/")
    assert index.status_code == 200 and run.title in index.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/certificates/run/{run.pk}/issue/")
    assert response.status_code == 302
    page = client.get(f"/admin/certificates/run/{run.pk}/").content.decode()
    assert "2 of 2 done" in page or "2 no 2" in page
    batch = run.certificate_batches.get()
    status = client.get(f"/admin/certificates/batch/{batch.pk}/").json()
    assert status == {"total": 2, "done": 2, "failed": 0, "finished": True, "percent": 100}


def test_reissue_and_revoke_need_a_reason_and_keep_it(client, completed, issue, admin_teacher,
                                                     django_capture_on_commit_callbacks):
    certificate = issue(completed)
    client.force_login(admin_teacher)
    client.post(f"/admin/certificates/certificate/{certificate.pk}/revoke/", {"reason": " "})
    certificate.refresh_from_db()
    assert certificate.state == "issued"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/certificates/certificate/{certificate.pk}/reissue/",
                    {"reason": "Name corrected"})
    client.post(f"/admin/certificates/certificate/{certificate.pk}/revoke/",
                {"reason": "Did not attend"})
    certificate.refresh_from_db()
    assert certificate.revision == 2 and certificate.state == "revoked"
    page = client.get(f"/admin/certificates/certificate/{certificate.pk}/").content.decode()
    assert "Name corrected" in page and "Did not attend" in page


def test_a_teacher_signs_a_learner_off_and_the_certificate_follows(
        client, run, admin_teacher, learner, django_capture_on_commit_callbacks):
    from courses import registry

    course = run.course
    course.completion_requires_signoff = True
    course.save()
    enrollment = EnrollmentFactory(run=run, user=learner)
    saved = dict(registry._criteria)
    registry._criteria.clear()
    try:
        client.force_login(admin_teacher)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            client.post(f"/admin/certificates/enrollment/{enrollment.pk}/sign-off/")
        # Completion's own after-commit work (the listener) queues the certificate.
        for _ in range(3):
            pending = list(callbacks)
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                for callback in pending:
                    callback()
    finally:
        registry._criteria.update(saved)
    enrollment.refresh_from_db()
    assert enrollment.state == "completed" and enrollment.signed_off_by == admin_teacher
    assert Certificate.objects.get(enrollment=enrollment).state == "issued"


def test_other_teachers_cannot_touch_the_group(client, completed, issue, make_user):
    certificate = issue(completed)
    stranger = make_user()
    group, _ = Group.objects.get_or_create(name="Teachers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    stranger.groups.add(group)
    client.force_login(stranger)
    assert client.get(f"/admin/certificates/run/{completed.run_id}/").status_code == 404
    response = client.post(f"/admin/certificates/certificate/{certificate.pk}/revoke/",
                           {"reason": "x"})
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.state == "issued"


def test_a_manager_edits_certificate_templates(client, site):
    from accounts.services import create_user

    admin = create_user(username="boss", password="a-long-test-password")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    client.force_login(admin)
    assert client.get("/admin/snippets/certificates/certificatetemplate/").status_code == 200
    assert client.get("/admin/snippets/certificates/certificatetemplate/add/").status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_the_group_page_takes_the_same_queries_whatever_its_size(
        client, run, admin_teacher, make_user, issue, size, django_assert_max_num_queries):
    for _ in range(size):
        issue(CompletedEnrollmentFactory(run=run, user=make_user()))
    client.force_login(admin_teacher)
    # The same budget for 1 and 8 people; most of it is the Wagtail admin's frame, whose
    # menu asks every app's permissions.
    with django_assert_max_num_queries(22):
        assert client.get(f"/admin/certificates/run/{run.pk}/").status_code == 200
