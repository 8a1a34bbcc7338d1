"""One quiz is all its translations: a limit of two attempts is two in all languages
together, an attempt started in Latvian is resumed from the English page, and the quiz's
page lists the attempts made in either."""

import pytest
from wagtail.models import Locale

from cms.errors import NotAllowed
from quizzes.factories import add_quiz
from quizzes.selectors import attempts_of
from quizzes.services import start_attempt, submit_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def quizzes(module, every_kind):
    latvian = add_quiz(module, title="Tests", questions=[every_kind["single_choice"]])
    latvian.attempts_allowed = 2
    latvian.save_revision().publish()
    english = latvian.copy_for_translation(Locale.objects.get(language_code="en"),
                                           copy_parents=True)
    english.save_revision().publish()
    return latvian, english


def test_the_attempt_limit_counts_every_translation(quizzes, enrollment):
    latvian, english = quizzes
    for _ in range(2):
        attempt = start_attempt(quiz=latvian, user=enrollment.user)
        submit_attempt(attempt_id=attempt.pk)
    with pytest.raises(NotAllowed) as refused:
        start_attempt(quiz=english, user=enrollment.user)
    assert refused.value.code == "no_attempts_left"


def test_an_attempt_in_progress_is_resumed_from_the_other_language(quizzes, enrollment):
    latvian, english = quizzes
    started = start_attempt(quiz=latvian, user=enrollment.user)
    assert start_attempt(quiz=english, user=enrollment.user).pk == started.pk
    submit_attempt(attempt_id=started.pk)
    second = start_attempt(quiz=english, user=enrollment.user)
    assert second.number == 2
    assert [a.pk for a in attempts_of(user=enrollment.user, quiz=latvian)] == [
        started.pk, second.pk]
