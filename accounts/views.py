import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import services
from accounts.forms import LanguageForm, SignInForm
from accounts.registry import dashboard_panels


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switches the interface language, remembers it on the account (and in a cookie for
    visitors) and returns to the same page in the new language."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = "/"
    if not form.is_valid():
        return HttpResponseRedirect(next_url)
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.set_preferred_language(user=request.user, language=language)
    translated = translate_url(next_url, language)
    if translated == next_url:
        # Pages served by Wagtail are not named URLs: swap the language prefix ourselves.
        translated = swap_language_prefix(next_url, language)
    response = HttpResponseRedirect(translated)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language,
                        max_age=settings.LANGUAGE_COOKIE_AGE,
                        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False))
    return response


def swap_language_prefix(path: str, language: str) -> str:
    current = translation.get_language_from_path(path)
    rest = path[len(current) + 1:] if current else path
    if language == settings.LANGUAGE_CODE:
        return rest or "/"
    return f"/{language}{rest}"


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    panels = []
    for panel in dashboard_panels():
        context = panel.context(request)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return render(request, "accounts/dashboard.html", {"panels": panels})


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html", {
        "language_form": LanguageForm(initial={"language": request.user.preferred_language}),
    })


@login_required
def export_my_data(request: HttpRequest) -> HttpResponse:
    data = services.export_personal_data(user=request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2, default=str),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kopa-my-data.json"'
    return response


@login_required
def erase_my_account(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("confirm") != request.user.username:
            messages.error(request, _("Type your username exactly to confirm."))
            return render(request, "accounts/erase.html", status=400)
        services.erase_personal_data(user=request.user)
        logout(request)
        messages.success(request, _("Your account and personal data have been erased."))
        return HttpResponseRedirect("/")
    return render(request, "accounts/erase.html")
