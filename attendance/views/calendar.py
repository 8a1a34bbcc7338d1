"""Calendar feeds: a page to copy or reset the secret address, and the feed itself, which
needs no sign-in (calendar apps cannot sign in) and so answers only to the secret."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attendance import ical, selectors, services
from attendance.models import CalendarFeed
from attendance.permissions import can_follow_run
from cms.params import parse_id
from courses.models import CourseRun


def feed_url(request: HttpRequest, feed: CalendarFeed) -> str:
    return request.build_absolute_uri(reverse("attendance:feed", args=[feed.token]))


def followed_run_or_404(request: HttpRequest, value: str | None) -> CourseRun | None:
    """The group named by `?run=` / the form's `run`: none when empty; a 404 for junk and
    for a group the person may not follow (someone else's group is not even confirmed)."""
    if not value:
        return None
    run_id = parse_id(value)
    if run_id is None or not can_follow_run(request.user, run_id):
        raise Http404
    return get_object_or_404(CourseRun, pk=run_id)


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    run = followed_run_or_404(request, request.GET.get("run"))
    feed = services.feed_for(user=request.user, run=run)
    return render(request, "attendance/calendar.html", {
        "run": run, "url": feed_url(request, feed),
        "webcal": feed_url(request, feed).replace("https://", "webcal://")
                                         .replace("http://", "webcal://")})


@login_required
@require_POST
def calendar_reset(request: HttpRequest) -> HttpResponse:
    run = followed_run_or_404(request, request.POST.get("run"))
    services.reset_feed(user=request.user, run=run)
    messages.success(request, _("The calendar address was changed; the old one no longer "
                                "works."))
    url = reverse("attendance:calendar")
    return HttpResponseRedirect(f"{url}?run={run.pk}" if run else url)


def feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = CalendarFeed.objects.filter(token=token).select_related("user", "run").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    if feed.run is not None:
        if not can_follow_run(feed.user, feed.run_id):
            raise Http404
        sessions = list(selectors.run_sessions(feed.run_id).select_related("run"))
        name = feed.run.title
    else:
        sessions = list(selectors.learner_sessions(feed.user))
        name = "Kopā"
    response = HttpResponse(ical.calendar(sessions, name=name),
                            content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
