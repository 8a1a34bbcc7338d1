from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Username or e-mail"), max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none",
                                      "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("The username, e-mail or password is wrong. "
                           "Passwords are case-sensitive."),
        "inactive": _("This account is inactive."),
    }


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class AdminUserFieldsMixin(forms.ModelForm):
    """Wagtail's user forms, for people who may have no e-mail and no password yet (a
    teacher creates them and hands out a username and a one-time code)."""

    email = forms.EmailField(required=False, label=_("E-mail"),
                             help_text=_("Optional. Many participants have none."))
    preferred_language = forms.ChoiceField(label=_("Preferred language"),
                                           choices=settings.LANGUAGES, initial="lv")

    def clean_email(self) -> str | None:
        email = (self.cleaned_data.get("email") or "").strip()
        if not email:
            return None
        from accounts.models import User

        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another account already uses this e-mail address."))
        return email


class KopaUserCreationForm(AdminUserFieldsMixin, UserCreationForm):
    password_required = False

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"display_name", "preferred_language", "phone"}


class KopaUserEditForm(AdminUserFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"display_name", "preferred_language", "phone"}
