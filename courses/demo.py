"""The demo catalogue and its two courses (Latvian originals and English translations);
modules and lessons are added by lessons/demo."""

from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, InstructionLanguage

LANGUAGES = [("lv", "Latviešu"), ("en", "English"), ("ru", "Русский"), ("uk", "Українська")]

COURSES = [
    {
        "slug": "integracijas-kurss",
        "title": ("Integrācijas kurss", "Integration course"),
        "summary": ("28 akadēmiskās stundas par Latvijas valsti, vēsturi, kultūru, ikdienas "
                    "dzīvi, darbu un pilsonību.",
                    "28 academic hours about the Latvian state, history, culture, everyday "
                    "life, work and citizenship."),
        "description": (
            "<p>Kurss jaunajiem Latvijas iedzīvotājiem: kā darbojas valsts, kādas ir jūsu "
            "tiesības un pienākumi, kur saņemt palīdzību un kā iekļauties sabiedrībā. Kursu "
            "pasniedz latviešu, krievu, ukraiņu un angļu valodā, klātienē un tiešsaistē.</p>"
            "<p>Lai saņemtu apliecību, jāapmeklē vismaz 80 % nodarbību un jāizpilda "
            "nodarbības tiešsaistē.</p>",
            "<p>A course for new residents of Latvia: how the state works, your rights and "
            "duties, where to get help and how to take part in society. It is taught in "
            "Latvian, Russian, Ukrainian and English, in class and online.</p>"
            "<p>To receive the certificate, attend at least 80% of the classes and complete "
            "the online lessons.</p>"),
        "topic": ("Pilsoniskā integrācija", "Civic integration"),
        "fields": {"kind": "integration", "academic_hours": 28, "delivery_format": "hybrid",
                   "completion_min_attendance": 80, "certificate_offered": True},
        "languages": ["lv", "ru", "uk", "en"],
    },
    {
        "slug": "latviesu-valoda-a1",
        "title": ("Latviešu valoda A1", "Latvian A1"),
        "summary": ("Latviešu valoda iesācējiem: sasveicināšanās, skaitļi, iepirkšanās un "
                    "virzieni.",
                    "Latvian for beginners: greetings, numbers, shopping and directions."),
        "description": (
            "<p>Pirmais solis latviešu valodā. Mācīsieties sasveicināties, iepazīstināt ar "
            "sevi, saprast skaitļus un laiku, iepirkties un pajautāt ceļu. Katrā nodarbībā ir "
            "vārdu krājums ar tulkojumu angļu, krievu un ukraiņu valodā.</p>",
            "<p>Your first step in Latvian. You will learn to greet people, introduce "
            "yourself, understand numbers and time, go shopping and ask the way. Every lesson "
            "has vocabulary with translations into English, Russian and Ukrainian.</p>"),
        "topic": ("", ""),
        "fields": {"kind": "language", "cefr_level": "A1", "academic_hours": 60,
                   "delivery_format": "in_class", "completion_min_attendance": 80,
                   "certificate_offered": True},
        "languages": ["lv", "ru", "uk"],
    },
]


def translate(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation into `locale`, created (as Wagtail's "translate" action does)
    when missing, with its translated fields set and published."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    changed = [name for name, value in fields.items() if getattr(translation, name) != value]
    for name in changed:
        setattr(translation, name, fields[name])
    if changed or not translation.live:
        translation.save_revision().publish()
    return translation


def add_course(index: CourseIndexPage, spec: dict) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if course is None:
        course = CoursePage(slug=spec["slug"], title=spec["title"][0],
                            summary=spec["summary"][0], description=spec["description"][0],
                            topic=spec["topic"][0], **spec["fields"])
        index.add_child(instance=course)
        course.instruction_languages.set(
            InstructionLanguage.objects.filter(code__in=spec["languages"]))
        course.save_revision().publish()
    return course


def load(context: dict) -> None:
    for code, name in LANGUAGES:
        InstructionLanguage.objects.get_or_create(code=code, defaults={"name": name})
    home = context["home"]
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title="Kursi", slug="courses", locale=home.locale,
                                intro="<p>Latviešu valodas un integrācijas kursi.</p>")
        home.add_child(instance=index)
        index.save_revision().publish()
    context["course_index"] = index

    english = Locale.objects.get(language_code="en")
    translate(home.specific, english, title="Kopā",
              intro="Latvian language and integration courses in class and online — in "
                    "Rīga, Liepāja, Jelgava, Daugavpils, Cēsis and Rēzekne.")
    translate(index, english, title="Courses",
              intro="<p>Latvian language and integration courses.</p>")
    courses = {}
    for spec in COURSES:
        course = add_course(index, spec)
        english_course = translate(course, english, title=spec["title"][1],
                                   summary=spec["summary"][1],
                                   description=spec["description"][1],
                                   topic=spec["topic"][1])
        if not english_course.instruction_languages.exists():
            english_course.instruction_languages.set(course.instruction_languages.all())
            english_course.save_revision().publish()
        courses[spec["slug"]] = course
    context["courses"] = courses
    context.setdefault("summary", []).append(
        "Courses: /courses/integracijas-kurss/ and /courses/latviesu-valoda-a1/ "
        "(English: /en/courses/…)")
