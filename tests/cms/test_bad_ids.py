"""Ids nobody could have: superscript digits, and numbers too large for
the database, are "not found" (or ignored as a filter), never a server error."""

import pytest

from cms.params import parse_id

pytestmark = pytest.mark.django_db

HUGE = "9" * 25


@pytest.mark.parametrize("value,expected", [("12", 12), (" 7 ", 7), ("²", None),
                                            ("١٢", 12), ("0", None), ("-3", None),
                                            (HUGE, None), ("", None), (None, None)])
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_api_answers_404_for_ids_too_large(client, learner):
    client.force_login(learner)
    for response in (client.get(f"/api/v1/courses/{HUGE}"),
                     client.post(f"/api/v1/lessons/{HUGE}/complete")):
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("value", ["²", HUGE, "abc"])
def test_web_filters_ignore_ids_nobody_could_have(client, value):
    assert client.get(f"/groups/?course={value}").status_code == 200
    assert client.get(f"/api/v1/runs?course={value}").status_code in (200, 404, 422)
