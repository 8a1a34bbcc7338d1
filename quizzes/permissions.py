"""Who may do what with quizzes, decided here only. A learner takes quizzes of courses they
are enrolled in and sees only their own attempts; a teacher grades and sees results of the
learners in the groups they teach; managers see everything."""

from django.db.models import Q, QuerySet

from courses.models import CoursePage, CourseRun, Enrollment
from courses.permissions import is_manager
from quizzes.models import Attempt, QuizPage

TAKING_STATES = (Enrollment.State.ACTIVE, Enrollment.State.COMPLETED)


def course_of(quiz: QuizPage) -> CoursePage | None:
    return CoursePage.objects.ancestor_of(quiz).first()


def _course_keys(quiz: QuizPage) -> Q:
    course = course_of(quiz)
    if course is None:
        return Q(pk__in=[])
    return Q(course__translation_key=course.translation_key)


def taught_runs(user, quiz: QuizPage | None = None) -> QuerySet[CourseRun]:
    runs = CourseRun.objects.filter(teachers=user)
    if quiz is not None:
        runs = runs.filter(_course_keys(quiz))
    return runs


def can_take_quiz(user, quiz: QuizPage) -> bool:
    if not user.is_authenticated:
        return False
    if is_manager(user) or taught_runs(user, quiz).exists():
        return True
    runs = CourseRun.objects.filter(_course_keys(quiz))
    return Enrollment.objects.filter(user=user, run__in=runs, state__in=TAKING_STATES).exists()


def can_answer(user, attempt: Attempt) -> bool:
    return user.is_authenticated and attempt.user_id == user.pk


def can_see_results(user, quiz: QuizPage) -> bool:
    return is_manager(user) or (user.is_authenticated and taught_runs(user, quiz).exists())


def gradable_attempts(user) -> QuerySet[Attempt]:
    """Attempts a teacher may see and grade: their groups' learners, in those groups' courses."""
    if is_manager(user):
        return Attempt.objects.all()
    if not user.is_authenticated:
        return Attempt.objects.none()
    pairs = Enrollment.objects.filter(run__teachers=user).values_list(
        "user_id", "run__course__translation_key")
    condition = Q(pk__in=[])
    by_course: dict = {}
    for user_id, key in pairs:
        by_course.setdefault(key, set()).add(user_id)
    for key, user_ids in by_course.items():
        condition |= Q(quiz__translation_key__in=_quiz_keys(key), user_id__in=user_ids)
    return Attempt.objects.filter(condition)


def _quiz_keys(course_key) -> list:
    courses = CoursePage.objects.filter(translation_key=course_key)
    keys: set = set()
    for course in courses:
        keys |= set(QuizPage.objects.descendant_of(course).values_list("translation_key",
                                                                       flat=True))
    return list(keys)


def can_grade(user, attempt: Attempt) -> bool:
    return gradable_attempts(user).filter(pk=attempt.pk).exists()


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
