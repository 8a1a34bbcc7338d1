"""Sessions and marks for tests and the demo."""

import datetime

import factory
from django.utils import timezone

from attendance.models import AttendanceMark, AttendancePolicy, ClassSession, Method, Status
from courses.factories import CourseRunFactory, EnrollmentFactory


class ClassSessionFactory(factory.django.DjangoModelFactory):
    """A 90-minute session (2 academic hours) starting `starts_at`."""

    class Meta:
        model = ClassSession

    run = factory.SubFactory(CourseRunFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(minutes=90))
    topic = factory.Sequence(lambda n: f"Nodarbība {n}")
    place = "Graudu iela 27, Liepāja"


class AttendancePolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendancePolicy
        django_get_or_create = ("course",)


class AttendanceMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceMark

    session = factory.SubFactory(ClassSessionFactory)
    enrollment = factory.SubFactory(EnrollmentFactory,
                                    run=factory.SelfAttribute("..session.run"))
    status = Status.PRESENT
    method = Method.TEACHER
    marked_at = factory.LazyFunction(timezone.now)
