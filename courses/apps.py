from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from accounts.registry import register_role_setup
        from courses.permissions import grant_role_permissions

        register_role_setup("courses", grant_role_permissions)
