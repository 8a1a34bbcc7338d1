from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from accounts import services
from cms.errors import KopaError

router = Router(tags=["accounts"])


class MeOut(Schema):
    id: int
    username: str
    name: str
    email: str | None
    preferred_language: str


class MePatch(Schema):
    preferred_language: str


def me_out(user) -> MeOut:
    return MeOut(id=user.pk, username=user.username, name=user.name, email=user.email,
                 preferred_language=user.preferred_language)


@router.get("/me", response=MeOut, summary="The signed-in person")
def get_me(request: HttpRequest) -> MeOut:
    return me_out(request.auth)


@router.patch("/me", response=MeOut, summary="Change the interface language")
def patch_me(request: HttpRequest, payload: MePatch) -> MeOut:
    if payload.preferred_language not in dict(settings.LANGUAGES):
        raise KopaError(_("Unknown language."), code="unknown_language", status=422)
    return me_out(services.set_preferred_language(user=request.auth,
                                                  language=payload.preferred_language))
