"""Question bank import and export in the Wagtail admin (Moodle XML and GIFT)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.errors import KopaError
from cms.uploads import UploadRefused, check_upload
from quizzes import permissions
from quizzes.models import QuestionCategory
from quizzes.services.bank import (
    ImportFailed,
    export_questions,
    guess_format,
    import_file,
    questions_in,
)

FORMAT_CHOICES = [("xml", gettext_lazy("Moodle XML")), ("gift", gettext_lazy("GIFT"))]


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"),
                           help_text=gettext_lazy("A Moodle XML (.xml) or GIFT (.gift, .txt) "
                                                  "file exported from Moodle"))
    format = forms.ChoiceField(label=gettext_lazy("Format"), required=False,
                               choices=[("", gettext_lazy("From the file name")),
                                        *FORMAT_CHOICES])
    category = forms.ModelChoiceField(
        label=gettext_lazy("Import under"), queryset=QuestionCategory.objects.all(),
        required=False, help_text=gettext_lazy("The file's own categories go below this one"))
    language = forms.ChoiceField(label=gettext_lazy("Language of the questions"),
                                 required=False,
                                 choices=[("", "-"), *settings.WAGTAIL_CONTENT_LANGUAGES])


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=FORMAT_CHOICES)
    category = forms.ModelChoiceField(label=gettext_lazy("Category"), required=False,
                                      queryset=QuestionCategory.objects.all(),
                                      help_text=gettext_lazy("Empty for the whole bank"))


class BankMixin(WagtailAdminTemplateMixin):
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage_bank(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(BankMixin, FormView):
    template_name = "quizzes/admin/bank_form.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import questions")

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            check_upload(upload.name, upload, "question_import")
        except UploadRefused as exc:
            form.add_error("file", exc.message)
            return self.form_invalid(form)
        try:
            created = import_file(content=upload.read(),
                                  fmt=form.cleaned_data["format"] or guess_format(upload.name),
                                  into=form.cleaned_data["category"],
                                  language=form.cleaned_data["language"])
        except ImportFailed as exc:
            return self.render_to_response(self.get_context_data(
                form=form, problems=exc.problems, file_name=upload.name))
        except KopaError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        messages.success(self.request, _("%(count)s questions were imported.") % {
            "count": len(created)})
        return redirect("quizzes_admin:import")


class ExportView(BankMixin, FormView):
    template_name = "quizzes/admin/bank_form.html"
    form_class = ExportForm
    page_title = gettext_lazy("Export questions")

    def form_valid(self, form):
        fmt = form.cleaned_data["format"]
        text = export_questions(questions=questions_in(form.cleaned_data["category"]), fmt=fmt)
        response = HttpResponse(text, content_type="application/xml; charset=utf-8"
                                if fmt == "xml" else "text/plain; charset=utf-8")
        name = "questions.xml" if fmt == "xml" else "questions.gift.txt"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
