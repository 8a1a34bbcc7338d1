"""Importing parsed questions into the bank, all or nothing: one bad question and the file
is refused with the line of each problem, so nothing half-imports by surprise."""

import base64
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cms.errors import KopaError
from cms.uploads import UploadRefused, check_upload
from quizzes.models import KINDS, Question, QuestionCategory
from quizzes.models.questions import parse_cloze

FILES_FOLDER = "quizzes/files"


@dataclass
class ParsedQuestion:
    """A question read from a file, before it is saved; `line` points back into the file."""

    kind: str
    line: int
    name: str = ""
    text: str = ""
    general_feedback: str = ""
    default_mark: Decimal = Decimal(1)
    category: list[str] = field(default_factory=list)
    # The kind's own model fields by name (see KINDS); what each holds depends on the kind.
    fields: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


class ParsedAnswer(TypedDict):
    """A choice or accepted answer as read from a file."""

    text: str
    fraction: Decimal
    feedback: str


class ParsedNumber(TypedDict):
    """A numerical answer as read from a file (value None: Moodle's "any other answer")."""

    value: Decimal | None
    tolerance: Decimal
    fraction: Decimal
    feedback: str


class ImportFailed(KopaError):
    code = "import_failed"

    def __init__(self, problems: list[tuple[int, str]]):
        lines = "; ".join(_("line %(line)s: %(problem)s") % {"line": line, "problem": problem}
                          for line, problem in problems)
        super().__init__(_("Nothing was imported. %(lines)s") % {"lines": lines},
                         problems=[{"line": line, "message": message}
                                   for line, message in problems])
        self.problems = problems


def decimal_or_problem(value: str, line: int, problems: list[tuple[int, str]],
                       what: str) -> Decimal:
    try:
        return Decimal(str(value).strip() or "0")
    except InvalidOperation:
        problems.append((line, _("%(what)s is not a number: %(value)s") % {
            "what": what, "value": value}))
        return Decimal(0)


def _store_files(html: str, files: dict[str, bytes]) -> str:
    """Moodle's `@@PLUGINFILE@@/name` becomes a stored file's URL."""
    for name, content in files.items():
        digest = hashlib.sha256(content).hexdigest()[:16]
        safe_name = re.sub(r"[^\w.\-]", "_", name.rsplit("/", 1)[-1]) or "file"
        path = f"{FILES_FOLDER}/{digest}/{safe_name}"
        if not default_storage.exists(path):
            path = default_storage.save(path, ContentFile(content))
        html = html.replace(f"@@PLUGINFILE@@/{name}", default_storage.url(path))
    return html


# The parts of each kind that are shown to learners as HTML: choice texts and every
# feedback. Their files are stored here; their HTML is cleaned when the question is saved
# (Question.clean_stored_html, with cms.html's one allow-list), as for every other writer.
_HTML_PARTS = ("text", "feedback")


def _store_field_files(fields: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    """The kind's own fields of an imported question, with their `@@PLUGINFILE@@` images
    stored."""
    stored = dict(fields)
    if "cloze_text" in stored:
        stored["cloze_text"] = _store_files(stored["cloze_text"], files)
    for key, html_parts in (("choices", _HTML_PARTS), ("answers", ("feedback",))):
        if key in stored:
            stored[key] = [(block, {**value, **{part: _store_files(value[part], files)
                                                for part in html_parts
                                                if isinstance(value.get(part), str)}})
                           for block, value in stored[key]]
    return stored


def _category(path: list[str], root: QuestionCategory | None,
              cache: dict[tuple[int | None, str], QuestionCategory]) -> QuestionCategory:
    parent = root
    for name in path:
        key = (parent.pk if parent else None, name)
        if key not in cache:
            cache[key] = QuestionCategory.objects.get_or_create(name=name[:200],
                                                                parent=parent)[0]
        parent = cache[key]
    if parent is None:
        # A category of imported questions ("Importēti"), not a state like "imported".
        name = pgettext("question category", "Imported")
        parent = QuestionCategory.objects.get_or_create(name=name, parent=None)[0]
    return parent


def validate(parsed: list[ParsedQuestion], problems: list[tuple[int, str]]) -> None:
    for question in parsed:
        # Files inside questions are stored and served from the site: only the pictures
        # and sounds of the one allowlist, so an HTML or SVG file never reaches /media/.
        for name, content in question.files.items():
            try:
                check_upload(name, content, "question_file")
            except UploadRefused as exc:
                problems.append((question.line, _("file %(name)s: %(problem)s") % {
                    "name": name.rsplit("/", 1)[-1], "problem": exc.message}))
        if question.kind == "gap_fill":
            try:
                _segments, gaps = parse_cloze(question.fields.get("cloze_text", ""))
            except ValueError as exc:
                problems.append((question.line, str(exc)))
                continue
            if not gaps:
                problems.append((question.line, _("The gap fill question has no gaps.")))
        for key in ("choices", "answers", "pairs", "items"):
            if key in question.fields and not question.fields[key]:
                problems.append((question.line, _("The question has no answers.")))


@transaction.atomic
def import_questions(*, parsed: list[ParsedQuestion], problems: list[tuple[int, str]],
                     into: QuestionCategory | None = None,
                     language: str = "") -> list[Question]:
    """Saves every parsed question, or none when any problem was found."""
    validate(parsed, problems)
    if problems:
        raise ImportFailed(sorted(problems))
    cache: dict[tuple[int | None, str], QuestionCategory] = {}
    created = []
    for item in parsed:
        model = KINDS[item.kind]
        question = model(
            category=_category(item.category, into, cache),
            name=(item.name or re.sub(r"<[^>]+>", "", item.text)[:60] or item.kind)[:200],
            text=_store_files(item.text, item.files),
            general_feedback=_store_files(item.general_feedback, item.files),
            default_mark=item.default_mark, language=language,
            **_store_field_files(item.fields, item.files))
        question.save()
        created.append(question)
    return created


def file_data(name: str, content: str) -> tuple[str, bytes]:
    return name, base64.b64decode(content.strip() or b"")
