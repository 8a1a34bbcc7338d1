from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        from accounts.registry import (
            register_dashboard_panel,
            register_personal_data,
            register_role_setup,
        )
        from cms.registry import register_effect
        from courses.registry import CompletionCriterion, register_completion_criterion
        from courses.selectors.outline import register_outline_source
        from quizzes import selectors, services
        from quizzes.permissions import grant_role_permissions
        from quizzes.services.attempts import DEADLINE_EFFECT
        from quizzes.views.dashboard import panel_context

        register_completion_criterion(CompletionCriterion(
            key="quizzes", evaluate=selectors.evaluate_quizzes_passed,
            evaluate_many=selectors.evaluate_quizzes_passed_many))
        register_outline_source("quizzes", selectors.outline_progress)
        register_role_setup("quizzes", grant_role_permissions)
        register_effect(DEADLINE_EFFECT, services.submit_when_due)
        register_personal_data("quizzes", export=selectors.export_attempts,
                               erase=services.erase_attempts)
        register_dashboard_panel("quizzes", template="quizzes/dashboard_panel.html",
                                 context=panel_context, order=40)
