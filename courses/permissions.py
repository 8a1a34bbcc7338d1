"""Who may see or change which groups and enrolments: the one place courses decides it.
A learner: their own enrolments; a teacher: the groups they teach; a manager: everything.
Coordinators are decided in `organisations.permissions` (a later app)."""

from django.db.models import Q, QuerySet

from courses.models import CourseRun, Enrollment

MANAGERS_GROUP = "Managers"


def is_manager(user) -> bool:
    """The one answer for every app (the result is cached on the user object)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_kopa_is_manager", None)
    if cached is None:
        # Managers work in the Wagtail admin, so they are staff; checking that first spares
        # the groups query for every learner and teacher.
        cached = user.is_staff and user.groups.filter(name=MANAGERS_GROUP).exists()
        user._kopa_is_manager = cached
    return cached


def teaches(user, run: CourseRun) -> bool:
    if not user.is_authenticated:
        return False
    return run.teachers.filter(pk=user.pk).exists()


def can_manage_run(user, run: CourseRun) -> bool:
    """See the participants, enrol people, withdraw them: the group's teachers, managers."""
    return is_manager(user) or teaches(user, run)


def can_view_run(user, run: CourseRun) -> bool:
    """The group's page: listed groups, and groups with a key (the key, not the link, is
    what lets someone in), for anyone; other unlisted groups for those in them."""
    if run.is_public or run.enrolment_key:
        return True
    if not user.is_authenticated:
        return False
    return (can_manage_run(user, run)
            or run.enrollments.filter(user=user).exists())


def can_withdraw(user, enrollment: Enrollment) -> bool:
    if not user.is_authenticated:
        return False
    return enrollment.user_id == user.pk or can_manage_run(user, enrollment.run)


def visible_runs(user) -> QuerySet[CourseRun]:
    runs = CourseRun.objects.all()
    if is_manager(user):
        return runs
    if not user.is_authenticated:
        return runs.filter(is_public=True)
    return runs.filter(Q(is_public=True) | Q(teachers=user) | Q(enrollments__user=user)).distinct()


def managed_runs(user) -> QuerySet[CourseRun]:
    if is_manager(user):
        return CourseRun.objects.all()
    if not user.is_authenticated:
        return CourseRun.objects.none()
    return CourseRun.objects.filter(teachers=user)
