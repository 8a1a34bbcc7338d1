"""The quiz API and the no-JavaScript pages: only the learner's own attempts, nothing of the
right answers before the review options allow it, clear errors."""

import json
import re

import pytest
from django.urls import reverse

from quizzes.factories import SingleChoiceFactory, add_quiz
from quizzes.models import Attempt
from quizzes.services import start_attempt
from tests.quizzes.test_attempts import pick, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, enrollment):
    client.force_login(enrollment.user)
    return client


def put(client, url, data):
    return client.put(url, json.dumps(data), content_type="application/json")


def secrets_of(attempt) -> list[str]:
    """Texts that would give away answers: feedback and the credit of choices."""
    found = []
    for answer in attempt.answers.all():
        spec = answer.spec
        for choice in spec.get("choices", []):
            if choice["feedback"]:
                found.append(choice["feedback"])
        for accepted in spec.get("answers", []):
            if isinstance(accepted.get("text"), str):
                found.append(accepted["text"])
    return found


def test_api_starts_resumes_saves_and_submits(api, quiz):
    started = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert started.status_code == 201
    attempt_id = started.json()["id"]
    assert api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").status_code == 200
    attempt = Attempt.objects.get(pk=attempt_id)
    for position, response in right_answers(attempt).items():
        saved = put(api, f"/api/v1/attempts/{attempt_id}/answers/{position}",
                    {"response": response})
        assert saved.status_code == 200, saved.json()
    view = api.get(f"/api/v1/attempts/{attempt_id}").json()
    assert view["questions"][1]["response"] == right_answers(attempt)[2]
    done = api.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert done.status_code == 200 and done.json()["state"] == "finished"
    again = api.post(f"/api/v1/attempts/{attempt_id}/submit")
    assert again.status_code == 200
    late = put(api, f"/api/v1/attempts/{attempt_id}/answers/1", {"response": {"choice": 1}})
    assert late.status_code == 409 and late.json()["code"] == "attempt_closed"


def test_api_refuses_bad_input_with_json(api, quiz, make_user):
    attempt_id = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()["id"]
    missing = put(api, f"/api/v1/attempts/{attempt_id}/answers/99", {"response": {}})
    assert missing.status_code == 404 and missing.json()["code"] == "no_such_slot"
    wrong = put(api, f"/api/v1/attempts/{attempt_id}/answers/1", {"response": "x"})
    assert wrong.status_code == 422
    assert api.post("/api/v1/quizzes/999999/attempts").status_code == 404
    other = make_user(username="other1")
    api.force_login(other)
    assert api.get(f"/api/v1/attempts/{attempt_id}").status_code == 404
    refused = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert refused.status_code == 403 and refused.json()["code"] == "not_enrolled"


TOKEN = re.compile(r"k[0-9a-f]{10}")


def shown_ids(view: dict) -> dict[int, list]:
    """The ids the API shows, per question, for what the learner picks from."""
    found = {}
    for item in view["questions"]:
        question = item["question"]
        entries = question.get("choices") or (question.get("items")
                                               if question["kind"] != "gap_fill" else None)
        if entries:
            found[item["position"]] = [entry["id"] for entry in entries]
    return found


def form_ids(html: str, position: int) -> list[str]:
    """The ids the HTML form uses for a question: radio and tick-box values, or the
    per-item field names of matching and ordering."""
    values = re.findall(rf'name="q{position}" value="([^"]*)"', html)
    names = re.findall(rf'name="q{position}-(?!present"|seen")([^"]+)"', html)
    return values + names


def test_right_answers_never_reach_the_learner_during_an_attempt(api, quiz):
    attempt_id = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()["id"]
    attempt = Attempt.objects.get(pk=attempt_id)
    json_text = api.get(f"/api/v1/attempts/{attempt_id}").content.decode()
    html = ""
    for page in (1, 2, 3):
        html += api.get(reverse("quizzes:attempt", args=[attempt_id]) + f"?page={page}"
                        ).content.decode()
    for body in (json_text, html):
        for secret in ("fraction", "feedback", "Pareizi!", "Tā ir Igaunijā.", "grāmata",
                       "Kurzeme\"", "correct", *secrets_of(attempt)):
            if secret in ("Kurzeme\"",):
                continue  # matching options are shown, only the pairing is secret
            assert secret not in body, secret
        assert "answers" not in re.sub(r"Answers saved", "", body)

    # The ids of choices and items say nothing: not the author's position (the right
    # choice is usually written first), not the right order of items.
    shown = shown_ids(json.loads(json_text))
    kinds = {a.position: a.kind for a in attempt.answers.all()}
    assert {kinds[p] for p in shown} == {"single_choice", "multiple_choice", "matching",
                                         "ordering"}
    for position, ids in shown.items():
        assert all(isinstance(i, str) and TOKEN.fullmatch(i) for i in ids), ids
        assert len(set(ids)) == len(ids)
        assert sorted(form_ids(html, position)) == sorted(ids), position
    for position in (1, 2, 3, 4, 5, 6, 7, 8):
        assert not any(value.isdigit() for value in form_ids(html, position))
    # The quiz keeps choices in the author's order, but ordering items are still shuffled.
    ordering = next(a for a in attempt.answers.all() if a.kind == "ordering")
    assert [item["text"] for item in ordering.public["items"]] != ordering.spec["items"]
    # Each attempt gets its own ids.
    api.post(f"/api/v1/attempts/{attempt_id}/submit")
    again = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    assert not {i for ids in shown_ids(again).values() for i in ids} & {
        i for ids in shown.values() for i in ids}


def test_sorting_the_shown_ids_does_not_give_the_answer(api, module):
    from quizzes.factories import OrderingFactory

    days = ["pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena",
            "svētdiena", "janvāris", "februāris", "marts"]
    quiz = add_quiz(module, questions=[OrderingFactory(items=[("item", d) for d in days]),
                                       SingleChoiceFactory()], shuffle_choices=False)
    view = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    ids = shown_ids(view)
    base = f"/api/v1/attempts/{view['id']}/answers"
    # The positions an author gave are refused, not graded: they name nothing here.
    for slot, response in ((1, {"order": list(range(10))}), (2, {"choice": 0}),
                           (2, {"choice": "0"})):
        refused = put(api, f"{base}/{slot}", {"response": response})
        assert refused.status_code == 422 and refused.json()["code"] == "bad_response"
    assert put(api, f"{base}/1", {"response": {"order": sorted(ids[1])}}).status_code == 200
    assert put(api, f"{base}/2", {"response": {"choice": min(ids[2])}}).status_code == 200
    done = api.post(f"/api/v1/attempts/{view['id']}/submit").json()
    attempt = Attempt.objects.get(pk=view["id"])
    # 1 chance in 10! that sorted random tokens are the right order.
    assert attempt.answers.get(position=1).fraction < 1
    assert done["state"] == "finished"


def test_review_shows_only_what_the_options_allow(api, quiz, enrollment):
    quiz.review_after = ["answer", "marks"]
    quiz.save()
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    api.post(reverse("quizzes:submit", args=[attempt.pk]))
    page = api.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "Score" in page or "Rezultāts" in page or "%" in page
    assert "Pareizi!" not in page and "Right answer" not in page
    view = api.get(f"/api/v1/attempts/{attempt.pk}").json()
    assert "right_answer" not in view["questions"][0] and "score" in view


def test_learner_takes_a_quiz_with_plain_forms(api, quiz):
    start = api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    assert start.url == reverse("quizzes:attempt", args=[attempt.pk])
    form = api.get(start.url)
    assert form.status_code == 200 and 'name="q1-present"' in form.content.decode()
    both = [pick(attempt, 2, 0), pick(attempt, 2, 1)]
    saved = api.post(start.url, {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, 0),
                                 "q2-present": "1", "q2": both,
                                 "q3-present": "1", "q3": "true", "go": "next"})
    assert saved.status_code == 302 and saved.url.endswith("?page=2")
    assert attempt.answers.get(position=2).response == {"choices": both}
    page3 = api.post(start.url, {"page": "3", "q7-present": "1",
                                 f"q7-{pick(attempt, 7, 0)}": "Kurzeme", "q8-present": "1",
                                 f"q8-{pick(attempt, 8, 0)}": "1",
                                 f"q8-{pick(attempt, 8, 1)}": "2",
                                 f"q8-{pick(attempt, 8, 2)}": "3", "go": "summary"})
    assert page3.url == reverse("quizzes:summary", args=[attempt.pk])
    assert attempt.answers.get(position=7).response == {
        "pairs": {pick(attempt, 7, 0): "Kurzeme"}}
    assert attempt.answers.get(position=8).response["order"] == [
        pick(attempt, 8, i) for i in range(3)]
    assert api.get(page3.url).status_code == 200
    api.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert api.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 302


def test_someone_elses_attempt_is_not_found(client, quiz, learner, make_user):
    attempt = start_attempt(quiz=quiz, user=learner)
    client.force_login(make_user(username="stranger"))
    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    assert client.get(reverse("quizzes:review", args=[attempt.pk])).status_code == 404


def test_quiz_page_offers_to_start(api, quiz):
    page = api.get(quiz.url)
    assert page.status_code == 200
    assert reverse("quizzes:start", args=[quiz.pk]) in page.content.decode()


def test_a_form_sent_after_the_deadline_is_refused_and_the_saved_answers_count(api, quiz):
    import datetime

    from django.utils import timezone

    api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    first, second = pick(attempt, 1, 0), pick(attempt, 1, 1)
    api.post(url, {"page": "1", "q1-present": "1", "q1": first, "go": "next"})
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=5))
    late = api.post(url, {"page": "1", "q2-present": "1", "q2": pick(attempt, 2, 0),
                          "go": "next"}, follow=True)
    assert late.redirect_chain[-1][0] == reverse("quizzes:review", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED and attempt.submitted_late
    assert attempt.answers.get(position=1).response == {"choice": first}
    assert attempt.answers.get(position=2).response is None
    stale = api.post(url, {"page": "1", "q1-present": "1", "q1": second}, follow=True)
    assert stale.status_code == 200
    assert attempt.answers.get(position=1).response == {"choice": first}


def test_autosave_answers_json_and_refuses_a_closed_attempt(api, quiz):
    api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    saved = api.post(url, {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, 0)},
                     HTTP_X_AUTOSAVE="1")
    assert saved.status_code == 200 and saved.json() == {"saved": [1], "versions": {"1": 1}}
    api.post(reverse("quizzes:submit", args=[attempt.pk]))
    closed = api.post(url, {"page": "1", "q1-present": "1", "q1": pick(attempt, 1, 1)},
                      HTTP_X_AUTOSAVE="1")
    assert closed.status_code == 409 and closed.json()["code"] == "time_up"
