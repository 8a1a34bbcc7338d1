"""The admin form of course pages: course-wide settings are the course editors' to change.

A teacher of one group may draft a lesson or a quiz of the course, but a pass mark, an
attempt limit or a completion rule holds for every group of the course, so those fields are
shown read-only to anyone who is not the course's editor (a disabled field also ignores
whatever a crafted request posts for it)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

LOCKED_HELP = _("Only the course's editors may change this: it holds for every group.")


class CourseSettingsForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs) -> None:
        from courses.permissions import edits_course  # models import this module

        user = kwargs.get("for_user")
        super().__init__(*args, **kwargs)
        names = [name for name in getattr(self._meta.model, "course_settings_fields", ())
                 if name in self.fields]
        if not names or user is None or edits_course(user, self._course()):
            return
        for name in names:
            field = self.fields[name]
            field.disabled = True
            field.help_text = f"{field.help_text} {LOCKED_HELP}".strip()

    def _course(self):
        from courses.models import CoursePage
        from courses.selectors.outline import course_of

        page = self.instance if self.instance.pk else self.parent_page
        if page is None:
            return None
        if isinstance(page.specific_deferred, CoursePage):
            return page
        return course_of(page)
