"""Names with invisible control or direction-override characters (U+202E turns text around)
are refused wherever a name is written: the admin's user forms, the services that create
accounts, the participant import. Names already stored are shown isolated in <bdi>."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.forms import KopaUserCreationForm
from accounts.models import User
from accounts.services import create_user
from accounts.validators import refuse_control_characters
from cms.errors import KopaError

pytestmark = pytest.mark.django_db

RLO = "\u202e"
LATVIAN_MESSAGE = "Izņemiet no šī teksta neredzamās vadības vai teksta virziena rakstzīmes"


@pytest.mark.parametrize("name", [f"Anna{RLO}anižreB", "Anna\u202aB", "Anna\u202dB",
                                  "Anna\u2066B\u2069", "Anna\u2067B", "Anna\u2068B",
                                  "Anna\x00", "Anna\tBērziņa", "Anna\nBērziņa", "Anna\x1b[31m",
                                  "Anna\x7f", "Anna\x85", "Anna\x9b"])
def test_control_and_bidi_override_characters_are_refused(name):
    with pytest.raises(ValidationError) as refused:
        refuse_control_characters(name)
    assert refused.value.code == "control_characters"


@pytest.mark.parametrize("name", ["Anna Bērziņa", "Олена Коваленко", "مریم احمدی",
                                  "נועה כהן", "Ģirts Šņoriņš-O'Brien", "محمد\u200c رضا",
                                  "Anna \u200fمریم", ""])
def test_letters_of_any_script_are_allowed(name):
    refuse_control_characters(name)


def user_form(**names):
    return KopaUserCreationForm(data={
        "username": "anna2026", "email": "", "first_name": "Anna", "last_name": "Bērziņa",
        "preferred_language": "lv", "password1": "", "password2": "", "is_active": "on",
        **names})


@pytest.mark.parametrize("field", ["first_name", "last_name", "display_name"])
def test_the_admin_user_form_refuses_an_override_with_a_translated_message(field):
    with translation.override("lv"):
        form = user_form(**{field: f"Anna{RLO}anižreB"})
        assert not form.is_valid()
        assert LATVIAN_MESSAGE in " ".join(form.errors[field])
    assert user_form().is_valid(), user_form().errors


def test_creating_an_account_refuses_an_override():
    with translation.override("ru"), pytest.raises(KopaError) as refused:
        create_user(first_name=f"Anna{RLO}", last_name="Bērziņa")
    assert refused.value.code == "control_characters"
    assert "управляющие символы" in str(refused.value.message)
    assert not User.objects.exists()


def test_a_teacher_adding_someone_sees_the_message(client, run, teacher):
    client.force_login(teacher)
    with translation.override("lv"):
        response = client.post(f"/teach/groups/{run.pk}/", {
            "first_name": f"Оксана{RLO}", "last_name": "Шевченко", "language": "uk"},
            follow=True)
    assert LATVIAN_MESSAGE in response.content.decode()
    assert not run.enrollments.exists()


def test_an_imported_row_with_an_override_is_invalid(make_user, run):
    from organisations import services
    from organisations.factories import OrganisationFactory
    from tests.organisations.conftest import xlsx_bytes

    coordinator = make_user(username="olena")
    organisation = OrganisationFactory(coordinators=[coordinator], runs=[run])
    rows = [("Anna", "Bērziņa", "", "", "lv", "", "", "", ""),
            (f"Jānis{RLO}", "Kalns", "", "", "lv", "", "", "", ""),
            ("Ilze", "Ozola\u2066", "", "", "lv", "", "", "", "")]
    with translation.override("lv"):
        result = services.preview_import(organisation=organisation, run=run,
                                         filename="people.xlsx", content=xlsx_bytes(rows),
                                         by=coordinator)
    errors = {row["line"]: row["errors"] for row in result.rows}
    assert errors[2] == []
    for line in (3, 4):
        assert [e["code"] for e in errors[line]] == ["control_characters"]
        assert LATVIAN_MESSAGE in errors[line][0]["message"]


def test_a_stored_legacy_name_is_shown_isolated_in_bdi(client, enrollment, teacher):
    User.objects.filter(pk=enrollment.user_id).update(first_name=f"Anna{RLO}",
                                                      last_name="Bērziņa", display_name="")
    client.force_login(teacher)
    page = client.get(f"/teach/groups/{enrollment.run_id}/").content.decode()
    assert f"<bdi>Anna{RLO} Bērziņa</bdi>" in page
    assert f"Anna{RLO} Bērziņa" not in page.replace(f"<bdi>Anna{RLO} Bērziņa</bdi>", "")
