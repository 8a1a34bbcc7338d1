"""The report's filters, from the query string (they hold no personal data)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, CourseRun
from courses.models.choices import Region
from organisations.models import Organisation
from reports.selectors import ReportFilter, language_name


class ReportFilterForm(forms.Form):
    starts = forms.DateField(label=_("From"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}),
                             help_text=_("Groups still running on or after this day"))
    ends = forms.DateField(label=_("To"), required=False,
                           widget=forms.DateInput(attrs={"type": "date"}),
                           help_text=_("Groups that started on or before this day"))
    course = forms.ModelChoiceField(label=_("Course"), required=False,
                                    queryset=CoursePage.objects.none(),
                                    empty_label=_("All courses"))
    region = forms.ChoiceField(label=_("Region"), required=False,
                               choices=[("", _("All regions")), *Region.choices])
    language = forms.ChoiceField(label=_("Language of instruction"), required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), required=False,
                                          queryset=Organisation.objects.none())

    def __init__(self, *args, organisations: list[Organisation] | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limited_to = organisations
        # Courses that have groups: the originals the groups belong to.
        self.fields["course"].queryset = CoursePage.objects.filter(
            runs__isnull=False).distinct().order_by("title")
        languages = sorted(set(CourseRun.objects.values_list("language", flat=True)))
        self.fields["language"].choices = [("", _("All languages")),
                                           *[(code, language_name(code)) for code in languages]]
        field = self.fields["organisation"]
        if organisations is None:
            field.queryset = Organisation.objects.order_by("name")
            field.empty_label = _("All organisations")
        else:
            field.queryset = Organisation.objects.filter(
                pk__in=[o.pk for o in organisations]).order_by("name")
            field.empty_label = _("All my organisations")

    def clean(self) -> dict:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("The end of the period is before its start."))
        return cleaned

    def report_filter(self) -> ReportFilter:
        """Only after is_valid(); a coordinator's report is always limited to theirs."""
        data = self.cleaned_data
        organisation = data.get("organisation")
        if organisation is not None:
            organisation_ids: tuple[int, ...] | None = (organisation.pk,)
        elif self.limited_to is not None:
            organisation_ids = tuple(o.pk for o in self.limited_to)
        else:
            organisation_ids = None
        return ReportFilter(starts=data.get("starts"), ends=data.get("ends"),
                            course_id=data["course"].pk if data.get("course") else None,
                            region=data.get("region") or "",
                            language=data.get("language") or "",
                            organisation_ids=organisation_ids)
