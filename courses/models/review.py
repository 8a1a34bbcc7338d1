"""The review step of the default workflow: a change to a course's pages goes live only
when one of that course's editors (or a manager) approves it. Wagtail's own group approval
task knows only fixed groups; whose course a page belongs to is ours to decide, through
`courses.permissions.edits_course` (the one rule)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState


def _course_of(obj):
    from courses.models.pages import CoursePage
    from courses.selectors.outline import course_of

    if not isinstance(obj, Page):
        return None
    if isinstance(obj.specific_deferred, CoursePage):
        return obj
    return course_of(obj)


class CourseReviewTask(Task):
    """Approved by the course's editors; pages outside any course by managers."""

    def may_approve(self, obj, user) -> bool:
        from courses.permissions import edits_course, is_manager

        if is_manager(user):
            return True
        return edits_course(user, _course_of(obj))

    def user_can_access_editor(self, obj, user) -> bool:
        return self.may_approve(obj, user)

    def locked_for_user(self, obj, user) -> bool:
        # A page waiting for review is not edited under the reviewer's eyes.
        return not self.may_approve(obj, user)

    def user_can_lock(self, obj, user) -> bool:
        return self.may_approve(obj, user)

    def get_actions(self, obj, user) -> list:
        if not self.may_approve(obj, user):
            return []
        return [("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True)]

    def get_task_states_user_can_moderate(self, user, **kwargs) -> QuerySet:
        from courses.models.editors import CourseEditor
        from courses.models.pages import CoursePage
        from courses.permissions import is_manager

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if is_manager(user):
            return states
        if not user.is_authenticated:
            return TaskState.objects.none()
        keys = CourseEditor.objects.filter(user_id=user.pk).values("course__translation_key")
        paths = CoursePage.objects.filter(translation_key__in=keys).values_list("path",
                                                                               flat=True)
        pages = Page.objects.none()
        for path in paths:
            pages = pages | Page.objects.filter(path__startswith=path)
        ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=ids)

    @classmethod
    def get_description(cls) -> str:
        return _("The course's editors (or a manager) approve the change")

    class Meta:
        verbose_name = _("course review")
        verbose_name_plural = _("course reviews")
