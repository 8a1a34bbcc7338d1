"""Demo groups of the two demo courses, an organisation with the demo coordinator and a
dozen participants (some without e-mail; names in Latin with diacritics, Cyrillic and
Arabic script), enrolled. Runs after the courses, lessons and quizzes demos; idempotent."""

import datetime
import sys

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from accounts.services import create_user, ensure_role_groups
from courses import services as course_services
from courses.models import CoursePage, CourseRun, Enrollment
from organisations.models import Organisation, OrganisationRun, Participant

RUNS = [
    # course slug, title, start in days, city, region, language, capacity, key
    ("integracijas-kurss", "Integrācijas kurss, Rīga, latviešu valodā", -7, "Rīga", "riga",
     "lv", 25, ""),
    ("integracijas-kurss", "Интеграционный курс, Рига, на русском языке", 14, "Rīga", "riga",
     "ru", 25, ""),
    ("integracijas-kurss", "Інтеграційний курс, Лієпая, українською мовою", 21, "Liepāja",
     "kurzeme", "uk", 20, "LIEPAJA-2026"),
    ("latviesu-valoda-a1", "Latviešu valoda A1, Rīga, vakara grupa", 30, "Rīga", "riga", "lv",
     16, ""),
]
ADDRESSES = {"Rīga": "Brīvības iela 85, Rīga", "Liepāja": "Graudu iela 27, Liepāja"}

PARTICIPANTS = [
    # username, first, last, e-mail, language, citizenship, region, gender, birth year, group
    ("demo-anna", "Anna", "Bērziņa", "anna.berzina@example.lv", "lv", "LV", "riga",
     "female", 1988, 0),
    ("demo-girts", "Ģirts", "Šņoriņš", None, "lv", "LV", "riga", "male", 1979, 0),
    ("demo-olena", "Олена", "Коваленко", "olena.k@example.com", "uk", "UA", "kurzeme",
     "female", 1985, 2),
    ("demo-bohdan", "Богдан", "Мельник", None, "uk", "UA", "kurzeme", "male", 1992, 2),
    ("demo-iryna", "Ірина", "Шевчук", None, "uk", "UA", "kurzeme", "female", 1990, 2),
    ("demo-dmitrij", "Дмитрий", "Соколов", "d.sokolov@example.com", "ru", "BY", "riga",
     "male", 1983, 1),
    ("demo-natalja", "Наталья", "Иванова", None, "ru", "KZ", "riga", "female", 1975, 1),
    ("demo-maryam", "مریم", "احمدی", None, "en", "AF", "riga", "female", 2001, 0),
    ("demo-ahmad", "أحمد", "الخطيب", "ahmad.k@example.com", "en", "SY", "riga", "male", 1995,
     0),
    ("demo-farid", "فرید", "رحیمی", None, "en", "AF", "riga", "male", 1998, 1),
    ("demo-aigul", "Aigül", "Nurlanqyzy", None, "ru", "KZ", "riga", "female", 1993, 1),
    ("demo-jose", "José", "Muñoz", "jose.munoz@example.com", "en", "VE", "riga", "male", 1987,
     0),
]


def ensure_runs(context: dict) -> list[CourseRun | None]:
    teacher = context.get("users", {}).get("teacher")
    today = timezone.localdate()
    runs: list[CourseRun | None] = []
    for slug, title, start, city, region, language, capacity, key in RUNS:
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            context.get("stdout", sys.stdout).write(f"demo: organisations: no course '{slug}', "
                                    f"its group “{title}” is not created")
            runs.append(None)
            continue
        starts_on = today + datetime.timedelta(days=start)
        run, _created = CourseRun.objects.get_or_create(course=course, title=title, defaults={
            "starts_on": starts_on, "ends_on": starts_on + datetime.timedelta(days=56),
            "city": city, "region": region, "address": ADDRESSES[city], "language": language,
            "capacity": capacity, "enrolment_key": key, "waitlist_enabled": True})
        if teacher is not None:
            run.teachers.add(teacher)
        runs.append(run)
    return runs


def ensure_people(organisation: Organisation, coordinator) -> list[User]:
    people = []
    for (username, first, last, email, language, citizenship, region, gender, year,
         _group) in PARTICIPANTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = create_user(username=username, first_name=first, last_name=last,
                               email=email, preferred_language=language,
                               password=DEMO_PASSWORD if email else None)
        Participant.objects.get_or_create(organisation=organisation, user=user, defaults={
            "citizenship": citizenship, "region": region, "gender": gender,
            "birth_year": year, "added_by": coordinator})
        people.append(user)
    return people


def load(context: dict) -> None:
    ensure_role_groups()  # what each app grants managers, as after every migrate
    users = context.get("users", {})
    coordinator = users.get("coordinator")
    runs = ensure_runs(context)
    organisation, _created = Organisation.objects.get_or_create(
        slug="drosa-maja", defaults={"name": "Biedrība “Drošā māja”",
                                     "contact_email": "info@drosa-maja.example"})
    if coordinator is not None:
        organisation.coordinators.add(coordinator)
    for index, run in enumerate(runs[:3]):
        if run is not None:
            OrganisationRun.objects.get_or_create(organisation=organisation, run=run,
                                                  defaults={"is_organiser": index == 1})
    people = ensure_people(organisation, coordinator)
    for index, run in enumerate(runs[:3]):
        if run is None:
            continue
        group = [person for person, row in zip(people, PARTICIPANTS, strict=True)
                 if row[-1] == index]
        course_services.enroll_many(users=group, run=run, by=coordinator,
                                    method=Enrollment.Method.ORGANISATION)
    learner = users.get("learner")
    if learner is not None and runs[0] is not None and not Enrollment.objects.filter(
            user=learner, run=runs[0]).exists():
        course_services.enroll(user=learner, run=runs[0], by=users.get("teacher"),
                               method=Enrollment.Method.TEACHER)
    made = sum(run is not None for run in runs)
    context.setdefault("summary", []).append(
        f"Groups: {made} demo groups; organisation “{organisation.name}” with "
        f"{len(people)} participants (coordinator: coordinator), at /organisations/")
