"""Admin for groups and enrolments (managers). Changes go through the enrolment services so
the admin keeps the same rules as the site and the API: seats, waiting list, history. And
a warning on a course's or module's edit page when a required item lacks a translation."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from cms.errors import KopaError
from courses import services
from courses.models import CourseEditor, CoursePage, CourseRun, Enrollment, ModulePage
from courses.selectors.outline import untranslated_required


class RunEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        # More seats may have been added: give them to the waiting list at once.
        transaction.on_commit(lambda: services.fill_from_waitlist(run=instance,
                                                                  by=self.request.user))
        return instance


class CourseRunViewSet(ModelViewSet):
    model = CourseRun
    icon = "group"
    menu_label = _("Groups")
    edit_view_class = RunEditView
    list_display = ["title", "course", "starts_on", "city", "language", "capacity"]
    list_filter = ["region", "language", "delivery_format", "is_public"]
    search_fields = ["title", "city"]
    inspect_view_enabled = True
    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        MultiFieldPanel([
            FieldPanel("delivery_format"),
            FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
            FieldPanel("address"),
            FieldPanel("online_url"),
        ], heading=_("Place")),
        FieldPanel("language"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("waitlist_enabled")]),
            FieldRowPanel([FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]),
            FieldPanel("enrolment_key"),
            FieldPanel("is_public"),
        ], heading=_("Enrolment")),
        FieldPanel("teachers"),
    ]


class EnrollmentCreateView(generic.CreateView):
    def form_valid(self, form):
        self.form = form
        try:
            self.object = services.enroll(user=form.cleaned_data["user"],
                                          run=form.cleaned_data["run"], by=self.request.user,
                                          method=Enrollment.Method.MANAGER)
        except KopaError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        return self.save_action()


class EnrollmentEditView(generic.EditView):
    """Editing an enrolment means withdrawing it, with a reason; the rest is history."""

    def form_valid(self, form):
        self.form = form
        reason = form.cleaned_data.get("withdrawal_reason", "")
        try:
            if reason and self.object.state in (Enrollment.State.ACTIVE,
                                                Enrollment.State.WAITLISTED):
                self.object = services.withdraw(enrollment=self.object, by=self.request.user,
                                                reason=reason)
        except KopaError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        return self.save_action()


class EnrollmentViewSet(ModelViewSet):
    model = Enrollment
    icon = "user"
    menu_label = _("Enrolments")
    add_view_class = EnrollmentCreateView
    edit_view_class = EnrollmentEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["user", "run", "state", "method", "created_at"]
    list_filter = ["state", "method", "run"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "run__title"]

    def get_form_fields(self):
        return None

    def get_form_class(self, for_update=False):
        from django import forms

        fields = ["withdrawal_reason"] if for_update else ["user", "run"]
        return forms.modelform_factory(Enrollment, fields=fields)


class CourseEditorViewSet(ModelViewSet):
    """Managers name who edits a course: its course-wide settings and publishing, and
    reviewing what its teachers draft (teaching a group does not give it)."""

    model = CourseEditor
    icon = "edit"
    menu_label = _("Course editors")
    copy_view_enabled = False
    list_display = ["user", "course", "added_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    form_fields = ["course", "user"]


class EnrolmentViewSetGroup(ModelViewSetGroup):
    menu_label = _("Groups and enrolment")
    menu_icon = "group"
    menu_order = 210
    items = (CourseRunViewSet("course_runs"), EnrollmentViewSet("enrollments"),
             CourseEditorViewSet("course_editors"))


@hooks.register("register_admin_viewset")
def register_enrolment_viewsets():
    return EnrolmentViewSetGroup()


@hooks.register("before_edit_page")
def warn_about_untranslated_required_items(request, page):
    """Learners of a language see the original of an item nobody has translated, and still
    need it to complete the course: the editor of the course or module hears of it."""
    if request.method != "GET" or not isinstance(page, (CoursePage, ModulePage)):
        return None
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    for code, items in untranslated_required(page=page).items():
        messages.warning(request, gettext(
            "Required items without a translation — %(language)s: %(items)s. Learners in "
            "this language see them in the original and need them to complete the course.")
            % {"language": names.get(code, code),
               "items": ", ".join(item.title for item in items)})
    return None
