"""Import and export of the question bank in Moodle XML and GIFT."""

from collections.abc import Iterable
from typing import Protocol

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cms.errors import KopaError
from quizzes.models import Question, QuestionCategory
from quizzes.services import gift, moodle_xml
from quizzes.services.bank_import import ImportFailed, ParsedQuestion, import_questions


class Format(Protocol):
    """What each format's module provides."""

    def parse(self, content: bytes, /) -> tuple[list[ParsedQuestion], list[tuple[int, str]]]:
        ...

    def export(self, questions: Iterable[Question], /) -> str: ...


FORMATS: dict[str, Format] = {"xml": moodle_xml, "gift": gift}


def guess_format(filename: str) -> str:
    return "gift" if filename.lower().endswith((".gift", ".txt")) else "xml"


def import_file(*, content: bytes, fmt: str, into: QuestionCategory | None = None,
                language: str = "") -> list[Question]:
    """All or nothing: raises ImportFailed with a line-numbered list of problems."""
    if fmt not in FORMATS:
        raise KopaError(_("Unknown format; use Moodle XML or GIFT."), code="bad_format")
    if not content.strip():
        raise ImportFailed([(1, _("The file is empty."))])
    parsed, problems = FORMATS[fmt].parse(content)
    if not parsed and not problems:
        problems = [(1, _("No questions were found in the file."))]
    return import_questions(parsed=parsed, problems=problems, into=into, language=language)


def export_questions(*, questions: Iterable[Question], fmt: str) -> str:
    if fmt not in FORMATS:
        raise KopaError(_("Unknown format; use Moodle XML or GIFT."), code="bad_format")
    questions = list(questions.select_related("category")) if hasattr(questions, "select_related") \
        else list(questions)
    return FORMATS[fmt].export(questions)


def questions_in(category: QuestionCategory | None) -> QuerySet[Question]:
    if category is None:
        return Question.objects.all()
    return Question.objects.filter(category_id__in=category.descendant_ids())


__all__ = ["ImportFailed", "export_questions", "guess_format", "import_file", "questions_in"]
