"""A quiz page open in two tabs (or on two phones) cannot silently overwrite a newer answer:
each question carries the version of the saved answer it was drawn with. A different answer
to a question changed since is refused with a message, the other answers are saved, and the
page shows what is saved now (issue 11, acceptance 3)."""

import json

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db


@pytest.fixture
def tabs(client, enrollment, quiz):
    client.force_login(enrollment.user)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    return client, attempt, reverse("quizzes:attempt", args=[attempt.pk])


def form(attempt, *, q1: int, q3: str, seen: dict | None = None) -> dict:
    data = {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, q1),
            "q3-present": "1", "q3": q3, "go": "stay"}
    for position, version in (seen or {}).items():
        data[f"q{position}-seen"] = str(version)
    return data


def saved(attempt) -> dict:
    return {a.position: (a.response, a.version) for a in attempt.answers.filter(
        position__in=[1, 3])}


def test_the_page_carries_the_version_of_each_answer_it_shows(tabs):
    client, attempt, url = tabs
    page = client.get(url).content.decode()
    assert 'name="q1-seen" value="0"' in page and 'name="q3-seen" value="0"' in page
    client.post(url, form(attempt, q1=0, q3="true", seen={1: 0, 3: 0}))
    page = client.get(url).content.decode()
    assert 'name="q1-seen" value="1"' in page and 'name="q3-seen" value="1"' in page


def test_an_older_tab_does_not_overwrite_what_a_newer_one_saved(tabs):
    client, attempt, url = tabs
    # Both tabs drew the page at version 0; the second saves its answer to question 1 first.
    client.post(url, {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, 1),
                      "q1-seen": "0", "go": "stay"})
    newer = saved(attempt)
    answer = client.post(url, form(attempt, q1=0, q3="true", seen={1: 0, 3: 0}) | {
        "q3": "false"}, follow=True)
    text = answer.content.decode()
    assert "1. jautājums pēc šīs lapas atvēršanas tika mainīts citā logā" in text
    assert saved(attempt)[1] == newer[1]  # the newer answer stays
    assert saved(attempt)[3] == ({"value": False}, 1)  # the other answer is saved
    # The page shows what is saved now, at its new version: saving from it works.
    assert 'name="q1-seen" value="1"' in text
    client.post(url, form(attempt, q1=0, q3="false", seen={1: 1, 3: 1}))
    assert saved(attempt)[1] == ({"choice": pick(attempt, 1, 0)}, 2)


def test_the_same_answer_sent_from_two_tabs_is_no_conflict(tabs):
    client, attempt, url = tabs
    client.post(url, form(attempt, q1=0, q3="true", seen={1: 0, 3: 0}))
    again = client.post(url, form(attempt, q1=0, q3="true", seen={1: 0, 3: 0}), follow=True)
    assert "another window" not in again.content.decode()
    assert "citā logā" not in again.content.decode()
    assert saved(attempt)[1][1] == 1  # unchanged: no new version


def test_autosave_carries_the_new_versions_and_refuses_a_stale_one_as_json(tabs):
    client, attempt, url = tabs
    first = client.post(url, form(attempt, q1=0, q3="true", seen={1: 0, 3: 0}),
                        HTTP_X_AUTOSAVE="1").json()
    assert first == {"saved": [1, 3], "versions": {"1": 1, "3": 1}}
    # The same tab goes on with the versions it was given: no conflict.
    second = client.post(url, form(attempt, q1=1, q3="true", seen={1: 1, 3: 1}),
                         HTTP_X_AUTOSAVE="1")
    assert second.status_code == 200 and second.json()["versions"] == {"1": 2, "3": 1}
    # An older tab autosaving a different answer to question 1.
    stale = client.post(url, form(attempt, q1=0, q3="true", seen={1: 1, 3: 1}),
                        HTTP_X_AUTOSAVE="1")
    assert stale.status_code == 409 and stale.json()["code"] == "stale_answer"
    assert saved(attempt)[1] == ({"choice": pick(attempt, 1, 1)}, 2)


def test_a_page_without_versions_saves_as_before(tabs):
    """A page drawn before versions existed (or a client that does not send them)."""
    client, attempt, url = tabs
    client.post(url, form(attempt, q1=1, q3="true"))
    client.post(url, form(attempt, q1=0, q3="true"))
    assert saved(attempt)[1] == ({"choice": pick(attempt, 1, 0)}, 2)


def test_the_api_refuses_a_stale_version_with_json_and_says_the_new_one(tabs):
    client, attempt, _url = tabs
    url = f"/api/v1/attempts/{attempt.pk}/answers/3"
    put = lambda body: client.put(url, json.dumps(body), content_type="application/json")  # noqa: E731
    fresh = put({"response": {"value": True}, "version": 0})
    assert fresh.status_code == 200 and fresh.json() == {"saved": 3, "version": 1}
    stale = put({"response": {"value": False}, "version": 0})
    assert stale.status_code == 409 and stale.json()["code"] == "stale_answer"
    assert saved(attempt)[3] == ({"value": True}, 1)
    view = client.get(f"/api/v1/attempts/{attempt.pk}").json()
    assert {q["position"]: q["version"] for q in view["questions"]}[3] == 1
