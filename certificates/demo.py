"""Demo: a default certificate template, and an earlier, finished group of the integration
course in Rīga in which the demo learner earned a certificate and another participant is one
lesson short of completing.

Everything is earned through the services a real group goes through: the teacher schedules
the sessions and marks them, the learners mark lessons done and pass the required quiz, the
completion service marks the enrolment completed, and the certificate is issued by the
function the completion listener's task runs.

Why a group of its own: the demo's current groups are half way through their schedule
(attendance/demo.py), and the course asks for 80 % of all planned hours, so nobody can have
earned a certificate there yet; marks for sessions still to come are refused, as they should
be. Idempotent: a second run finds the group, the people, their marks, lessons and attempts,
and the certificate, and adds nothing."""

import datetime
import math

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from accounts.services import create_user
from attendance.demo import seat_before
from attendance.models import AttendanceMark, ClassSession
from attendance.services.marks import MarkInput, set_marks
from attendance.services.schedule import generate_schedule, pattern_starts
from attendance.services.warnings import refresh_warnings
from certificates import services
from certificates.models import Certificate, CertificateTemplate
from courses import services as course_services
from courses.models import CoursePage, CourseRun, Enrollment
from courses.registry import CriterionResult
from courses.selectors.catalogue import visible_q
from courses.selectors.completion import completion_status
from lessons.models import LessonPage
from lessons.services import mark_lesson_done
from quizzes.models import Attempt, QuizPage
from quizzes.models.ids import id_of
from quizzes.services import save_answers, start_attempt, submit_attempt

COURSE_SLUG = "integracijas-kurss"
RUN_TITLE = "Integrācijas kurss, Rīga, latviešu valodā (iepriekšējā grupa)"
RUN_ADDRESS = "Brīvības iela 85, Rīga"
# Two evening sessions a week of four academic hours (180 minutes), as the current groups.
SESSION_MINUTES = 180
SESSION_HOURS = 4
WEEKDAYS = [0, 2]
STARTED_WEEKS_AGO = 9

NEAR_COMPLETION_USERNAME = "demo-oksana"
# One status per session, in order; present and late count as hours. The learner misses
# one session (excused) and the other participant one (absent): 24 of 28 hours each,
# above the course's 80 % (22.4 hours).
LEARNER_MARKS = ["present", "present", "late", "present", "excused", "present", "present"]
NEAR_MARKS = ["present", "late", "present", "present", "present", "absent", "present"]


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


def integration_course() -> CoursePage | None:
    """The Latvian original (its translations share the slug)."""
    courses = list(CoursePage.objects.filter(slug=COURSE_SLUG).select_related("locale"))
    return next((c for c in courses if c.locale.language_code == "lv"),
                courses[0] if courses else None)


def finished_run(course: CoursePage, teacher: User) -> CourseRun:
    """The earlier group, its dates fixed when it is first made, so that later runs of the
    demo (on other days) find the same schedule."""
    run = CourseRun.objects.filter(course=course, title=RUN_TITLE).first()
    if run is None:
        starts_on = timezone.localdate() - datetime.timedelta(weeks=STARTED_WEEKS_AGO)
        starts = pattern_starts(first_day=starts_on, weekdays=WEEKDAYS,
                                start_time=datetime.time(18, 0), count=session_count(course))
        run = CourseRun.objects.create(
            course=course, title=RUN_TITLE, starts_on=starts[0].date(),
            ends_on=starts[-1].date(), city="Rīga", region="riga", address=RUN_ADDRESS,
            language="lv", capacity=20, waitlist_enabled=True)
    run.teachers.add(teacher)
    return run


def session_count(course: CoursePage) -> int:
    return math.ceil((course.academic_hours or 28) / SESSION_HOURS)


def schedule(run: CourseRun, teacher: User) -> list[ClassSession]:
    # The same pattern from the group's own first day: a second run adds nothing.
    generate_schedule(run=run, by=teacher, first_day=run.starts_on, weekdays=WEEKDAYS,
                      start_time=datetime.time(18, 0), duration_minutes=SESSION_MINUTES,
                      count=session_count(run.course), topic=run.course.title)
    return list(ClassSession.objects.filter(run=run, is_cancelled=False).order_by("starts_at"))


def near_completion_person() -> User:
    person = User.objects.filter(username=NEAR_COMPLETION_USERNAME).first()
    if person is None:
        # A password, so a visitor can sign in as her and finish the course.
        person = create_user(username=NEAR_COMPLETION_USERNAME, first_name="Оксана",
                             last_name="Бондаренко", preferred_language="uk",
                             password=DEMO_PASSWORD)
    return person


def enrol(run: CourseRun, user: User, teacher: User) -> Enrollment:
    enrollment = Enrollment.objects.filter(run=run, user=user).first()
    if enrollment is None:
        enrollment = course_services.enroll(user=user, run=run, by=teacher,
                                            method=Enrollment.Method.TEACHER)
    return enrollment


def mark_attendance(sessions: list[ClassSession], teacher: User,
                    plan: dict[int, list[str]]) -> None:
    """The teacher's marks for every held session, through the marking service. A mark that
    is already there (from an earlier run, or changed since by a demo visitor) is kept."""
    now = timezone.now()
    marked = set(AttendanceMark.objects.filter(session__in=sessions)
                 .values_list("session_id", "enrollment_id"))
    for number, session in enumerate(sessions):
        if session.starts_at > now:
            continue
        marks = [MarkInput(enrollment_id=enrollment_id, status=statuses[number % len(statuses)],
                           note="ārsta apmeklējums" if statuses[number % len(statuses)]
                           == "excused" else None)
                 for enrollment_id, statuses in plan.items()
                 if (session.pk, enrollment_id) not in marked]
        if marks:
            set_marks(session_id=session.pk, marks=marks, by=teacher, now=now,
                      only_unmarked=True, queue_follow_ups=False)


def required_lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course)
                .filter(visible_q(), required_for_completion=True).order_by("path"))


def required_quizzes(course: CoursePage) -> list[QuizPage]:
    return list(QuizPage.objects.filter(visible_q()).descendant_of(course)
                .filter(required_for_completion=True).order_by("path"))


def good_response(spec: dict) -> dict | None:
    """What a learner who studied the lessons answers: the best answer of each kind."""
    kind = spec["kind"]
    # Entries are named by the ids this attempt dealt them (quizzes.models.ids).
    if kind == "single_choice":
        best = max(range(len(spec["choices"])), key=lambda i: spec["choices"][i]["fraction"])
        return {"choice": id_of(spec, best)}
    if kind == "multiple_choice":
        return {"choices": [id_of(spec, i) for i, c in enumerate(spec["choices"])
                            if c["fraction"] > 0]}
    if kind == "true_false":
        return {"value": spec["correct"]}
    if kind == "short_answer":
        return {"text": max(spec["answers"], key=lambda a: a["fraction"])["text"]}
    if kind == "numerical":
        return {"text": str(max(spec["answers"], key=lambda a: a["fraction"])["value"])}
    if kind == "gap_fill":
        return {"gaps": {str(i): max(gap["answers"], key=lambda a: a["fraction"])["text"]
                         .partition(":")[0] for i, gap in enumerate(spec["gaps"])}}
    if kind == "matching":
        return {"pairs": {id_of(spec, i): pair["answer"] for i, pair in enumerate(spec["pairs"])
                          if pair["item"]}}
    if kind == "ordering":
        return {"order": [id_of(spec, i) for i in range(len(spec["items"]))]}
    return None  # an essay waits for a teacher; the demo does not write one


def pass_quiz(quiz: QuizPage, user: User) -> None:
    """One attempt, answered and submitted through the attempt services, unless the learner
    has passed this quiz (in any of its translations) already."""
    if Attempt.objects.filter(user=user, quiz__translation_key=quiz.translation_key,
                              state=Attempt.State.FINISHED, passed=True).exists():
        return
    attempt = start_attempt(quiz=quiz, user=user)
    responses = {answer.position: good_response(answer.spec)
                 for answer in attempt.answers.all()}
    save_answers(attempt=attempt,
                 responses={k: v for k, v in responses.items() if v is not None})
    submit_attempt(attempt_id=attempt.pk)


def study(course: CoursePage, user: User, *, skip_last_lesson: bool = False) -> None:
    lessons = required_lessons(course)
    if skip_last_lesson:
        lessons = lessons[:-1]
    for lesson in lessons:
        mark_lesson_done(user=user, lesson=lesson)
    for quiz in required_quizzes(course):
        pass_quiz(quiz, user)


def issue_when_completed(enrollment: Enrollment) -> Certificate | None:
    """The completion service decides; the certificate comes from the function the
    completion listener's task runs, in-process so the demo loads without a worker (the
    listener's own task, queued on commit, then finds it issued and does nothing)."""
    if not course_services.check_completion(enrollment_id=enrollment.pk):
        return None
    return services.issue_certificate(enrollment_id=enrollment.pk)


def left_to_do(enrollment: Enrollment) -> list[CriterionResult]:
    enrollment = Enrollment.objects.select_related("run__course").get(pk=enrollment.pk)
    return [result for result in completion_status(enrollment) if not result.met]


def hours(value) -> str:
    return f"{value.normalize():f}" if value is not None else "?"


def describe(results: list[CriterionResult]) -> str:
    return "; ".join(f"{result.label}: {result.detail}" if result.detail else str(result.label)
                     for result in results)


def load(context: dict) -> None:
    default_template()
    let_managers_edit_templates()
    summary = context.setdefault("summary", [])
    users = context.get("users", {})
    learner, teacher = users.get("learner"), users.get("teacher")
    course = integration_course()
    if course is None or learner is None or teacher is None:
        summary.append("Certificates: the integration course, the demo learner or the "
                       "teacher is not there yet, so no certificate was issued.")
        return
    run = finished_run(course, teacher)
    sessions = schedule(run, teacher)
    person = near_completion_person()
    mine, near = enrol(run, learner, teacher), enrol(run, person, teacher)
    if sessions:
        seat_before(run, sessions[0].starts_at)
    mark_attendance(sessions, teacher, {mine.pk: LEARNER_MARKS, near.pk: NEAR_MARKS})
    refresh_warnings(run_id=run.pk)
    study(course, learner)
    study(course, person, skip_last_lesson=True)

    certificate = issue_when_completed(mine)
    if certificate is None:
        summary.append(f"Certificates: {learner.username} has not completed “{run.title}” "
                       f"(left: {describe(left_to_do(mine))}), so no certificate was issued.")
    else:
        summary.append(
            f"Certificates: {learner.username} earned certificate {certificate.display_code} "
            f"({certificate.get_state_display()}, {hours(certificate.hours_attended)} of "
            f"{hours(certificate.hours_total)} hours) in “{run.title}”; check it at "
            f"/verify/{certificate.display_code}/")
    issue_when_completed(near)  # nothing happens while a rule is unmet
    left = left_to_do(near)
    lessons = required_lessons(course)
    hint = (f"; sign in as {person.username} / {DEMO_PASSWORD} and mark “{lessons[-1].title}” "
            "done to see the certificate issued") if lessons and len(left) == 1 else ""
    summary.append(f"Certificates: {person.username} is close to completing “{run.title}” "
                   f"(left: {describe(left) or 'nothing'}){hint}")
