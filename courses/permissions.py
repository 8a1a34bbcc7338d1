"""Who may see or change which groups and enrolments: the one place every app decides it.
A learner: their own enrolments; a teacher: the groups they teach (teach, mark, grade, enrol,
print cards, issue certificates); a manager: everything. Attendance, quizzes and
certificates ask here instead of keeping their own copy of "who teaches this group".
Coordinators are decided in `organisations.permissions` (a later app)."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from courses.models import SEAT_STATES, CoursePage, CourseRun, Enrollment

MANAGERS_GROUP = "Managers"

RunRef = CourseRun | int


def _run_id(run: RunRef) -> int:
    return run if isinstance(run, int) else run.pk


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


def is_manager(user) -> bool:
    """The one answer for every app (the result is cached on the user object)."""
    if not _signed_in(user):
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


def teaches(user, run: RunRef) -> bool:
    """One of the group's teachers (a group or its id: callers often hold only the id)."""
    if not _signed_in(user):
        return False
    return CourseRun.teachers.through.objects.filter(courserun_id=_run_id(run),
                                                     user_id=user.pk).exists()


def taught_runs(user) -> QuerySet[CourseRun]:
    """The groups this person teaches (none for managers as such: see `managed_runs`)."""
    if not _signed_in(user):
        return CourseRun.objects.none()
    return CourseRun.objects.filter(teachers=user)


def teachers_of_course(course: CoursePage) -> QuerySet[User]:
    """Everyone teaching a group of the course, in any of its translations (they may draft
    its pages in the admin and submit them for review)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        teaching_runs__course__translation_key=course.translation_key).distinct()


def edits_course(user, course) -> bool:
    """May change the course's course-wide settings and publish it (in any translation):
    managers, and the people a manager named its editors. Teaching a group of the course
    is not enough: a pass mark holds for every group (issue 10)."""
    if course is None or not _signed_in(user):
        return False
    if is_manager(user):
        return True
    from courses.models import CourseEditor

    return CourseEditor.objects.filter(
        user_id=user.pk, course__translation_key=course.translation_key).exists()


def editors_of_course(course: CoursePage) -> QuerySet[User]:
    """The people named editors of the course, in any of its translations."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        edited_courses__course__translation_key=course.translation_key).distinct()


def teaches_any(user) -> bool:
    return taught_runs(user).exists()


def can_manage_run(user, run: RunRef) -> bool:
    """See the participants, enrol and withdraw people, mark attendance, grade, print
    login cards, issue certificates: the group's teachers and managers."""
    return is_manager(user) or teaches(user, run)


def managed_runs(user) -> QuerySet[CourseRun]:
    if is_manager(user):
        return CourseRun.objects.all()
    return taught_runs(user)


def holds_seat(user, run: RunRef) -> bool:
    """Studies in the group now or has completed it (not waiting, not withdrawn)."""
    if not _signed_in(user):
        return False
    return Enrollment.objects.filter(run_id=_run_id(run), user_id=user.pk,
                                     state__in=SEAT_STATES).exists()


def can_view_run(user, run: CourseRun) -> bool:
    """The group's page: listed groups, and groups with a key (the key, not the link, is
    what lets someone in), for anyone; other unlisted groups for those in them."""
    if run.is_public or run.enrolment_key:
        return True
    if not _signed_in(user):
        return False
    return (can_manage_run(user, run)
            or run.enrollments.filter(user=user).exists())


def can_withdraw(user, enrollment: Enrollment) -> bool:
    if not _signed_in(user):
        return False
    return enrollment.user_id == user.pk or can_manage_run(user, enrollment.run)


def visible_runs(user) -> QuerySet[CourseRun]:
    runs = CourseRun.objects.all()
    if is_manager(user):
        return runs
    if not _signed_in(user):
        return runs.filter(is_public=True)
    return runs.filter(Q(is_public=True) | Q(teachers=user) | Q(enrollments__user=user)).distinct()


# --- grading -------------------------------------------------------------------------------

def gradable(user, records: QuerySet, *, run_field: str = "run",
             person_field: str = "user") -> QuerySet:
    """The records (quiz attempts, or anything else made by a person in a group) this user
    may see and grade: a manager all; a teacher those made in a group they teach, and only
    while the person holds a seat there. Enrolling someone in one's own group gives no
    right over what they did in another group, and withdrawing them ends it.

    `records` has a foreign key to the group (`run_field`, may be null: such records are
    for managers only) and to the person (`person_field`)."""
    if is_manager(user):
        return records
    if not _signed_in(user):
        return records.none()
    seat = Enrollment.objects.filter(run_id=OuterRef(f"{run_field}_id"),
                                     user_id=OuterRef(f"{person_field}_id"),
                                     state__in=SEAT_STATES)
    return records.filter(Exists(seat), **{f"{run_field}__teachers": user})


def grant_role_permissions(groups: dict) -> None:
    """Managers run groups, enrolments and who edits which course in the admin."""
    from django.contrib.auth.models import Permission

    groups["Managers"].permissions.add(*Permission.objects.filter(
        content_type__app_label="courses",
        content_type__model__in=["courserun", "enrollment", "courseeditor"]))
