from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from accounts.registry import register_role_setup
        from cms.registry import register_effect
        from courses.permissions import grant_role_permissions
        from courses.services.completion import COMPLETION_EFFECT, check_completion
        from courses.services.enrolment import NOTICES_EFFECT
        from courses.services.notices import send_enrolment_notices

        register_role_setup("courses", grant_role_permissions)
        register_effect(COMPLETION_EFFECT, check_completion)
        register_effect(NOTICES_EFFECT, send_enrolment_notices)
