from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import set_language
from cms.api import api
from cms.views import api_not_found, health, serve_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("i18n/setlang/", set_language, name="set_language"),
    path("health/", health, name="health"),
]

if settings.DEBUG:
    # In production the web server (or object storage) serves MEDIA_URL and must follow
    # the same rules as serve_media (nosniff; anything but media types as a download).
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media)]

# Every page people read carries its language in the URL (`/en/…`); Latvian, the default,
# has none. Each app's urls.py comes before Wagtail's catch-all page serving.
urlpatterns += i18n_patterns(
    path("", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("lessons.urls")),
    path("", include("quizzes.urls")),
    path("", include("organisations.urls")),
    path("", include("attendance.urls")),
    path("", include("certificates.urls")),
    path("", include("reports.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
