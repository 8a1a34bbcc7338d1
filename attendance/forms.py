from django import forms
from django.utils.translation import gettext_lazy as _

from attendance.models import ClassSession, Status

WEEKDAYS = [(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
            (4, _("Friday")), (5, _("Saturday")), (6, _("Sunday"))]


class ScheduleForm(forms.Form):
    first_day = forms.DateField(label=_("from"), widget=forms.DateInput(attrs={"type": "date"}),
                                help_text=_("The first day the pattern may fall on"))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("weekdays"), choices=WEEKDAYS, coerce=int,
        widget=forms.CheckboxSelectMultiple)
    start_time = forms.TimeField(label=_("starts at"),
                                 widget=forms.TimeInput(attrs={"type": "time"}),
                                 help_text=_("e.g. 18:00"))
    duration_minutes = forms.IntegerField(
        label=_("length, minutes"), min_value=15, max_value=720, initial=180,
        help_text=_("One academic hour is 45 minutes; e.g. 180 for 4 academic hours"))
    count = forms.IntegerField(label=_("number of sessions"), min_value=1, max_value=200,
                               initial=7)
    topic = forms.CharField(label=_("topic"), required=False, max_length=200)


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(label=_("online meeting link"), required=False,
                                assume_scheme="https")
    # The saved state the form was drawn from (attendance.services.session_version).
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ClassSession
        fields = ["starts_at", "ends_at", "academic_hours", "hours_set_by_hand", "topic",
                  "place", "online_url", "is_cancelled", "late_after_minutes"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"},
                                             format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"},
                                           format="%Y-%m-%dT%H:%M"),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            raise forms.ValidationError(_("A session must end after it starts."))
        return data


class MarkForm(forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=Status.choices)
    note = forms.CharField(label=_("note"), required=False, max_length=255)
    # The version of the mark when the page was drawn: a stale row is refused, not applied.
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class CheckInForm(forms.Form):
    # No `pattern` of ASCII digits: the digits of Arabic and Persian keyboards (U+0660-9,
    # U+06F0-9) are the same code, and the service reads them.
    code = forms.CharField(label=_("code"), max_length=32,
                           help_text=_("The six digits your teacher is showing"),
                           widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                         "autocomplete": "one-time-code"}))
