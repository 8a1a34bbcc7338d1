"""Building blocks for tests and the demo: a course tree under the catalogue, runs and
enrolments. Pages are added with Wagtail's tree API, so they are real pages."""

import datetime

import factory
from django.utils import timezone

from accounts.factories import UserFactory
from courses.models import CourseIndexPage, CoursePage, CourseRun, Enrollment, ModulePage


def course_index(home) -> CourseIndexPage:
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title="Kursi", slug="courses", locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def add_course(index: CourseIndexPage, *, title: str = "Integrācijas kurss",
               slug: str | None = None, publish: bool = True, **fields) -> CoursePage:
    fields.setdefault("academic_hours", 28)
    course = CoursePage(title=title, slug=slug or factory.Faker._get_faker().slug(), **fields)
    index.add_child(instance=course)
    if publish:
        course.save_revision().publish()
    return course


def add_module(course: CoursePage, *, title: str = "Latvijas valsts", slug: str | None = None,
               publish: bool = True, **fields) -> ModulePage:
    module = ModulePage(title=title, slug=slug or factory.Faker._get_faker().slug(), **fields)
    course.add_child(instance=module)
    if publish:
        module.save_revision().publish()
    return module


class CourseRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseRun
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Grupa {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    ends_on = factory.LazyAttribute(lambda run: run.starts_on + datetime.timedelta(days=30))
    city = "Rīga"
    region = "riga"
    language = "lv"
    capacity = 25

    @factory.post_generation
    def teachers(self, create, extracted, **kwargs):
        if create and extracted:
            self.teachers.add(*extracted)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    user = factory.SubFactory(UserFactory)
    run = factory.SubFactory(CourseRunFactory)
    state = Enrollment.State.ACTIVE
    # Seated well before any session a test makes (hours are offered from the seat's day);
    # a late joiner is made by passing `activated_at`.
    activated_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=365))
