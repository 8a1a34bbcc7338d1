import pytest

from quizzes.factories import KIND_FACTORIES, add_quiz


@pytest.fixture
def every_kind(db):
    return {kind: factory() for kind, factory in KIND_FACTORIES.items()}


@pytest.fixture
def quiz(module, every_kind):
    return add_quiz(module, title="Tests", questions=[q for k, q in every_kind.items()
                                                      if k != "essay"],
                    shuffle_choices=False, questions_per_page=3)


@pytest.fixture
def quiz_with_essay(module, every_kind):
    return add_quiz(module, title="Eseja", questions=[every_kind["single_choice"],
                                                      every_kind["essay"]])
