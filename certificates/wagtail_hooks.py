from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certificates import permissions
from certificates.models import CertificateTemplate
from certificates.views import admin as views


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    list_display = ["name", "layout", "second_language", "is_default"]


register_snippet(CertificateTemplateViewSet)

admin_urls = [
    path("", views.index, name="index"),
    path("run/<int:run_id>/", views.run_detail, name="run"),
    path("run/<int:run_id>/issue/", views.issue_run, name="issue_run"),
    path("run/<int:run_id>/reissue/", views.reissue_run, name="reissue_run"),
    path("run/<int:run_id>/revoke/", views.revoke_run, name="revoke_run"),
    path("batch/<int:batch_id>/", views.batch_status, name="batch"),
    path("enrollment/<int:enrollment_id>/issue/", views.issue_one, name="issue_one"),
    path("enrollment/<int:enrollment_id>/sign-off/", views.sign_off, name="sign_off"),
    path("certificate/<int:pk>/", views.certificate_detail, name="certificate"),
    path("certificate/<int:pk>/reissue/", views.reissue_one, name="reissue_one"),
    path("certificate/<int:pk>/revoke/", views.revoke_one, name="revoke_one"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("certificates/", include((admin_urls, "certificates_admin")))]


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return permissions.can_manage_certificates(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CertificatesMenuItem(_("Certificates"), reverse("certificates_admin:index"),
                                icon_name="doc-full-inverse", order=450)
