"""Rebuilds every course's editor group from the teachers of its runs (e.g. after an
import that bypassed signals)."""

from django.core.management.base import BaseCommand

from courses.models import CoursePage
from lessons import services


class Command(BaseCommand):
    help = "Give teachers Wagtail page permissions on the courses they teach."

    def handle(self, *args, **options) -> None:
        originals = CoursePage.objects.filter(locale__language_code="lv")
        ids = list(originals.values_list("pk", flat=True))
        services.sync_editors_of_courses(course_ids=ids)
        self.stdout.write(f"{len(ids)} courses synchronised")
