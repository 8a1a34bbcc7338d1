"""Reactions to events lessons does not own; each hands over to a service at once."""

from courses.models import CourseEditor, CoursePage, CourseRun
from lessons import services


def on_run_teachers_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # user.teaching_runs changed: pk_set holds runs (empty on clear)
        runs = CourseRun.objects.filter(pk__in=pk_set or [])
        course_ids = list(runs.values_list("course_id", flat=True))
        if action == "post_clear":
            course_ids = list(CoursePage.objects.filter(
                group_permissions__group__user=instance).values_list("pk", flat=True))
    else:
        course_ids = [instance.course_id]
    services.queue_editor_sync(course_ids=course_ids)


def on_course_editor_changed(sender, instance, **kwargs) -> None:
    services.queue_editor_sync(course_ids=[instance.course_id])


def on_page_published(sender, instance, **kwargs) -> None:
    """A newly published translation of a course gets its editors' permissions too."""
    if isinstance(instance.specific_deferred, CoursePage) and (
            CourseRun.objects.filter(course__translation_key=instance.translation_key).exists()
            or CourseEditor.objects.filter(
                course__translation_key=instance.translation_key).exists()):
        services.queue_editor_sync(course_ids=[instance.pk])
