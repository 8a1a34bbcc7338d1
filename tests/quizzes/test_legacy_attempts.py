"""Attempts started before per-attempt ids keep working: a finished one still reviews and
counts with the positions it stored, and an open one is dealt tokens by migration 0004
with its saved answers carried over."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from quizzes import selectors
from quizzes.models import Attempt, AttemptAnswer
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.quizzes.test_attempts import right_answers

pytestmark = pytest.mark.django_db
SHOWN = {"single_choice": "choices", "multiple_choice": "choices", "matching": "items",
         "ordering": "items"}


def make_old_shape(attempt: Attempt) -> None:
    """Rewrites an attempt's rows as they were stored before ids: positions as ids."""
    for answer in attempt.answers.all():
        spec = dict(answer.spec)
        ids = spec.pop("ids", None)
        if ids is None:
            continue
        key = SHOWN[answer.kind]
        public = {**answer.public, key: [{**entry, "id": ids.index(entry["id"])}
                                         for entry in answer.public[key]]}
        AttemptAnswer.objects.filter(pk=answer.pk).update(spec=spec, public=public)


def test_an_attempt_of_the_old_shape_still_grades_reviews_and_counts(client, quiz,
                                                                    enrollment, teacher):
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    make_old_shape(attempt)
    old = right_answers(attempt)
    assert old[1] == {"choice": 0} and old[8] == {"order": [0, 1, 2]}
    save_answers(attempt=attempt, responses=old)
    attempt = submit_attempt(attempt_id=attempt.pk)
    assert attempt.percent == Decimal(100)
    quiz.review_after = ["answer", "correctness", "marks", "feedback", "right_answer"]
    quiz.save()
    client.force_login(enrollment.user)
    review = client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "pirmdiena → otrdiena → trešdiena" in review
    stats = selectors.question_statistics(quiz=quiz, attempts=Attempt.objects.all())
    capital = next(row for row in stats if row["kind"] == "single_choice")
    assert capital["pick_rows"][0][:2] == ("Rīga", 1)


def test_the_migration_deals_tokens_to_open_attempts_and_keeps_their_answers(quiz, learner,
                                                                            make_user):
    migration = importlib.import_module("quizzes.migrations.0004_opaque_ids_for_open_attempts")
    finished = start_attempt(quiz=quiz, user=make_user(username="done"))
    make_old_shape(finished)
    finished = submit_attempt(attempt_id=finished.pk)
    finished_rows = {a.pk: (a.spec, a.public) for a in finished.answers.all()}
    attempt = start_attempt(quiz=quiz, user=learner)
    make_old_shape(attempt)
    save_answers(attempt=attempt, responses=right_answers(attempt))

    migration.deal_tokens(apps, None)

    for answer in attempt.answers.all():
        if answer.kind in SHOWN:
            ids = [entry["id"] for entry in answer.public[SHOWN[answer.kind]]]
            assert all(isinstance(i, str) and i.startswith("k") for i in ids), answer.kind
            assert sorted(ids) == sorted(i for i, entry in zip(
                answer.spec["ids"], answer.spec.get("choices") or answer.spec.get("pairs")
                or answer.spec["items"], strict=True)
                if answer.kind != "matching" or entry["item"])
    assert attempt.answers.get(position=1).response == {
        "choice": attempt.answers.get(position=1).spec["ids"][0]}
    assert {a.pk: (a.spec, a.public) for a in finished.answers.all()} == finished_rows
    attempt = submit_attempt(attempt_id=attempt.pk)
    assert attempt.percent == Decimal(100)
