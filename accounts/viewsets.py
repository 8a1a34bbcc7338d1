from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.forms import KopaUserCreationForm, KopaUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return KopaUserEditForm if for_update else KopaUserCreationForm
