"""Each kind grades a response itself, to a fraction 0..1."""

import pytest

from quizzes.factories import GapFillFactory, ShortAnswerFactory, answers

pytestmark = pytest.mark.django_db


def test_single_choice_gives_the_credit_of_the_picked_choice(every_kind):
    question = every_kind["single_choice"]
    assert question.grade({"choice": 0}) == 1
    assert question.grade({"choice": 1}) == 0
    assert question.grade({"choice": 99}) == 0
    assert question.grade(None) == 0


def test_multiple_choice_gives_partial_credit_and_penalties_never_below_zero(every_kind):
    question = every_kind["multiple_choice"]
    assert question.grade({"choices": [0, 1]}) == 1
    assert question.grade({"choices": [0]}) == 0.5
    assert question.grade({"choices": [0, 2]}) == 0
    assert question.grade({"choices": [2, 3]}) == 0
    assert question.grade({"choices": [0, 1, 2]}) == 0.5


def test_true_false(every_kind):
    question = every_kind["true_false"]
    assert question.grade({"value": True}) == 1
    assert question.grade({"value": False}) == 0
    assert question.grade({}) == 0


def test_short_answer_credits_each_accepted_answer_and_ignores_case_by_default(every_kind):
    question = every_kind["short_answer"]
    assert question.grade({"text": " Grāmata "}) == 1
    assert question.grade({"text": "žurnāls"}) == 0.5
    assert question.grade({"text": "gramata"}) == 0


def test_short_answer_can_accept_latvian_words_without_diacritics():
    question = ShortAnswerFactory(answers=answers(("grāmata", 1)), ignore_diacritics=True)
    assert question.grade({"text": "gramata"}) == 1
    strict = ShortAnswerFactory(answers=answers(("grāmata", 1)), case_sensitive=True)
    assert strict.grade({"text": "Grāmata"}) == 0
    assert strict.grade({"text": "grāmata"}) == 1


def test_short_answer_wildcard():
    question = ShortAnswerFactory(answers=answers(("*māja*", 1)))
    assert question.grade({"text": "mūsu māja ir zaļa"}) == 1


def test_numerical_accepts_a_comma_and_a_tolerance(every_kind):
    question = every_kind["numerical"]
    assert question.grade({"text": "28"}) == 1
    assert question.grade({"text": "28,0"}) == 1
    assert question.grade({"text": "27"}) == 0
    assert question.grade({"text": "daudz"}) == 0
    question.answers = [("answer", {"value": 10, "tolerance": 0.5, "fraction": 1,
                                    "feedback": ""})]
    assert question.grade({"text": "10.4"}) == 1


def test_gap_fill_credits_each_gap(every_kind):
    question = every_kind["gap_fill"]
    assert question.grade({"gaps": {"0": "Rīga", "1": "grāmatu"}}) == 1
    assert question.grade({"gaps": {"0": "Rīga", "1": "avīzi"}}) == 0.5
    assert question.grade({"gaps": {}}) == 0


def test_gap_fill_numerical_and_weighted_gaps():
    question = GapFillFactory(cloze_text="{2:NUMERICAL:=1918:0} un {1:SA:=Rīga}")
    assert question.grade({"gaps": {"0": "1918", "1": "x"}}) == pytest.approx(2 / 3)


def test_matching_credits_each_right_pair(every_kind):
    question = every_kind["matching"]
    right = {"0": "Kurzeme", "1": "Latgale", "2": "Vidzeme"}
    assert question.grade({"pairs": right}) == 1
    assert question.grade({"pairs": {**right, "2": "Zemgale"}}) == pytest.approx(2 / 3)


def test_ordering_credits_items_in_their_place(every_kind):
    question = every_kind["ordering"]
    assert question.grade({"order": [0, 1, 2]}) == 1
    assert question.grade({"order": [0, 2, 1]}) == pytest.approx(1 / 3)
    assert question.grade({"order": [0, 0, 0]}) == 0


def test_essay_is_left_for_a_teacher(every_kind):
    assert every_kind["essay"].grade({"text": "Mani sauc Ahmads."}) is None
