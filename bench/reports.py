"""The participation report over a large scratch data set (rolled back afterwards): 60
groups of 25 people with 12 sessions each and a mark for every seat, so 1,500 enrolments
and 18,000 marks. Prints the time and the number of queries."""

import datetime
import random
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from attendance.models import AttendanceMark, ClassSession
from courses.models import CoursePage, CourseRun, Enrollment
from organisations.models import Organisation, Participant
from reports.selectors import ReportFilter, participation_report

GROUPS, PEOPLE, SESSIONS = 60, 25, 12
COUNTRIES = ["UA", "SY", "AF", "RU", "BY", "KZ", "IR", "VE", "IN", "GE", "LV", ""]
REGIONS = ["riga", "kurzeme", "latgale", "vidzeme", "zemgale"]


class Rollback(Exception):
    pass


def build(course: CoursePage) -> None:
    rng = random.Random(7)
    now = timezone.now()
    organisation = Organisation.objects.create(name="Bench", slug="bench-reports")
    runs = CourseRun.objects.bulk_create([
        CourseRun(course=course, title=f"Bench {n}", starts_on=now.date(),
                  ends_on=now.date() + datetime.timedelta(days=60), region=REGIONS[n % 5],
                  city="Rīga", language=["lv", "ru", "uk", "en"][n % 4], capacity=PEOPLE)
        for n in range(GROUPS)])
    users = User.objects.bulk_create([User(username=f"bench-r-{n}", first_name="B",
                                           last_name=str(n))
                                      for n in range(GROUPS * PEOPLE)])
    Participant.objects.bulk_create([
        Participant(organisation=organisation, user=user, citizenship=rng.choice(COUNTRIES),
                    gender=rng.choice(["female", "male", ""]),
                    birth_year=rng.choice([None, *range(1950, 2008)]))
        for user in users])
    states = [rng.choice(["active"] * 8 + ["completed", "withdrawn"]) for _user in users]
    enrollments = Enrollment.objects.bulk_create([
        Enrollment(run=runs[n // PEOPLE], user=user, method="import", state=state,
                   # Seated before the first session, so every session is offered.
                   activated_at=now - datetime.timedelta(days=31),
                   completed_at=now if state == "completed" else None,
                   withdrawn_at=now if state == "withdrawn" else None)
        for n, (user, state) in enumerate(zip(users, states, strict=True))])
    sessions = ClassSession.objects.bulk_create([
        ClassSession(run=run, starts_at=now - datetime.timedelta(days=30 - s),
                     ends_at=now - datetime.timedelta(days=30 - s, minutes=-90),
                     academic_hours=2)
        for run in runs for s in range(SESSIONS)])
    by_run: dict[int, list[ClassSession]] = {}
    for held in sessions:
        by_run.setdefault(held.run_id, []).append(held)
    AttendanceMark.objects.bulk_create([
        AttendanceMark(session=held, enrollment=enrollment, marked_at=now,
                       status=rng.choice(["present"] * 6 + ["late", "excused", "absent"]))
        for enrollment in enrollments for held in by_run[enrollment.run_id]], batch_size=2000)


def bench_reports() -> None:
    course = CoursePage.objects.filter(runs__isnull=False).first()
    if course is None:
        raise SystemExit("no course with groups: run `make demo` first")
    try:
        with transaction.atomic():
            build(course)
            participation_report(ReportFilter())  # warm
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                report = participation_report(ReportFilter())
                elapsed = (time.perf_counter() - started) * 1000
            print(f"participation report: {report.totals.enrolments} enrolments, "
                  f"{GROUPS * PEOPLE * SESSIONS} marks, 7 breakdowns: {elapsed:.0f} ms, "
                  f"{len(queries)} SQL queries ({connection.vendor})")
            raise Rollback
    except Rollback:
        pass
