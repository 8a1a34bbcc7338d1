"""Every question kind implements grading itself; a kind that does not fails where the
mistake is made (at import, or loudly when graded), never as a silent 0."""

import pytest

from quizzes.models import kinds
from quizzes.models.questions import Question


def test_every_registered_kind_implements_grade_spec():
    for name, kind in kinds.KINDS.items():
        assert kind.grade_spec.__func__ is not Question.grade_spec.__func__, name


def test_a_kind_without_grading_is_refused_when_the_registry_is_checked(monkeypatch):
    class Unfinished:
        grade_spec = Question.grade_spec  # inherits the base's refusal

    monkeypatch.setitem(kinds.KINDS, "unfinished", Unfinished)
    with pytest.raises(TypeError, match="unfinished"):
        kinds._refuse_unfinished_kinds()


def test_grading_with_the_base_rule_raises_instead_of_scoring_zero():
    with pytest.raises(NotImplementedError):
        Question.grade_spec({"kind": "x"}, {"choice": "a"})
