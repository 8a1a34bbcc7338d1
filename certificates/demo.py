"""Demo: a default certificate template; then, where the courses and enrolment demo made the
integration course's Latvian group in Rīga, an issued certificate for the demo learner and
another participant a step away from completing."""

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.models import User
from accounts.services import create_user
from certificates import services
from certificates.models import Certificate, CertificateTemplate
from courses.factories import EnrollmentFactory
from courses.models import CoursePage, Enrollment, EnrollmentEvent
from courses.selectors.completion import completion_status
from courses.services import record_event

NEAR_COMPLETION_USERNAME = "maryam.demo"


def default_template() -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is None:
        template = CertificateTemplate.objects.create(
            name="Kopā — noklusējuma veidne", is_default=True, issuer="Biedrība “Kopā”",
            signatory_name="Māra Kalniņa", signatory_title="Valdes priekšsēdētāja",
            footer="Kursu līdzfinansē Eiropas Savienība.")
    return template


def let_managers_edit_templates() -> None:
    managers, _created = Group.objects.get_or_create(name="Managers")
    managers.permissions.add(*Permission.objects.filter(
        content_type__app_label="certificates",
        codename__in=["add_certificatetemplate", "change_certificatetemplate",
                      "delete_certificatetemplate", "view_certificatetemplate"]))


def issue_for(enrollment: Enrollment) -> Certificate:
    if enrollment.state != Enrollment.State.COMPLETED:
        # The demo's own shortcut: the rules' evidence (attendance, quizzes) belongs to other
        # apps' demos, so the enrolment is marked completed here, with its history event.
        Enrollment.objects.filter(pk=enrollment.pk).update(
            state=Enrollment.State.COMPLETED, completed_at=timezone.now())
        enrollment.refresh_from_db()
        record_event(enrollment=enrollment, kind=EnrollmentEvent.Kind.COMPLETED, note="demo")
    certificate = services.request_certificate(enrollment=enrollment, queue=False)
    if certificate.state != Certificate.State.ISSUED:
        certificate = services.render_certificate(certificate_id=certificate.pk)
    return certificate


def load(context: dict) -> None:
    default_template()
    let_managers_edit_templates()
    summary = context.setdefault("summary", [])
    learner = context.get("users", {}).get("learner")
    course = CoursePage.objects.filter(slug="integracijas-kurss").first()
    enrollment = None
    if course is not None and learner is not None:
        enrollment = (Enrollment.objects.select_related("run")
                      .filter(run__course=course, run__language="lv", user=learner)
                      .exclude(state=Enrollment.State.WITHDRAWN)
                      .order_by("run__city", "pk").first())
    if enrollment is None:
        summary.append("Certificates: the integration course's Latvian group with the demo "
                       "learner is not there yet, so no certificate was issued.")
        return
    certificate = issue_for(enrollment)
    summary.append(f"Certificates: {learner.username} has certificate "
                   f"{certificate.display_code} ({certificate.get_state_display()}); check "
                   f"it at /verify/{certificate.display_code}/")

    near = enrollment.run.enrollments.filter(state=Enrollment.State.ACTIVE).exclude(
        user=learner).select_related("user", "run__course").first()
    if near is None:
        person = User.objects.filter(username=NEAR_COMPLETION_USERNAME).first()
        if person is None:
            person = create_user(username=NEAR_COMPLETION_USERNAME, first_name="Maryam",
                                 last_name="Ahmadi", display_name="مریم احمدی",
                                 preferred_language="en", password="kopa-demo")
        near = Enrollment.objects.filter(run=enrollment.run, user=person).first()
        if near is None:
            near = EnrollmentFactory(run=enrollment.run, user=person,
                                     method=Enrollment.Method.TEACHER)
    left = [result.label for result in completion_status(near) if not result.met]
    summary.append(f"Certificates: {near.user.username} is close to completing "
                   f"{enrollment.run.title}" + (f" (left: {', '.join(map(str, left))})"
                                                 if left else ""))
