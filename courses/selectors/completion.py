"""Where an enrolment stands against its course's completion rules."""

from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.registry import CriterionResult, completion_criteria


def signoff_result(enrollment: Enrollment) -> CriterionResult | None:
    if not enrollment.run.course.completion_requires_signoff:
        return None
    return CriterionResult(key="signoff", met=enrollment.signed_off_at is not None,
                           label=_("Teacher's sign-off"))


def completion_status(enrollment: Enrollment) -> list[CriterionResult]:
    """Every rule that applies to this enrolment's course, met or not."""
    results = [signoff_result(enrollment)]
    results += [criterion.evaluate(enrollment) for criterion in completion_criteria()]
    return [result for result in results if result is not None]


def completion_status_many(enrollments: list[Enrollment]) -> dict[int, list[CriterionResult]]:
    """`completion_status` for many enrolments (a learner's /my/ page, a whole group) with
    each criterion's bulk form, so the queries do not grow with the number of enrolments."""
    statuses: dict[int, list[CriterionResult]] = {}
    for enrollment in enrollments:
        signoff = signoff_result(enrollment)
        statuses[enrollment.pk] = [signoff] if signoff is not None else []
    for criterion in completion_criteria():
        if criterion.evaluate_many is not None:
            results = criterion.evaluate_many(enrollments)
        else:
            results = {e.pk: criterion.evaluate(e) for e in enrollments}
        for enrollment_id, result in results.items():
            if result is not None and enrollment_id in statuses:
                statuses[enrollment_id].append(result)
    return statuses
