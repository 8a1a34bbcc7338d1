from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessons")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.signals import page_published

        from accounts.registry import (
            register_dashboard_panel,
            register_personal_data,
            register_role_setup,
        )
        from courses.models import CourseEditor, CourseRun
        from courses.registry import CompletionCriterion, register_completion_criterion
        from courses.selectors.outline import register_outline_source
        from lessons import selectors, services, signals, views

        register_completion_criterion(CompletionCriterion(
            key="lessons", evaluate=selectors.evaluate_lessons,
            evaluate_many=selectors.evaluate_lessons_many))
        register_outline_source("lessons", selectors.outline_progress)
        # Managers author everywhere (teachers get their courses as they are assigned); a
        # teacher's change goes live through the course's editors' review.
        register_role_setup("lessons", lambda groups: services.grant_manager_permissions(
            group=groups["Managers"]))
        register_role_setup("lessons-review", lambda groups: services.ensure_review_workflow())
        register_personal_data("lessons", export=services.export_progress,
                               erase=services.erase_progress)
        register_dashboard_panel("my-courses", template="lessons/dashboard_courses.html",
                                 context=views.dashboard_courses, order=10)
        m2m_changed.connect(signals.on_run_teachers_changed, sender=CourseRun.teachers.through,
                            dispatch_uid="lessons.course_editors")
        page_published.connect(signals.on_page_published, dispatch_uid="lessons.course_pub")
        for signal in (post_save, post_delete):
            signal.connect(signals.on_course_editor_changed, sender=CourseEditor,
                           dispatch_uid=f"lessons.course_editor_{signal is post_save}")
