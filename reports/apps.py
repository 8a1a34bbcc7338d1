from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from accounts.registry import register_dashboard_panel
        from reports.views import dashboard_panel

        register_dashboard_panel("reports", template="reports/dashboard_panel.html",
                                 context=dashboard_panel, order=12)
