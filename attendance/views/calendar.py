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
from courses.models import CourseRun


def feed_url(request: HttpRequest, feed: CalendarFeed) -> str:
    return request.build_absolute_uri(reverse("attendance:feed", args=[feed.token]))


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    run = None
    if request.GET.get("run"):
        run = get_object_or_404(CourseRun, pk=request.GET["run"]
                                if request.GET["run"].isdigit() else 0)
        if not can_follow_run(request.user, run.pk):
            raise Http404
    feed = services.feed_for(user=request.user, run=run)
    return render(request, "attendance/calendar.html", {
        "run": run, "url": feed_url(request, feed),
        "webcal": feed_url(request, feed).replace("https://", "webcal://")
                                         .replace("http://", "webcal://")})


@login_required
@require_POST
def calendar_reset(request: HttpRequest) -> HttpResponse:
    run = None
    run_id = request.POST.get("run", "")
    if run_id:
        run = get_object_or_404(CourseRun, pk=run_id if run_id.isdigit() else 0)
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
