"""seed_demo leaves the demo learner with an issued certificate and another participant close
to completing, and can run again without making more."""

import pytest

from certificates import demo
from certificates.models import Certificate, CertificateTemplate
from courses.factories import CourseRunFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_context(site):
    from accounts import demo as accounts_demo

    context: dict = {}
    accounts_demo.load(context)
    return context


def test_without_the_groups_the_demo_only_adds_the_template(demo_context):
    demo.load(demo_context)
    assert CertificateTemplate.objects.filter(is_default=True).count() == 1
    assert not Certificate.objects.exists()
    assert "not there yet" in demo_context["summary"][-1]


def test_with_the_groups_the_learner_has_a_certificate_and_another_is_close(demo_context,
                                                                          course):
    run = CourseRunFactory(course=course, city="Rīga", language="lv")
    EnrollmentFactory(run=run, user=demo_context["users"]["learner"])
    demo.load(demo_context)
    demo.load(demo_context)
    certificate = Certificate.objects.get()
    assert certificate.state == Certificate.State.ISSUED
    assert certificate.enrollment.user.username == "learner"
    assert run.enrollments.filter(state="active").count() == 1
    assert CertificateTemplate.objects.count() == 1
