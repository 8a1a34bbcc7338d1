"""Admin for organisations, the groups open to them and their participants (managers)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from organisations.models import Organisation, OrganisationRun, Participant


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "slug", "contact_email"]
    search_fields = ["name", "slug"]
    inspect_view_enabled = True
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("contact_email"),
              FieldPanel("coordinators")]


class OrganisationRunViewSet(ModelViewSet):
    model = OrganisationRun
    icon = "link"
    menu_label = _("Groups open to organisations")
    list_display = ["organisation", "run", "is_organiser"]
    list_filter = ["organisation", "is_organiser"]
    form_fields = ["organisation", "run", "is_organiser"]
    copy_view_enabled = False


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = _("Participants")
    list_display = ["user", "organisation", "citizenship", "region", "created_at"]
    list_filter = ["organisation", "region", "gender"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    form_fields = ["organisation", "user", "citizenship", "region", "gender", "birth_year"]
    copy_view_enabled = False


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisations")
    menu_icon = "site"
    menu_order = 220
    items = (OrganisationViewSet("organisation_admin"), OrganisationRunViewSet("organisation_runs"),
             ParticipantViewSet("participants"))


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()
