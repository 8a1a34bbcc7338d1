"""The lesson's "mark as done" form (works without JavaScript) and the learner's courses
on /my/."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.errors import KopaError, NotFound
from lessons import selectors, services
from lessons.permissions import lesson_for_study


@require_POST
def complete_lesson(request: HttpRequest, lesson_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.POST.get("next") or "/")
    try:
        lesson = lesson_for_study(user=request.user, lesson_id=lesson_id)
    except NotFound as exc:
        raise Http404 from exc
    try:
        _progress, created = services.mark_lesson_done(user=request.user, lesson=lesson)
    except KopaError as exc:
        messages.error(request, str(exc.message))
        created = False
    else:
        if created:
            messages.success(request, _("Well done! The lesson is marked as done."))
    target = request.POST.get("next") or lesson.get_url(request) or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = lesson.get_url(request) or "/"
    return HttpResponseRedirect(target)


def dashboard_courses(request: HttpRequest) -> dict | None:
    courses = selectors.my_courses(user=request.user)
    if not courses:
        return None
    return {"courses": courses}
