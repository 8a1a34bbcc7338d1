"""Demo modules and lessons of the two demo courses, in Latvian with an English
translation, and the authoring permissions of the demo's Managers and Teachers."""

from django.contrib.auth.models import Group
from wagtail.models import Locale

from courses.demo import translate
from courses.models import CoursePage, ModulePage
from lessons import services
from lessons.demo import a1, integration
from lessons.demo.content import Module, pick, stream
from lessons.models import LessonPage

CONTENT = {"integracijas-kurss": integration.MODULES, "latviesu-valoda-a1": a1.MODULES}


def add_module(course: CoursePage, module: Module, english: Locale) -> None:
    page = ModulePage.objects.child_of(course).filter(slug=module.slug).first()
    if page is None:
        page = ModulePage(slug=module.slug, title=module.title[0], summary=module.summary[0])
        course.add_child(instance=page)
        page.save_revision().publish()
    translate(page, english, title=module.title[1], summary=module.summary[1])
    for lesson in module.lessons:
        lesson_page = LessonPage.objects.child_of(page).filter(slug=lesson.slug).first()
        if lesson_page is None:
            lesson_page = LessonPage(
                slug=lesson.slug, title=pick(lesson.title, "lv"),
                intro=pick(lesson.intro, "lv"), body=stream(lesson.body, "lv"),
                estimated_minutes=lesson.minutes, required_for_completion=lesson.required)
            page.add_child(instance=lesson_page)
            lesson_page.save_revision().publish()
        if lesson_page.get_translation_or_none(english) is None:
            translate(lesson_page, english, title=pick(lesson.title, "en"),
                      intro=pick(lesson.intro, "en"), body=stream(lesson.body, "en"))


def load(context: dict) -> None:
    english = Locale.objects.get(language_code="en")
    for slug, modules in CONTENT.items():
        course = context["courses"][slug]
        for module in modules:
            add_module(course, module, english)
    managers = Group.objects.filter(name="Managers").first()
    if managers is not None:
        services.grant_manager_permissions(group=managers)
    services.sync_editors_of_courses(course_ids=[c.pk for c in context["courses"].values()])
    context.setdefault("summary", []).append(
        "Lessons: 12 in the integration course, 8 in Latvian A1 (each also in English)")
