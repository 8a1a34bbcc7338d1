"""seed_demo leaves the demo learner with a certificate they really earned (every completion
rule met, the hours on it above the course's threshold) and another participant exactly one
rule short, and can run again without making more."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from attendance.models import AttendanceMark, ClassSession
from certificates import demo
from certificates.models import Certificate, CertificateTemplate
from certificates.storage import private_storage
from courses.models import Enrollment
from courses.selectors.completion import completion_status
from lessons.models import LessonProgress
from quizzes.models import Attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_context(site):
    from accounts import demo as accounts_demo

    context: dict = {}
    accounts_demo.load(context)
    return context


def test_without_the_course_the_demo_only_adds_the_template(demo_context):
    demo.load(demo_context)
    assert CertificateTemplate.objects.filter(is_default=True).count() == 1
    assert not Certificate.objects.exists()
    assert "not there yet" in demo_context["summary"][-1]


def counts() -> tuple:
    return (Certificate.objects.count(), Enrollment.objects.count(),
            ClassSession.objects.count(), AttendanceMark.objects.count(),
            LessonProgress.objects.count(), Attempt.objects.count(),
            CertificateTemplate.objects.count())


def test_the_learner_earned_the_certificate_and_another_is_one_rule_short():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = counts()
    call_command("seed_demo", stdout=out)
    assert counts() == first

    certificate = Certificate.objects.select_related("enrollment__run__course").get()
    enrollment = certificate.enrollment
    assert certificate.state == Certificate.State.ISSUED
    assert enrollment.user.username == "learner"
    assert enrollment.state == Enrollment.State.COMPLETED
    assert private_storage.exists(certificate.pdf.name)
    # Earned, not declared: every rule of the course holds, and the rules are real ones.
    results = completion_status(enrollment)
    assert {result.key for result in results} >= {"attendance", "lessons", "quizzes"}
    assert all(result.met for result in results), results
    course = enrollment.run.course
    threshold = Decimal(course.completion_min_attendance) / 100 * course.academic_hours
    assert certificate.hours_total == course.academic_hours
    assert certificate.hours_attended >= threshold

    near = Enrollment.objects.select_related("run__course", "user").get(
        user__username=demo.NEAR_COMPLETION_USERNAME)
    assert near.state == Enrollment.State.ACTIVE
    unmet = [result for result in completion_status(near) if not result.met]
    assert [result.key for result in unmet] == ["lessons"]
    assert not Certificate.objects.filter(enrollment=near).exists()
    printed = out.getvalue()
    assert f"{demo.NEAR_COMPLETION_USERNAME} is close to completing" in printed
    assert str(unmet[0].label) in printed
    assert certificate.display_code in printed

    # The learner's current group is half way through: attendance there is still to come,
    # so that enrolment stays active, without a certificate.
    current = Enrollment.objects.select_related("run__course").get(
        user__username="learner", state=Enrollment.State.ACTIVE)
    assert not Certificate.objects.filter(enrollment=current).exists()
    assert "attendance" in {r.key for r in completion_status(current) if not r.met}
