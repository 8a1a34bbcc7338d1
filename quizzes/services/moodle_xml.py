"""Moodle XML: read and write the question bank in the format Moodle exports."""

import base64
import re
import xml.parsers.expat
from collections.abc import Iterable
from decimal import Decimal
from typing import NoReturn
from xml.sax.saxutils import escape, quoteattr

from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from quizzes.models import GapFillQuestion, Question, QuestionCategory
from quizzes.services.bank_import import (
    FILES_FOLDER,
    ParsedAnswer,
    ParsedNumber,
    ParsedQuestion,
    decimal_or_problem,
    file_data,
)

SUPPORTED = {"multichoice", "truefalse", "shortanswer", "numerical", "matching", "cloze",
             "multianswer", "ordering", "essay", "category"}


class Node:
    """A parsed XML element that remembers its line (ElementTree does not)."""

    __slots__ = ("attrs", "children", "line", "tag", "text")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag, self.attrs, self.line = tag, attrs, line
        self.children: list[Node] = []
        self.text = ""

    def find(self, tag: str) -> "Node | None":
        return next((child for child in self.children if child.tag == tag), None)

    def findall(self, tag: str) -> list["Node"]:
        return [child for child in self.children if child.tag == tag]

    def value(self, tag: str, default: str = "") -> str:
        """`<tag><text>…</text></tag>` or `<tag>…</tag>`."""
        node = self.find(tag)
        if node is None:
            return default
        inner = node.find("text")
        return (inner.text if inner is not None else node.text).strip()


def parse_tree(content: bytes) -> Node:
    """Expat with DTDs and entities refused (no billion laughs, no external files)."""
    parser = xml.parsers.expat.ParserCreate("utf-8")
    root = Node("#root", {}, 0)
    stack = [root]

    def refuse(*args: object) -> NoReturn:
        raise ValueError(_("DTDs and entities are not allowed"))

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag: str) -> None:
        stack.pop()

    def data(text: str) -> None:
        stack[-1].text += text

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.Parse(content, True)
    return root


def _category_path(text: str) -> list[str]:
    parts = [part.strip() for part in text.split("/") if part.strip()]
    while parts and (parts[0].startswith("$") or parts[0] == "top"):
        parts.pop(0)
    return parts


def _files(node: Node) -> dict[str, bytes]:
    """Every file of a question: Moodle puts each beside the text that uses it (question
    text, feedback, answers), and they are all referred to as `@@PLUGINFILE@@/name`."""
    found: dict[str, bytes] = {}
    todo = [node]
    while todo:
        current = todo.pop()
        for child in current.children:
            if child.tag == "file" and child.attrs.get("encoding") == "base64":
                found.setdefault(*file_data(child.attrs.get("name", "file"), child.text))
            else:
                todo.append(child)
    return found


def _fraction(node: Node, problems: list[tuple[int, str]], line: int) -> Decimal:
    return decimal_or_problem(node.attrs.get("fraction", "0"), line, problems,
                              _("fraction")) / 100


def _answers(node: Node, problems: list[tuple[int, str]]) -> list[tuple[str, ParsedAnswer]]:
    return [("answer", {"text": a.value("text") or a.text.strip(),
                        "fraction": _fraction(a, problems, a.line),
                        "feedback": re.sub(r"<[^>]+>", "", a.value("feedback"))[:500]})
            for a in node.findall("answer")]


def parse(content: bytes) -> tuple[list[ParsedQuestion], list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    try:
        root = parse_tree(content)
    except xml.parsers.expat.ExpatError as exc:
        return [], [(exc.lineno, _("This is not well-formed XML: %(error)s") % {
            "error": xml.parsers.expat.ErrorString(exc.code)})]
    except ValueError as exc:
        return [], [(1, str(exc))]
    quiz = root.find("quiz")
    if quiz is None:
        return [], [(1, _("This is not a Moodle XML question file (no <quiz> element)."))]
    category: list[str] = []
    parsed: list[ParsedQuestion] = []
    for node in quiz.findall("question"):
        kind = node.attrs.get("type", "")
        if kind not in SUPPORTED:
            problems.append((node.line, _("Question type “%(type)s” is not supported.") % {
                "type": kind}))
            continue
        if kind == "category":
            category = _category_path(node.value("category"))
            continue
        question = ParsedQuestion(
            kind="", line=node.line, name=node.value("name"), category=category,
            text=node.value("questiontext"), files=_files(node),
            general_feedback=node.value("generalfeedback"),
            default_mark=decimal_or_problem(node.value("defaultgrade", "1"), node.line,
                                            problems, _("default grade")))
        shuffle = node.value("shuffleanswers", "true").lower() in ("true", "1")
        if kind == "multichoice":
            single = node.value("single", "true").lower() in ("true", "1")
            question.kind = "single_choice" if single else "multiple_choice"
            question.fields = {"choices": [("choice", value) for _t, value
                                           in _answers(node, problems)],
                               "shuffle_choices": shuffle}
        elif kind == "truefalse":
            answers = {a[1]["text"].lower(): a[1] for a in _answers(node, problems)}
            if "true" not in answers or "false" not in answers:
                problems.append((node.line, _("A true/false question needs both answers.")))
                continue
            question.kind = "true_false"
            question.fields = {"correct_answer": answers["true"]["fraction"] > 0,
                               "feedback_true": answers["true"]["feedback"],
                               "feedback_false": answers["false"]["feedback"]}
        elif kind == "shortanswer":
            question.kind = "short_answer"
            question.fields = {"answers": _answers(node, problems),
                               "case_sensitive": node.value("usecase", "0") == "1"}
        elif kind == "numerical":
            question.kind = "numerical"
            rows: list[tuple[str, ParsedNumber]] = []
            for answer in node.findall("answer"):
                value_text = (answer.value("text") or answer.text).strip()
                rows.append(("answer", {
                    # `*` is Moodle's "any other answer": kept as an answer without a value.
                    "value": None if value_text == "*" else decimal_or_problem(
                        value_text, answer.line, problems, _("answer")),
                    "tolerance": decimal_or_problem(answer.value("tolerance", "0"),
                                                    answer.line, problems, _("tolerance")),
                    "fraction": _fraction(answer, problems, answer.line),
                    "feedback": re.sub(r"<[^>]+>", "", answer.value("feedback"))[:500]}))
            question.fields = {"answers": rows}
        elif kind == "matching":
            question.kind = "matching"
            question.fields = {"shuffle_choices": shuffle, "pairs": [
                ("pair", {"item": re.sub(r"<[^>]+>", "", sub.value("text")).strip(),
                          "answer": found.value("text") if (found := sub.find("answer"))
                          else ""})
                for sub in node.findall("subquestion")]}
        elif kind in ("cloze", "multianswer"):
            question.kind = "gap_fill"
            question.fields = {"cloze_text": question.text}
            question.text = ""
        elif kind == "ordering":
            question.kind = "ordering"
            items = sorted(node.findall("answer"), key=lambda a: float(
                a.attrs.get("fraction", "0") or 0))
            question.fields = {"items": [("item", re.sub(r"<[^>]+>", "", a.value("text")))
                                         for a in items]}
        elif kind == "essay":
            question.kind = "essay"
            question.fields = {"grader_info": node.value("graderinfo"),
                               "response_template": node.value("responsetemplate")}
        parsed.append(question)
    return parsed, problems


# --- export -----------------------------------------------------------------------------

def _text(tag: str, value: str, *, html: bool = True, extra: str = "") -> str:
    fmt = ' format="html"' if html else ""
    return f"<{tag}{fmt}><text><![CDATA[{value.replace(']]>', ']]]]><![CDATA[>')}]]></text>" \
           f"{extra}</{tag}>\n"


def _embed_files(html: str) -> tuple[str, str]:
    """Our stored files go back into the file as Moodle does it: base64 and @@PLUGINFILE@@."""
    files = []
    prefix = default_storage.url(FILES_FOLDER + "/")

    def swap(match: re.Match[str]) -> str:
        url = match.group(2)
        path = FILES_FOLDER + "/" + url[len(prefix):]
        if not default_storage.exists(path):
            return match.group(0)
        name = path.rsplit("/", 1)[-1]
        with default_storage.open(path) as handle:
            files.append(f'<file name={quoteattr(name)} path="/" encoding="base64">'
                         f"{base64.b64encode(handle.read()).decode()}</file>")
        return f"{match.group(1)}@@PLUGINFILE@@/{name}{match.group(3)}"

    html = re.sub(r"(src=[\"'])(" + re.escape(prefix) + r"[^\"']+)([\"'])", swap, html)
    return html, "".join(files)


def _percent(fraction: float | Decimal) -> str:
    return f"{Decimal(str(fraction)) * 100:.5f}".rstrip("0").rstrip(".") or "0"


def _answer(text: str, fraction: float | Decimal, feedback: str = "", extra: str = "") -> str:
    return (f'<answer fraction="{_percent(fraction)}" format="html"><text>{escape(text)}</text>'
            f"{extra}<feedback format=\"html\"><text>{escape(feedback)}</text></feedback>"
            "</answer>\n")


def export_question(question: Question) -> str:
    spec = question.spec()
    kind = spec["kind"]
    moodle = {"single_choice": "multichoice", "multiple_choice": "multichoice",
              "true_false": "truefalse", "short_answer": "shortanswer",
              "numerical": "numerical", "gap_fill": "cloze", "matching": "matching",
              "ordering": "ordering", "essay": "essay"}[kind]
    text = question.cloze_text if isinstance(question, GapFillQuestion) else question.text
    text, files = _embed_files(text)
    out = [f'<question type="{moodle}">\n', _text("name", question.name, html=False),
           _text("questiontext", text, extra=files),
           _text("generalfeedback", question.general_feedback),
           f"<defaultgrade>{question.default_mark}</defaultgrade>\n"]
    if kind in ("single_choice", "multiple_choice"):
        out.append(f"<single>{'true' if kind == 'single_choice' else 'false'}</single>\n")
        out.append(f"<shuffleanswers>{'true' if spec['shuffle'] else 'false'}"
                   "</shuffleanswers>\n")
        out += [_answer(c["text"], c["fraction"], c["feedback"]) for c in spec["choices"]]
    elif kind == "true_false":
        out.append(_answer("true", 1 if spec["correct"] else 0, spec["feedback_true"]))
        out.append(_answer("false", 0 if spec["correct"] else 1, spec["feedback_false"]))
    elif kind == "short_answer":
        out.append(f"<usecase>{1 if spec['case_sensitive'] else 0}</usecase>\n")
        out += [_answer(a["text"], a["fraction"], a["feedback"]) for a in spec["answers"]]
    elif kind == "numerical":
        out += [_answer("*" if a["value"] is None else f"{a['value']:g}", a["fraction"],
                        a["feedback"],
                        f"<tolerance>{a['tolerance']:g}</tolerance>") for a in spec["answers"]]
    elif kind == "matching":
        out.append(f"<shuffleanswers>{'true' if spec['shuffle'] else 'false'}"
                   "</shuffleanswers>\n")
        out += [f'<subquestion format="html"><text>{escape(p["item"])}</text>'
                f"<answer><text>{escape(p['answer'])}</text></answer></subquestion>\n"
                for p in spec["pairs"]]
    elif kind == "ordering":
        out.append("<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype>"
                   "<selectcount>0</selectcount><gradingtype>ABSOLUTE_POSITION</gradingtype>\n")
        out += [f'<answer fraction="{index}" format="moodle_auto_format">'
                f"<text>{escape(item)}</text></answer>\n"
                for index, item in enumerate(spec["items"], start=1)]
    elif kind == "essay":
        out.append("<responseformat>editor</responseformat>\n")
        out.append(_text("graderinfo", spec["grader_info"]))
        out.append(_text("responsetemplate", spec["response_template"]))
    out.append("</question>\n")
    return "".join(out)


def export(questions: Iterable[Question]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    current: QuestionCategory | None = None
    for question in sorted(questions, key=lambda q: (q.category.path, q.pk)):
        if question.category != current:
            current = question.category
            out.append('<question type="category">\n<category><text>$course$/top/'
                       f"{escape(current.path.replace(' / ', '/'))}</text></category>\n"
                       "</question>\n")
        out.append(export_question(question))
    out.append("</quiz>\n")
    return "".join(out)
