"""The admin: managers edit sessions (a generated schedule is fixed one session at a time)
and courses' attendance rules. Marks are not edited here: marking goes through the roster
and the API so that every change lands in the history. Sessions are saved through the
schedule services, so an admin edit recounts hours, warnings and completion as a teacher's
edit does."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from attendance import services
from attendance.models import AttendancePolicy, ClassSession
from cms.errors import KopaError


class RefusalAsFormError:
    """A service's refusal shows on the form (on its field where it names one), and
    nothing is saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except KopaError as error:
            field = error.extra.get("field")
            form.add_error(field if field in form.fields else None, error.message)
            self.produced_error_code = error.code
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class SessionCreateView(RefusalAsFormError, generic.CreateView):
    def save_instance(self):
        data = {name: self.form.cleaned_data[name] for name in self.form.cleaned_data}
        session = services.add_session(by=self.request.user, **data)
        log(instance=session, action="wagtail.create", user=self.request.user)
        return session


class SessionCopyView(CopyViewMixin, SessionCreateView):
    pass


class SessionEditView(RefusalAsFormError, generic.EditView):
    def save_instance(self):
        # The form has already put its values on self.object; the service compares with
        # the saved row (the group it is moving from, whether it has marks).
        changes = {name: self.form.cleaned_data[name] for name in self.form.changed_data}
        session = services.update_session(
            session=ClassSession.objects.select_for_update().get(pk=self.object.pk),
            by=self.request.user, **changes)
        log(instance=session, action="wagtail.edit", user=self.request.user)
        return session


class SessionDeleteView(generic.DeleteView):
    def delete_action(self):
        # Only a session without marks can go (they PROTECT it); planned hours still change.
        run_id = self.object.run_id
        super().delete_action()
        services.queue_recount(run_id=run_id)


class ClassSessionViewSet(ModelViewSet):
    model = ClassSession
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    copy_view_class = SessionCopyView
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
