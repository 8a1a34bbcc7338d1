"""Attempts remember the group they were taken in, so only that group's teachers grade them.
Existing attempts get the learner's group of the quiz's course (any translation of it): the
one they held a seat in when the attempt started, else the latest they joined before it,
else any. Attempts of people in no group of the course (a teacher's own try) stay empty.

Self-contained on purpose: a migration must not change when the app's code does (so the
seat states are spelled here, as the enrolments' table stores them)."""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models

SEAT_STATES = ("active", "completed")
STEP = 4  # Wagtail's tree: each level adds four characters to the page's path


def backfill(apps, schema_editor):
    Attempt = apps.get_model("quizzes", "Attempt")
    Page = apps.get_model("wagtailcore", "Page")
    CoursePage = apps.get_model("courses", "CoursePage")
    CourseRun = apps.get_model("courses", "CourseRun")
    Enrollment = apps.get_model("courses", "Enrollment")
    attempts = list(Attempt.objects.filter(run__isnull=True))
    if not attempts:
        return
    course_ids = set(CoursePage.objects.values_list("pk", flat=True))
    course_key_by_path = dict(Page.objects.filter(pk__in=course_ids)
                              .values_list("path", "translation_key"))
    course_key_by_id = dict(Page.objects.filter(pk__in=course_ids)
                            .values_list("pk", "translation_key"))
    runs_by_key = defaultdict(set)
    for run_id, course_id in CourseRun.objects.values_list("pk", "course_id"):
        runs_by_key[course_key_by_id.get(course_id)].add(run_id)
    quiz_paths = dict(Page.objects.filter(pk__in={a.quiz_id for a in attempts})
                      .values_list("pk", "path"))
    enrollments = defaultdict(list)
    for row in Enrollment.objects.filter(user_id__in={a.user_id for a in attempts}).values(
            "user_id", "run_id", "state", "created_at"):
        enrollments[row["user_id"]].append(row)
    for attempt in attempts:
        path = quiz_paths.get(attempt.quiz_id, "")
        key = next((course_key_by_path[path[:end]] for end in range(STEP, len(path), STEP)
                    if path[:end] in course_key_by_path), None)
        runs = runs_by_key.get(key, set()) if key else set()
        candidates = [row for row in enrollments[attempt.user_id] if row["run_id"] in runs]
        if not candidates:
            continue
        best = max(candidates, key=lambda row: (
            row["state"] in SEAT_STATES, row["created_at"] <= attempt.started_at,
            row["created_at"]))
        attempt.run_id = best["run_id"]
    Attempt.objects.bulk_update([a for a in attempts if a.run_id], ["run"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0002_enrolment_states_waitlist_notices'),
        ('quizzes', '0004_opaque_ids_for_open_attempts'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='attempt',
            name='run',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='quiz_attempts', to='courses.courserun', verbose_name='group'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
