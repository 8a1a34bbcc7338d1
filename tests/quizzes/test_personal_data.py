"""Attempts are part of a learner's data: exported on request, erased on request."""

import pytest
from django.urls import reverse

from accounts.registry import dashboard_panels, personal_data_sections
from quizzes.models import Attempt
from quizzes.services import save_answers, start_attempt
from tests.quizzes.test_attempts import pick

pytestmark = pytest.mark.django_db


def section():
    return next(s for s in personal_data_sections() if s.key == "quizzes")


def test_attempts_are_exported_and_erased(quiz, learner):
    attempt = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=attempt, responses={1: {"choice": pick(attempt, 1, 0)},
                                             4: {"text": "grāmata"}})
    exported = section().export(learner)
    assert exported["attempts"][0]["answers"][3]["response"] == {"text": "grāmata"}
    assert exported["attempts"][0]["answers"][0]["answer"] == "Rīga"
    section().erase(learner)
    assert not Attempt.objects.filter(user=learner).exists()


def test_dashboard_lists_the_attempt_to_continue(client, quiz, enrollment):
    assert any(panel.key == "quizzes" for panel in dashboard_panels())
    attempt = start_attempt(quiz=quiz, user=enrollment.user)
    client.force_login(enrollment.user)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("quizzes:attempt", args=[attempt.pk]) in page
