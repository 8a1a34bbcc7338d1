from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = _("Attendance")

    def ready(self) -> None:
        from accounts.registry import (
            register_dashboard_panel,
            register_personal_data,
            register_role_setup,
        )
        from attendance.permissions import grant_role_permissions
        from attendance.selectors.completion import criterion
        from attendance.services.marks import RECOUNT_EFFECT, recount_run
        from attendance.services.personal_data import erase_attendance, export_attendance
        from attendance.services.warnings import WARNINGS_EFFECT, send_warning_notices
        from attendance.views.dashboard import dashboard_panel
        from cms.registry import register_effect
        from courses.registry import register_completion_criterion

        register_completion_criterion(criterion)
        register_role_setup("attendance", grant_role_permissions)
        register_effect(RECOUNT_EFFECT, recount_run)
        register_effect(WARNINGS_EFFECT, send_warning_notices)
        register_personal_data("attendance", export=export_attendance, erase=erase_attendance)
        register_dashboard_panel("attendance", template="attendance/dashboard_panel.html",
                                 context=dashboard_panel, order=30)
