import pytest


@pytest.fixture
def lesson(module):
    from lessons.factories import add_lesson, sample_body

    return add_lesson(module, title="Satversme", slug="satversme", body=sample_body())
