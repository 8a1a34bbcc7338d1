"""Certificates for tests and the demo, built through the services where that matters."""

import factory
from django.utils import timezone

from certificates.codes import new_code
from certificates.models import Certificate, CertificateTemplate
from courses.factories import EnrollmentFactory
from courses.models import Enrollment


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Veidne {n}")
    issuer = "Biedrība “Kopā”"
    signatory_name = "Māra Kalniņa"
    signatory_title = "Valdes priekšsēdētāja"


class CompletedEnrollmentFactory(EnrollmentFactory):
    state = Enrollment.State.COMPLETED
    completed_at = factory.LazyFunction(timezone.now)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A pending certificate with a plausible snapshot; render it with the services."""

    class Meta:
        model = Certificate

    enrollment = factory.SubFactory(CompletedEnrollmentFactory)
    code = factory.LazyFunction(new_code)
    holder_name = factory.LazyAttribute(lambda c: c.enrollment.user.name)
    course_title = factory.LazyAttribute(lambda c: c.enrollment.run.course.title)
    hours_total = 28
    starts_on = factory.LazyAttribute(lambda c: c.enrollment.run.starts_on)
    ends_on = factory.LazyAttribute(lambda c: c.enrollment.run.ends_on)
    completed_on = factory.LazyFunction(timezone.localdate)
    place = "Rīga"
    issuer = "Biedrība “Kopā”"
    snapshot = factory.LazyFunction(lambda: {"issued_on": timezone.localdate().isoformat()})
