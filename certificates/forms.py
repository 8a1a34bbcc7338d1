from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=255,
        help_text=_("Kept in the certificate's history; e.g. The surname was misspelt."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}))

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Please give a reason."))
        return reason
