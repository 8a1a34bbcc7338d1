"""GIFT, Moodle's plain-text question format. Moodle's GIFT has no syntax for cloze with
several gaps or for ordering; Kopā reads and writes them with two small extensions:
`::name::[cloze]text with \\{1:SA:=gap\\}` and `{>first >second >third}`."""

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from quizzes.models import GapFillQuestion, Question, QuestionCategory
from quizzes.services.bank_import import (
    ParsedAnswer,
    ParsedNumber,
    ParsedQuestion,
    decimal_or_problem,
)

SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    return "".join("\\" + char if char in SPECIAL else char for char in text).replace(
        "\n", "\\n")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text).strip()


def _split_unescaped(text: str, separators: str) -> list[tuple[str, str]]:
    """`=a ~b` → [("=", "a"), ("~", "b")], honouring backslash escapes."""
    parts, current, marker, index = [], "", "", 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current += text[index:index + 2]
            index += 2
            continue
        line_start = not text[text.rfind("\n", 0, index) + 1:index].strip()
        if char in separators and (char != ">" or line_start):
            if marker or current.strip():
                parts.append((marker, current))
            marker, current = char, ""
        else:
            current += char
        index += 1
    if marker or current.strip():
        parts.append((marker, current))
    return parts


def _find_unescaped(text: str, char: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == char:
            return index
        index += 1
    return -1


def _credit(body: str, marker: str) -> tuple[Decimal, str]:
    match = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", body)
    if match:
        return Decimal(match.group(1)) / 100, body[match.end():]
    return (Decimal(1) if marker == "=" else Decimal(0)), body


def _feedback(body: str) -> tuple[str, str]:
    cut = _find_unescaped(body, "#")
    if cut < 0:
        return unescape(body), ""
    return unescape(body[:cut]), unescape(body[cut + 1:])


def _blocks(content: str) -> Iterator[tuple[int, str]]:
    """Questions separated by blank lines, with the line each starts on."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if block:
                yield start, "\n".join(block)
                block = []
            continue
        if not block:
            start = number
        block.append(line)
    if block:
        yield start, "\n".join(block)


def _parse_one(line: int, raw: str, category: list[str],
               problems: list[tuple[int, str]]) -> ParsedQuestion | None:
    name, fmt = "", ""
    text = raw.strip()
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            problems.append((line, _("The question name is not closed with ::.")))
            return None
        name, text = unescape(text[2:end]), text[end + 2:].lstrip()
    if match := re.match(r"\[(\w+)\]", text):
        fmt, text = match.group(1).lower(), text[match.end():]
    question = ParsedQuestion(kind="", line=line, name=name, category=category)
    if fmt == "cloze":
        question.kind, question.fields = "gap_fill", {"cloze_text": unescape(text)}
        return question
    opening = _find_unescaped(text, "{")
    if opening < 0:
        problems.append((line, _("There is no answer part {…}: descriptions are not "
                                 "supported.")))
        return None
    closing = _find_unescaped(text, "}", opening)
    if closing < 0:
        problems.append((line, _("The answer part is not closed with }.")))
        return None
    before, body, after = text[:opening], text[opening + 1:closing].strip(), text[closing + 1:]
    question.text = unescape(before)
    if fmt == "markdown" or fmt in ("plain", "moodle", ""):
        question.text = "<p>" + question.text.replace("\n", "<br>") + "</p>" \
            if not question.text.lstrip().startswith("<") else question.text
    if not body:
        question.kind, question.fields = "essay", {}
        return question
    if re.fullmatch(r"(T|TRUE|F|FALSE)(#.*)?", body, re.S):
        letter, _sep, rest = body.partition("#")
        wrong_feedback, _sep, right_feedback = rest.partition("#")
        correct = letter in ("T", "TRUE")
        question.kind = "true_false"
        question.fields = {"correct_answer": correct,
                           "feedback_true": unescape(right_feedback if correct
                                                     else wrong_feedback),
                           "feedback_false": unescape(wrong_feedback if correct
                                                      else right_feedback)}
        return question
    if body.startswith("#"):
        question.kind = "numerical"
        rows: list[tuple[str, ParsedNumber]] = []
        entries = _split_unescaped(body[1:], "=") or [("=", body[1:])]
        for marker, entry in entries:
            fraction, entry = _credit(entry, marker or "=")
            value_text, feedback = _feedback(entry)
            value: Decimal | None
            if value_text == "*":
                # Moodle's "any other answer" (Kopā's extension of GIFT, as in Moodle XML).
                value, tolerance = None, Decimal(0)
            elif ".." in value_text:
                low, _sep, high = value_text.partition("..")
                low_d = decimal_or_problem(low, line, problems, _("answer"))
                high_d = decimal_or_problem(high, line, problems, _("answer"))
                value, tolerance = (low_d + high_d) / 2, (high_d - low_d) / 2
            else:
                value_part, _sep, tolerance_part = value_text.partition(":")
                value = decimal_or_problem(value_part, line, problems, _("answer"))
                tolerance = decimal_or_problem(tolerance_part or "0", line, problems,
                                               _("tolerance"))
            rows.append(("answer", {"value": value, "tolerance": tolerance,
                                    "fraction": fraction, "feedback": feedback}))
        question.fields = {"answers": rows}
        return question
    entries = _split_unescaped(body, "=~>")
    if any(marker == ">" for marker, _entry in entries):
        question.kind = "ordering"
        question.fields = {"items": [("item", unescape(entry)) for _m, entry in entries]}
        return question
    if any("->" in entry for _marker, entry in entries):
        pairs = []
        for _marker, entry in entries:
            item, arrow, answer = entry.partition("->")
            if not arrow:
                problems.append((line, _("Every matching pair needs “->”.")))
                return None
            pairs.append(("pair", {"item": unescape(item), "answer": unescape(answer)}))
        question.kind, question.fields = "matching", {"pairs": pairs}
        return question
    answers: list[ParsedAnswer] = []
    for marker, entry in entries:
        if marker not in "=~":
            problems.append((line, _("Each answer must start with = or ~.")))
            return None
        fraction, entry = _credit(entry, marker)
        text_part, feedback = _feedback(entry)
        answers.append({"text": text_part, "fraction": fraction, "feedback": feedback})
    has_wrong = any(marker == "~" for marker, _entry in entries)
    right = [a for a in answers if a["fraction"] > 0]
    if after.strip():
        gap = ("MULTICHOICE" if has_wrong else "SHORTANSWER")
        options = "~".join(("=" if a["fraction"] >= 1 else f"%{a['fraction'] * 100:g}%")
                           + a["text"].replace("~", "\\~").replace("}", "\\}")
                           for a in answers)
        question.kind = "gap_fill"
        question.fields = {"cloze_text": f"{unescape(before)} {{1:{gap}:{options}}} "
                                         f"{unescape(after)}".strip()}
        question.text = ""
        return question
    if not has_wrong:
        question.kind = "short_answer"
        question.fields = {"answers": [("answer", a) for a in answers]}
    else:
        single = sum(1 for m, _e in entries if m == "=") == 1 and len(right) == 1
        question.kind = "single_choice" if single else "multiple_choice"
        question.fields = {"choices": [("choice", a) for a in answers]}
    return question


def parse(content: bytes) -> tuple[list[ParsedQuestion], list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(1, _("The file is not UTF-8 text."))]
    category: list[str] = []
    parsed = []
    for line, raw in _blocks(text):
        if raw.startswith("$CATEGORY:"):
            path = raw.split(":", 1)[1].strip()
            category = [p.strip() for p in path.split("/") if p.strip()]
            while category and (category[0].startswith("$") or category[0] == "top"):
                category.pop(0)
            continue
        question = _parse_one(line, raw, category, problems)
        if question is not None:
            parsed.append(question)
    return parsed, problems


def _answers(rows: Iterable[Mapping[str, Any]], *, right_marker: str = "=") -> str:
    """A frozen spec's choices or answers (JSON) as GIFT lines."""
    out = []
    for row in rows:
        fraction = Decimal(str(row["fraction"]))
        if fraction >= 1:
            prefix = "="
        elif fraction == 0:
            prefix = "~"
        else:
            prefix = f"~%{fraction * 100:g}%" if right_marker == "~" else f"=%{fraction * 100:g}%"
        feedback = f"#{escape(row['feedback'])}" if row.get("feedback") else ""
        out.append(f"\t{prefix}{escape(str(row['text']))}{feedback}")
    return "\n".join(out)


def export_question(question: Question) -> str:
    spec = question.spec()
    kind = spec["kind"]
    head = f"::{escape(question.name)}::"
    text = f"[html]{escape(question.text)}"
    if isinstance(question, GapFillQuestion):  # kind "gap_fill"
        return f"{head}[cloze]{escape(question.cloze_text)}\n"
    if kind == "single_choice":
        body = _answers(spec["choices"])
    elif kind == "multiple_choice":
        body = _answers(spec["choices"], right_marker="~")
        body = body.replace("\t=", "\t~%100%")
    elif kind == "true_false":
        body = ("TRUE" if spec["correct"] else "FALSE")
        wrong, right = ((spec["feedback_false"], spec["feedback_true"]) if spec["correct"]
                        else (spec["feedback_true"], spec["feedback_false"]))
        if wrong or right:
            body += f"#{escape(wrong)}#{escape(right)}"
    elif kind == "short_answer":
        body = "\n".join(line.replace("\t~", "\t=%0%") for line in
                         _answers(spec["answers"]).splitlines())
    elif kind == "numerical":
        lines = []
        for answer in spec["answers"]:
            credit = "" if answer["fraction"] >= 1 else f"%{answer['fraction'] * 100:g}%"
            feedback = f"#{escape(answer['feedback'])}" if answer["feedback"] else ""
            value = "*" if answer["value"] is None \
                else f"{answer['value']:g}:{answer['tolerance']:g}"
            lines.append(f"\t={credit}{value}{feedback}")
        body = "#\n" + "\n".join(lines)
    elif kind == "matching":
        body = "\n".join(f"\t={escape(p['item'])} -> {escape(p['answer'])}"
                         for p in spec["pairs"])
    elif kind == "ordering":
        body = "\n".join(f"\t>{escape(item)}" for item in spec["items"])
    else:
        body = ""
    return f"{head}{text} {{\n{body}\n}}\n" if body else f"{head}{text} {{}}\n"


def export(questions: Iterable[Question]) -> str:
    out: list[str] = []
    current: QuestionCategory | None = None
    for question in sorted(questions, key=lambda q: (q.category.path, q.pk)):
        if question.category != current:
            current = question.category
            out.append(f"$CATEGORY: $course$/top/{current.path.replace(' / ', '/')}\n")
        out.append(export_question(question))
    return "\n".join(out)
