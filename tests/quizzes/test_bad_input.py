"""Bad input never gets an attempt stuck: a response its question cannot read is refused
when it is saved (422 JSON from the API, a message on the form, in the learner's
language), and one stored before that check grades 0 instead of failing the submit."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from cms.errors import KopaError
from quizzes.factories import add_quiz
from quizzes.models import Attempt, AttemptAnswer
from quizzes.services import save_answers, start_attempt
from tests.outbox import pass_deadline
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db
REFUSED_LV = "Nevarēja nolasīt atbildi uz 1. jautājumu"


@pytest.fixture
def api(client, enrollment):
    client.force_login(enrollment.user)
    return client


def put(client, url, data):
    return client.put(url, json.dumps(data), content_type="application/json")


# One bad response per kind, by the position the `quiz` fixture gives each kind.
BAD = [
    (1, {"choice": "²"}), (1, {"choice": 0}), (1, {"choice": ["x"]}), (1, {"other": 1}),
    (2, {"choices": ["²"]}), (2, {"choices": "x"}), (2, {"choices": [[1]]}),
    (3, {"value": "²"}), (3, {"value": [True]}),
    (4, {"text": 5}), (5, {"text": ["28"]}),
    (6, {"gaps": {"0": "Maskava"}}), (6, {"gaps": {"9": "x"}}), (6, {"gaps": {"1": ["x"]}}),
    (6, {"gaps": ["Rīga"]}),
    (7, {"pairs": {"²": "Kurzeme"}}), (7, {"pairs": ["Kurzeme"]}),
    (8, {"order": ["²"]}), (8, {"order": [0, 1, 2]}), (8, {"order": "abc"}),
]


@pytest.mark.parametrize(("slot", "response"), BAD)
def test_the_api_refuses_a_response_its_question_cannot_read(api, quiz, slot, response):
    view = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    base = f"/api/v1/attempts/{view['id']}"
    refused = put(api, f"{base}/answers/{slot}", {"response": response})
    assert refused.status_code == 422
    assert refused.json()["code"] == "bad_response" and refused.json()["message"]
    assert AttemptAnswer.objects.get(attempt_id=view["id"], position=slot).response is None
    done = api.post(f"{base}/submit")
    assert done.status_code == 200 and done.json()["state"] == "finished"


def test_the_refusal_is_in_the_learners_language(api, quiz):
    view = api.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    url = f"/api/v1/attempts/{view['id']}/answers/1"
    assert REFUSED_LV in put(api, url, {"response": {"choice": "²"}}).json()["message"]
    attempt = Attempt.objects.get(pk=view["id"])
    for language, expected in (("en", "The answer to question 1 could not be read"),
                               ("ru", "Не удалось прочитать ответ на вопрос 1"),  # noqa: RUF001
                               ("uk", "Не вдалося прочитати відповідь на запитання 1")):  # noqa: RUF001
        with translation.override(language), pytest.raises(KopaError) as refused:
            save_answers(attempt=attempt, responses={1: {"choice": "²"}})
        assert expected in str(refused.value.message)


def test_a_bad_form_value_is_refused_with_a_message_and_keeps_what_was_saved(api, quiz):
    api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    right = pick(attempt, 1, 0)
    api.post(url, {"page": "1", "q1-present": "1", "q1": right, "go": "next"})
    for field, value in (("q1", "²"), ("q2", "²"), ("q1", "0")):
        page = api.post(url, {"page": "1", "q1-present": "1", "q2-present": "1",
                              field: value, "go": "next"}, follow=True)
        assert page.status_code == 200
        assert page.redirect_chain[-1][0].endswith("?page=1")
        assert REFUSED_LV in page.content.decode() or \
            "Nevarēja nolasīt atbildi uz 2. jautājumu" in page.content.decode()
        assert attempt.answers.get(position=1).response == {"choice": right}
    autosave = api.post(url, {"page": "1", "q1-present": "1", "q1": "²"}, HTTP_X_AUTOSAVE="1")
    assert autosave.status_code == 422 and autosave.json()["code"] == "bad_response"


def test_a_bad_rank_in_the_ordering_form_is_read_as_no_rank(api, quiz):
    api.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    ids = [pick(attempt, 8, i) for i in range(3)]
    saved = api.post(reverse("quizzes:attempt", args=[attempt.pk]),
                     {"page": "3", "q8-present": "1", f"q8-{ids[0]}": "²",
                      f"q8-{ids[1]}": "1", f"q8-{ids[2]}": "99", "go": "summary"})
    assert saved.status_code == 302
    order = attempt.answers.get(position=8).response["order"]
    assert order[0] == ids[1] and sorted(order) == sorted(ids)


MALFORMED = {1: {"choice": "²"}, 2: {"choices": ["²", [1], {"a": 1}]}, 3: {"value": [1]},
             4: {"text": 5}, 5: {"text": {"n": 1}}, 6: {"gaps": {"0": {"a": 1}, "1": ["x"]}},
             7: {"pairs": ["Kurzeme"]}, 8: {"order": ["²", None]}}


def test_an_overdue_attempt_with_unreadable_stored_answers_is_still_submitted(
        module, learner, every_kind):
    # Rows saved before responses were checked may hold anything; none may block submitting.
    quiz = add_quiz(module, questions=[q for k, q in every_kind.items()
                                       if k != "essay"] + [every_kind["essay"]],
                    time_limit_minutes=5)
    attempt = start_attempt(quiz=quiz, user=learner)
    for position, response in {**MALFORMED, 9: {"text": ["essay"]}}.items():
        AttemptAnswer.objects.filter(attempt=attempt, position=position).update(
            response=response)
    assert pass_deadline(attempt) == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED and attempt.score == 0
    assert not attempt.answers.filter(fraction__isnull=True).exists()


def test_the_review_of_unreadable_stored_answers_still_shows(api, quiz, enrollment):
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    for position, response in MALFORMED.items():
        AttemptAnswer.objects.filter(attempt=attempt, position=position).update(
            response=response)
    assert api.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 200
    assert api.get(reverse("quizzes:attempt", args=[attempt.pk]) + "?page=3").status_code == 200
    assert api.get(f"/api/v1/attempts/{attempt.pk}").status_code == 200
    api.post(reverse("quizzes:submit", args=[attempt.pk]))
    quiz.review_after = ["answer", "correctness", "marks", "feedback", "right_answer"]
    quiz.save()
    assert api.get(reverse("quizzes:review", args=[attempt.pk])).status_code == 200
