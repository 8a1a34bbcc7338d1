"""The "attendance" completion criterion that courses asks: a course with a minimum
attendance is met when the learner's attended share of the group's planned sessions (hours
or points, as the course says) reaches it."""


from django.utils.translation import gettext as _

from attendance.selectors.figures import EnrollmentFigures, figures_for_enrollments, run_figures
from courses.models import Enrollment
from courses.registry import CompletionCriterion, CriterionResult

KEY = "attendance"


def result_for(figures: EnrollmentFigures | None, threshold: int) -> CriterionResult:
    share = (figures.share_of_planned if figures else None) or 0
    return CriterionResult(
        key=KEY, met=share >= threshold,
        label=_("Attendance of at least %(percent)s%%") % {"percent": threshold},
        detail=_("%(share)s%% of the planned sessions attended") % {"share": share},
        progress=min(1.0, float(share) / threshold) if threshold else None)


def evaluate(enrollment: Enrollment) -> CriterionResult | None:
    threshold = enrollment.run.course.completion_min_attendance
    if not threshold:
        return None
    figures = run_figures(enrollment.run_id, [enrollment.pk], include_withdrawn=True)
    return result_for(figures[0] if figures else None, threshold)


def evaluate_many(enrollments: list[Enrollment]) -> dict[int, CriterionResult | None]:
    """A fixed number of queries however many people and groups."""
    ruled = [(e, threshold) for e in enrollments
             if (threshold := e.run.course.completion_min_attendance)]
    figures = figures_for_enrollments([e for e, _threshold in ruled])
    results: dict[int, CriterionResult | None] = {e.pk: None for e in enrollments}
    for enrollment, threshold in ruled:
        results[enrollment.pk] = result_for(figures.get(enrollment.pk), threshold)
    return results


criterion = CompletionCriterion(key=KEY, evaluate=evaluate, evaluate_many=evaluate_many)
