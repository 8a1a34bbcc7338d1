from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from accounts.registry import (
            register_account_claim,
            register_dashboard_panel,
            register_personal_data,
            register_role_setup,
        )
        from courses.views.runs import dashboard_panel
        from organisations import personal_data
        from organisations.permissions import grant_role_permissions, participant_of_run
        from organisations.views import password_panel, work_panel

        # The learner's groups on /my/ (courses' views; registered here because the
        # enrolment work ships with this app and courses' AppConfig belongs to the catalogue).
        register_dashboard_panel("enrolments", template="courses/runs/dashboard_panel.html",
                                 context=dashboard_panel, order=20)
        register_dashboard_panel("choose_password",
                                 template="organisations/password_panel.html",
                                 context=password_panel, order=5)
        register_dashboard_panel("work", template="organisations/work_panel.html",
                                 context=work_panel, order=10)
        register_role_setup("organisations", grant_role_permissions)
        register_account_claim("organisations", participant_of_run)
        register_personal_data("enrolments", export=personal_data.export_enrollments,
                               erase=personal_data.erase_enrollments)
        register_personal_data("organisations", export=personal_data.export_memberships,
                               erase=personal_data.erase_memberships)
