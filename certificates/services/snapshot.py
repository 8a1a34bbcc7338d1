"""What a certificate states, copied from the enrolment, course, group and template at the
moment it is issued, so later edits to a profile or a page never change it."""

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from attendance.selectors import PersonHours, hours_by_enrollment
from certificates.models import CertificateTemplate, CertificateTemplateCourse
from courses.models import CoursePage, CourseRun, Enrollment

# Languages the certificate text is translated into (besides Latvian).
CERTIFICATE_LANGUAGES = ("en", "ru", "uk", "ar", "fa")
RTL_LANGUAGES = ("ar", "fa", "he", "ur")


def template_for_course(course: CoursePage) -> CertificateTemplate:
    link = (CertificateTemplateCourse.objects.select_related("template")
            .filter(course=course).first())
    if link is not None:
        template: CertificateTemplate = link.template  # a ParentalKey: modelcluster is untyped
        return template
    default = CertificateTemplate.objects.filter(is_default=True).first()
    # An unsaved template with the defaults, so a site with none still issues certificates.
    return default or CertificateTemplate(name="Kopā")


def issuer_name(template: CertificateTemplate) -> str:
    if template.issuer:
        return template.issuer
    from wagtail.models import Site

    from cms.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    organisation = SiteSettings.for_site(site).organisation_name if site else ""
    return organisation or "Kopā"


def second_language(template: CertificateTemplate, *, learner_language: str,
                    run_language: str) -> str:
    choice = template.second_language
    if choice == CertificateTemplate.SecondLanguage.NONE:
        return ""
    code = {"learner": learner_language, "run": run_language}.get(choice, choice)
    code = (code or "").split("-")[0].lower()
    if code == "lv":
        return ""
    return code if code in CERTIFICATE_LANGUAGES else "en"


def ledger_hours(enrollments: list[Enrollment]) -> dict[int, PersonHours]:
    """Hours offered and attended come from the attendance hours engine (an earlier app, so
    it may be imported), computed in the database for the whole group at once. A person to
    whom no session was planned has no ledger to quote: their certificate states none."""
    figures = hours_by_enrollment(enrollment_ids=[e.pk for e in enrollments])
    return {pk: person for pk, person in figures.items() if person.planned}


@dataclass(frozen=True)
class RunContext:
    """What every certificate of one group shares; read once for a whole group."""

    run: CourseRun
    course: CoursePage
    template: CertificateTemplate
    issuer: str
    translated_titles: dict[str, str]


def run_context(run: CourseRun) -> RunContext:
    course = run.course
    template = template_for_course(course)
    titles = {}
    for translation in course.get_translations().select_related("locale"):
        titles[translation.locale.language_code] = translation.title
    return RunContext(run=run, course=course, template=template, issuer=issuer_name(template),
                      translated_titles=titles)


def snapshot_fields(context: RunContext, enrollment: Enrollment,
                    hours: PersonHours | None) -> dict[str, object]:
    run, course, template = context.run, context.course, context.template
    user = enrollment.user
    language = second_language(template, learner_language=user.preferred_language,
                               run_language=run.language)
    completed = enrollment.completed_at or timezone.now()
    return {
        "holder_name": unicodedata.normalize("NFC", user.name)[:200],
        "course_title": course.title,
        "course_title_translated": context.translated_titles.get(language, ""),
        "hours_total": Decimal(course.academic_hours),
        "hours_attended": hours.attended if hours else None,
        "starts_on": run.starts_on,
        "ends_on": run.ends_on,
        "completed_on": timezone.localdate(completed),
        "place": run.city,
        "issuer": context.issuer,
        "language": language,
        "template": template if template.pk else None,
        "snapshot": {
            "issued_on": timezone.localdate().isoformat(),
            # What the funder report counts as offered to this person when issued.
            "hours_offered": str(hours.offered) if hours else None,
            "run_title": run.title,
            "delivery_format": run.delivery_format,
            "course_kind": course.kind,
            "cefr_level": course.cefr_level,
            "layout": template.layout,
            "signatory_name": template.signatory_name,
            "signatory_title": template.signatory_title,
            "footer": template.footer,
        },
    }
