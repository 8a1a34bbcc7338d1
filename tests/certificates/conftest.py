import pytest

from certificates.factories import CompletedEnrollmentFactory


@pytest.fixture
def completed(run, learner):
    """A learner who has completed the group's course, with no certificate yet."""
    return CompletedEnrollmentFactory(run=run, user=learner)


@pytest.fixture
def issue(django_capture_on_commit_callbacks):
    """Issues a certificate the way the completion listener does, running what the
    services queue after commit (Celery is eager in unit tests)."""
    from certificates import services

    def run(enrollment, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            certificate = services.issue_certificate(enrollment_id=enrollment.pk, **kwargs)
        certificate.refresh_from_db()
        return certificate

    return run


@pytest.fixture
def manager(make_user):
    from django.contrib.auth.models import Group

    user = make_user(username="manager1", email="manager1@example.lv")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get_or_create(name="Managers")[0])
    return user
