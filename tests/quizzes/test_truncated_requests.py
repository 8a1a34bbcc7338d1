"""A body cut off mid-upload (a phone losing its connection) is refused before any form
reads it, and what was saved before stays saved: at every cut point of a quiz page's form,
of a JSON answer and of a multipart upload."""

import io
import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, enrollment):
    client.force_login(enrollment.user)
    return client


def cut(client, method: str, url: str, body: bytes, content_type: str, keep: int):
    """Announce the whole body, send only its first `keep` bytes (as a dropped connection)."""
    return client.generic(method, url, b"", **{
        "CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body[:keep])})


def test_a_cut_quiz_form_is_refused_at_every_cut_point_and_saved_answers_stay(api, quiz):
    start = api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    first = {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, 0),
             "q3-present": "1", "q3": "true", "go": "next"}
    assert api.post(start.url, first).status_code == 302
    saved = {a.position: a.response for a in attempt.answers.all()}
    other = {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, 1),
             "q3-present": "1", "q3": "false", "go": "next"}
    body = urlencode(other).encode()
    for keep in range(len(body)):
        refused = cut(api, "POST", start.url, body, "application/x-www-form-urlencoded", keep)
        assert refused.status_code == 400, keep
        assert {a.position: a.response for a in attempt.answers.all()} == saved, keep


def test_a_cut_json_answer_is_refused_with_json_in_the_learners_language(api, quiz):
    view = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    url = f"/api/v1/attempts/{view['id']}/answers/3"
    assert api.put(url, json.dumps({"response": {"value": True}}),
                   content_type="application/json").status_code == 200
    body = json.dumps({"response": {"value": False}}).encode()
    refused = cut(api, "PUT", url, body, "application/json", len(body) - 3)
    assert refused.status_code == 400
    assert refused.json()["code"] == "incomplete_request"
    assert "Nekas netika saglabāts" in refused.json()["message"]
    attempt = Attempt.objects.get(pk=Attempt.objects.get(quiz=quiz).pk)
    assert attempt.answers.get(position=3).response == {"value": True}


def test_a_cut_multipart_upload_is_refused(api, quiz):
    boundary = "kopa-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n" + "x," * 4000
            + f"\r\n--{boundary}--\r\n").encode()
    refused = cut(api, "POST", "/api/v1/organisations/1/imports", body,
                  f"multipart/form-data; boundary={boundary}", len(body) // 2)
    assert refused.status_code == 400 and refused.json()["code"] == "incomplete_request"


def test_a_whole_body_still_goes_through(api, quiz):
    view = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    url = f"/api/v1/attempts/{view['id']}/answers/3"
    body = json.dumps({"response": {"value": True}}).encode()
    assert cut(api, "PUT", url, body, "application/json", len(body)).status_code == 200


def test_a_form_cut_and_passed_on_as_whole_never_erases_a_saved_answer(api, quiz):
    """A proxy that cuts a body and fixes its length hides the cut from the middleware; the
    form's own markers (after each question's inputs, as the page sends them) keep every
    saved answer either as it was or as the learner chose, never erased or a fragment."""
    start = api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    page = api.get(start.url).content.decode()
    assert page.index('name="q1"') < page.index('name="q1-present"')
    first = {"page": "1", "q1": pick(attempt, 1, 0), "q1-present": "1", "q3": "true",
             "q3-present": "1", "go": "stay"}
    api.post(start.url, first)
    saved = {a.position: a.response for a in attempt.answers.all()}
    assert set(saved) >= {1, 3}
    chosen = {"page": "1", "q1": pick(attempt, 1, 1), "q1-present": "1", "q3": "false",
              "q3-present": "1", "go": "stay"}
    body = urlencode(chosen).encode()
    api.post(start.url, chosen)
    wanted = {a.position: a.response for a in attempt.answers.all()}
    for keep in range(len(body)):
        for position in (1, 3):
            attempt.answers.filter(position=position).update(response=saved[position])
        api.generic("POST", start.url, body[:keep],
                    content_type="application/x-www-form-urlencoded")
        now = {a.position: a.response for a in attempt.answers.all()}
        for position in (1, 3):
            assert now[position] in (saved[position], wanted[position]), (keep, position)
