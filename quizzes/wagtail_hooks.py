"""The question bank in the Wagtail admin: a menu group with categories, one listing per kind
of question, Moodle XML / GIFT import and export, and a link to grading and results."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from quizzes import models, permissions
from quizzes.views.admin import ExportView, ImportView


class CategoryViewSet(SnippetViewSet):
    model = models.QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "parent"]
    search_fields = ["name"]


def kind_viewset(model_class, icon: str = "help"):
    return type(f"{model_class.__name__}ViewSet", (SnippetViewSet,), {
        "model": model_class, "icon": icon, "list_display": ["name", "category", "updated_at"],
        "list_filter": ["category", "language"], "search_fields": ["name"],
    })


class QuestionBankGroup(SnippetViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    menu_order = 250
    items = (CategoryViewSet, *(kind_viewset(model) for model in models.KINDS.values()))


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_urls")
def register_bank_urls():
    urls = [path("import/", ImportView.as_view(), name="import"),
            path("export/", ExportView.as_view(), name="export")]
    return [path("question-bank/", include((urls, "quizzes_admin")))]


class BankMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage_bank(request.user)


class TeachingMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_manager(request.user) or \
            permissions.taught_runs(request.user).exists()


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return BankMenuItem(_("Import questions"), reverse("quizzes_admin:import"),
                        icon_name="upload", order=251)


@hooks.register("register_admin_menu_item")
def export_menu_item():
    return BankMenuItem(_("Export questions"), reverse("quizzes_admin:export"),
                        icon_name="download", order=252)


@hooks.register("register_admin_menu_item")
def teaching_menu_item():
    return TeachingMenuItem(_("Grading and results"), reverse("quizzes:teaching"),
                            icon_name="tasks", order=253)
