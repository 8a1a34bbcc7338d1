"""Importing parsed questions into the bank, all or nothing: one bad question and the file
is refused with the line of each problem, so nothing half-imports by surprise."""

import base64
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from cms.errors import KopaError
from cms.html import clean_html as sanitise
from quizzes.models import KINDS, QuestionCategory
from quizzes.models.questions import CLOZE_GAP, parse_cloze

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
    fields: dict = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


class ImportFailed(KopaError):
    code = "import_failed"

    def __init__(self, problems: list[tuple[int, str]]):
        lines = "; ".join(_("line %(line)s: %(problem)s") % {"line": line, "problem": problem}
                          for line, problem in problems)
        super().__init__(_("Nothing was imported. %(lines)s") % {"lines": lines},
                         problems=[{"line": line, "message": message}
                                   for line, message in problems])
        self.problems = problems


def decimal_or_problem(value: str, line: int, problems: list, what: str) -> Decimal:
    try:
        return Decimal(str(value).strip() or "0")
    except InvalidOperation:
        problems.append((line, _("%(what)s is not a number: %(value)s") % {
            "what": what, "value": value}))
        return Decimal(0)


def clean_html(html: str) -> str:
    """Imported HTML is shown to learners as HTML: cms.html's one allowlist decides what
    stays. Text without a tag is left as it is (it cannot run anything, and escaping it
    would change plain answers such as “R&D”)."""
    if "<" not in html:
        return html
    return sanitise(html)


_GAP_FEEDBACK = re.compile(r"(?<!\\)#((?:\\.|[^\\~])*)")


def _clean_gap(match: re.Match) -> str:
    """A gap's answers are shown as text, its feedback as HTML: only the feedback is
    cleaned, so the answers are matched as the author wrote them."""
    body = _GAP_FEEDBACK.sub(lambda m: "#" + clean_html(m.group(1)), match.group(3))
    return f"{{{match.group(1)}:{match.group(2)}:{body}}}"


def clean_cloze(text: str) -> str:
    """Cloze text is HTML around gaps in Moodle's syntax. The gaps are set aside while the
    HTML is cleaned, so the cleaner cannot touch (or escape) what is inside them."""
    gaps = [_clean_gap(match) for match in CLOZE_GAP.finditer(text)]
    marked = CLOZE_GAP.sub(lambda _m: "\ue000\ue001", text)
    cleaned = clean_html(marked)
    pieces = cleaned.split("\ue000\ue001")
    out = [pieces[0]]
    for index, piece in enumerate(pieces[1:]):
        out += [gaps[index] if index < len(gaps) else "", piece]
    return "".join(out)


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


# The parts of each kind that are shown to learners as HTML (cleaned): choice texts and every
# feedback. Accepted short answers, matching and ordering texts are shown as text, and are
# compared with what learners type, so they are stored as written.
_HTML_PARTS = ("text", "feedback")


def _clean_fields(fields: dict, files: dict[str, bytes]) -> dict:
    """The kind's own fields of an imported question, with their HTML made safe and their
    `@@PLUGINFILE@@` images stored."""
    cleaned = dict(fields)
    if "cloze_text" in cleaned:
        cleaned["cloze_text"] = clean_cloze(_store_files(cleaned["cloze_text"], files))
    for key in ("feedback_true", "feedback_false"):
        if key in cleaned:
            cleaned[key] = clean_html(cleaned[key])
    for key, html_parts in (("choices", _HTML_PARTS), ("answers", ("feedback",))):
        if key in cleaned:
            cleaned[key] = [(block, {**value, **{part: clean_html(_store_files(value[part], files))
                                                 for part in html_parts
                                                 if isinstance(value.get(part), str)}})
                            for block, value in cleaned[key]]
    return cleaned


def _category(path: list[str], root: QuestionCategory | None,
              cache: dict) -> QuestionCategory:
    parent = root
    for name in path:
        key = (parent.pk if parent else None, name)
        if key not in cache:
            cache[key] = QuestionCategory.objects.get_or_create(name=name[:200],
                                                                parent=parent)[0]
        parent = cache[key]
    if parent is None:
        parent = QuestionCategory.objects.get_or_create(name=_("Imported"), parent=None)[0]
    return parent


def validate(parsed: list[ParsedQuestion], problems: list[tuple[int, str]]) -> None:
    for question in parsed:
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
                     into: QuestionCategory | None = None, language: str = "") -> list:
    """Saves every parsed question, or none when any problem was found."""
    validate(parsed, problems)
    if problems:
        raise ImportFailed(sorted(problems))
    cache: dict = {}
    created = []
    for item in parsed:
        model = KINDS[item.kind]
        question = model(
            category=_category(item.category, into, cache),
            name=(item.name or re.sub(r"<[^>]+>", "", item.text)[:60] or item.kind)[:200],
            text=clean_html(_store_files(item.text, item.files)),
            general_feedback=clean_html(_store_files(item.general_feedback, item.files)),
            default_mark=item.default_mark, language=language,
            **_clean_fields(item.fields, item.files))
        question.save()
        created.append(question)
    return created


def file_data(name: str, content: str) -> tuple[str, bytes]:
    return name, base64.b64decode(content.strip() or b"")
