"""Who may do what with quizzes, decided here only. A learner takes quizzes of courses they
are enrolled in and sees only their own attempts; a teacher grades and sees results of the
learners in the groups they teach; managers see everything."""

from django.db.models import F, Q, QuerySet

from courses import permissions as groups
from courses.models import SEAT_STATES, CoursePage, CourseRun, Enrollment
from courses.permissions import is_manager
from quizzes.models import Attempt, QuizPage

__all__ = ["can_answer", "can_grade", "can_see_results", "can_take_quiz", "course_of",
           "gradable_attempts", "is_manager", "taking_run_id", "taught_runs"]


def course_of(quiz: QuizPage) -> CoursePage | None:
    return CoursePage.objects.ancestor_of(quiz).first()


def _course_keys(quiz: QuizPage) -> Q:
    course = course_of(quiz)
    if course is None:
        return Q(pk__in=[])
    return Q(course__translation_key=course.translation_key)


def taught_runs(user, quiz: QuizPage | None = None) -> QuerySet[CourseRun]:
    """The groups (of the quiz's course, in any translation) this person teaches."""
    runs = groups.taught_runs(user)
    if quiz is not None:
        runs = runs.filter(_course_keys(quiz))
    return runs


def taking_run_id(user, quiz: QuizPage) -> int | None:
    """The group a learner takes the quiz in: the one of the quiz's course where they hold
    a seat (the latest they got, should they hold two). None for someone in no group."""
    if not user.is_authenticated:
        return None
    runs = CourseRun.objects.filter(_course_keys(quiz))
    return (Enrollment.objects.filter(user=user, run__in=runs, state__in=SEAT_STATES)
            .order_by(F("activated_at").desc(nulls_last=True), "-pk")
            .values_list("run_id", flat=True).first())


def can_take_quiz(user, quiz: QuizPage) -> bool:
    if not user.is_authenticated:
        return False
    if is_manager(user) or taught_runs(user, quiz).exists():
        return True
    return taking_run_id(user, quiz) is not None


def can_answer(user, attempt: Attempt) -> bool:
    return user.is_authenticated and attempt.user_id == user.pk


def can_see_results(user, quiz: QuizPage) -> bool:
    return is_manager(user) or (user.is_authenticated and taught_runs(user, quiz).exists())


def gradable_attempts(user, attempts: QuerySet[Attempt] | None = None) -> QuerySet[Attempt]:
    """Attempts a teacher may see and grade, as courses.permissions decides for any group's
    records: made in a group they teach by someone who still holds a seat there."""
    return groups.gradable(user, Attempt.objects.all() if attempts is None else attempts)


def can_grade(user, attempt: Attempt) -> bool:
    return gradable_attempts(user, Attempt.objects.filter(pk=attempt.pk)).exists()


def can_manage_bank(user) -> bool:
    return bool(user.is_authenticated and (
        is_manager(user) or user.groups.filter(name="Teachers").exists()
        or user.has_perm("quizzes.change_question")))


def grant_role_permissions(groups: dict) -> None:
    """Teachers (and managers) keep the question bank in the admin."""
    from django.contrib.auth.models import Permission

    bank = Permission.objects.filter(
        content_type__app_label="quizzes",
        codename__regex=r"^(add|change|delete|view)_.*question|.*category$")
    for name in ("Teachers", "Managers"):
        groups[name].permissions.add(*bank)
