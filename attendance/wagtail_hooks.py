"""The admin: managers edit sessions (a generated schedule is fixed one session at a time)
and courses' attendance rules. Marks are not edited here: marking goes through the roster
and the API so that every change lands in the history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from attendance.models import AttendancePolicy, ClassSession


class ClassSessionViewSet(ModelViewSet):
    model = ClassSession
    name = "class_sessions"
    url_prefix = "attendance/sessions"
    icon = "date"
    menu_label = _("Class sessions")
    form_fields = ["run", "starts_at", "ends_at", "academic_hours", "hours_set_by_hand",
                   "topic", "place", "online_url", "teacher", "is_cancelled",
                   "late_after_minutes"]
    list_display = ["__str__", "academic_hours", "topic", "is_cancelled"]
    list_filter = ["run", "is_cancelled"]
    search_fields = ["topic", "run__title"]
    ordering = ["-starts_at"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "online_url":
            kwargs["assume_scheme"] = "https"  # meeting links are https
        return super().formfield_for_dbfield(db_field, **kwargs)


class AttendancePolicyViewSet(ModelViewSet):
    model = AttendancePolicy
    name = "attendance_rules"
    url_prefix = "attendance/rules"
    icon = "tasks"
    menu_label = _("Attendance rules")
    form_fields = ["course", "present_points", "late_points", "excused_points", "absent_points",
                   "present_counts_hours", "late_counts_hours", "excused_counts_hours",
                   "absent_counts_hours", "warn_below_percent"]
    list_display = ["course", "present_points", "late_points", "excused_points",
                    "absent_points", "warn_below_percent"]


class AttendanceGroup(ViewSetGroup):
    menu_label = _("Attendance")
    menu_icon = "date"
    menu_order = 320
    items = (ClassSessionViewSet, AttendancePolicyViewSet)


@hooks.register("register_admin_viewset")
def register_attendance_viewsets():
    return AttendanceGroup()
