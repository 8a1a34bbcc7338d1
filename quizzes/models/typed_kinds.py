"""Kinds where the learner types: short answer, numerical, gap fill, essay."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from quizzes.models.questions import (
    AnswerBlock,
    NumericalAnswerBlock,
    Question,
    clamp,
    clean_blocks,
    clean_cloze,
    fields_of,
    match_text,
    parse_cloze,
    parse_number,
    valid_text_response,
)


def typed_text(response) -> str:
    """The text a learner typed, as text; "" for anything else a stored row may hold."""
    text = response.get("text") if isinstance(response, dict) else None
    return text if isinstance(text, str) else ""

def _is_any_other(text: str) -> bool:
    """Moodle's `*` answer in a numerical gap: any number no other answer matches."""
    return text.partition(":")[0].strip() == "*"


class TypedText:
    """Kinds whose response is text the learner typed: shown and checked as such."""

    @classmethod
    def describe_response(cls, spec, response):
        return typed_text(response)

    @classmethod
    def valid_response(cls, spec, response):
        return valid_text_response(response)


class TypedAnswer(TypedText):
    """Typed kinds graded against a list of answers (`_best`): the feedback shown is the
    matched answer's."""

    @classmethod
    def feedback(cls, spec, response):
        best = cls._best(spec, response)
        return best["feedback"] if best else ""


class ShortAnswerQuestion(TypedAnswer, Question):
    kind = "short_answer"
    answers = StreamField([("answer", AnswerBlock())], verbose_name=_("accepted answers"),
                          min_num=1)
    case_sensitive = models.BooleanField(_("case matters"), default=False)
    ignore_diacritics = models.BooleanField(
        _("accept answers without diacritics"), default=False,
        help_text=_("If ticked, “gramata” is accepted for “grāmata”"))

    panels = [*Question.base_panels, FieldPanel("answers"), FieldPanel("case_sensitive"),
              FieldPanel("ignore_diacritics"), FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("short answer question")
        verbose_name_plural = _("short answer questions")

    def clean_stored_html(self) -> None:
        super().clean_stored_html()
        clean_blocks(self.answers, "feedback")  # accepted answers are compared as typed

    def parts(self):
        return {"case_sensitive": self.case_sensitive,
                "ignore_diacritics": self.ignore_diacritics,
                "answers": [{"text": b.value["text"], "fraction": float(b.value["fraction"]),
                             "feedback": b.value["feedback"] or ""} for b in self.answers]}

    @classmethod
    def _best(cls, spec, response) -> dict | None:
        given = response.get("text") if isinstance(response, dict) else None
        if not isinstance(given, str) or not given.strip():
            return None
        matches = [a for a in spec["answers"]
                   if match_text(a["text"], given, case_sensitive=spec["case_sensitive"],
                                 ignore_diacritics=spec["ignore_diacritics"])]
        return max(matches, key=lambda a: a["fraction"]) if matches else None

    @classmethod
    def grade_spec(cls, spec, response):
        best = cls._best(spec, response)
        return clamp(best["fraction"]) if best else 0.0

    @classmethod
    def right_answer(cls, spec):
        best = max(spec["answers"], key=lambda a: a["fraction"], default=None)
        return best["text"] if best else ""


class NumericalQuestion(TypedAnswer, Question):
    kind = "numerical"
    answers = StreamField([("answer", NumericalAnswerBlock())],
                          verbose_name=_("accepted answers"), min_num=1)

    panels = [*Question.base_panels, FieldPanel("answers"), FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("numerical question")
        verbose_name_plural = _("numerical questions")

    def clean_stored_html(self) -> None:
        super().clean_stored_html()
        clean_blocks(self.answers, "feedback")  # accepted answers are compared as typed

    def parts(self):
        return {"answers": [{"value": None if b.value["value"] is None
                             else float(b.value["value"]),
                             "tolerance": float(b.value["tolerance"] or 0),
                             "fraction": float(b.value["fraction"]),
                             "feedback": b.value["feedback"] or ""} for b in self.answers]}

    @classmethod
    def _best(cls, spec, response):
        number = parse_number(response.get("text") if isinstance(response, dict) else None)
        if number is None:
            return None
        matches = [a for a in spec["answers"] if a.get("value") is not None
                   and abs(number - a["value"]) <= a["tolerance"] + 1e-9]
        if matches:
            return max(matches, key=lambda a: a["fraction"])
        # As in Moodle, "any other number" counts only when no other answer matched.
        return next((a for a in spec["answers"] if a.get("value") is None), None)

    @classmethod
    def grade_spec(cls, spec, response):
        best = cls._best(spec, response)
        return clamp(best["fraction"]) if best else 0.0

    @classmethod
    def right_answer(cls, spec):
        best = max((a for a in spec["answers"] if a.get("value") is not None),
                   key=lambda a: a["fraction"], default=None)
        if best is None:
            return ""
        return f"{best['value']:g}" + (f" ± {best['tolerance']:g}" if best["tolerance"] else "")


class GapFillQuestion(Question):
    """A text with gaps in Moodle's cloze syntax: `{1:SHORTANSWER:=Rīga}` for a typed
    answer, `{1:MULTICHOICE:=Rīga~Tallina~Viļņa}` for a choice, `{1:NUMERICAL:=1918:0}`."""

    kind = "gap_fill"
    cloze_text = models.TextField(
        _("text with gaps"),
        help_text=_("e.g. Latvijas galvaspilsēta ir {1:MULTICHOICE:=Rīga~Tallina}."))
    ignore_diacritics = models.BooleanField(_("accept answers without diacritics"),
                                            default=False)

    panels = [*Question.base_panels, FieldPanel("cloze_text"), FieldPanel("ignore_diacritics"),
              FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("gap fill question")
        verbose_name_plural = _("gap fill questions")

    def clean(self):
        from django.core.exceptions import ValidationError

        try:
            _segments, gaps = parse_cloze(self.cloze_text)
        except ValueError as exc:
            raise ValidationError({"cloze_text": str(exc)}) from exc
        if not gaps:
            raise ValidationError({"cloze_text": _("Add at least one gap.")})

    def clean_stored_html(self) -> None:
        super().clean_stored_html()
        self.cloze_text = clean_cloze(self.cloze_text)

    def parts(self):
        segments, gaps = parse_cloze(self.cloze_text)
        return {"segments": segments, "gaps": gaps,
                "ignore_diacritics": self.ignore_diacritics}

    @classmethod
    def public_spec(cls, spec, *, dealer):
        gaps = []
        for gap in spec["gaps"]:
            public = {"kind": gap["kind"]}
            if gap["kind"] in ("choice", "multi"):
                # Options are shown by their text, sorted or shuffled: never in the author's
                # order, which usually starts with the right one.
                public["options"] = dealer.shuffle(sorted({a["text"] for a in gap["answers"]}))
            gaps.append(public)
        return {**super().public_spec(spec, dealer=dealer), "segments": spec["segments"],
                "gaps": gaps}

    @classmethod
    def _gap_answer(cls, spec, gap, given) -> dict | None:
        if not isinstance(given, str) or not given.strip():
            return None
        if gap["kind"] == "numerical":
            number = parse_number(given)
            matches = []
            for answer in gap["answers"]:
                value, _sep, tolerance = answer["text"].partition(":")
                target, margin = parse_number(value), parse_number(tolerance) or 0.0
                if number is not None and target is not None \
                        and abs(number - target) <= margin + 1e-9:
                    matches.append(answer)
            if number is not None and not matches:
                matches = [a for a in gap["answers"] if _is_any_other(a["text"])][:1]
        elif gap["kind"] == "choice":
            matches = [a for a in gap["answers"] if a["text"] == given]
        else:
            matches = [a for a in gap["answers"]
                       if match_text(a["text"], given, case_sensitive=gap["case_sensitive"],
                                     ignore_diacritics=spec.get("ignore_diacritics", False))]
        return max(matches, key=lambda a: a["fraction"]) if matches else None

    @classmethod
    def _gap_answers(cls, spec, gap, given) -> list[dict]:
        """The answers a gap's response earns: the best match, or in a tick-box gap each
        ticked answer (their credits add up, as in Moodle's MULTIRESPONSE)."""
        if gap["kind"] == "multi":
            ticked = {value for value in given if isinstance(value, str)} \
                if isinstance(given, list) else set()
            return [a for a in gap["answers"] if a["text"] in ticked]
        best = cls._gap_answer(spec, gap, given)
        return [best] if best else []

    @staticmethod
    def _given(response) -> dict:
        given = response.get("gaps") if isinstance(response, dict) else None
        return given if isinstance(given, dict) else {}

    @classmethod
    def grade_spec(cls, spec, response):
        given = cls._given(response)
        total = sum(gap["weight"] for gap in spec["gaps"]) or 1
        earned = 0.0
        for index, gap in enumerate(spec["gaps"]):
            picked = cls._gap_answers(spec, gap, given.get(str(index)))
            earned += gap["weight"] * clamp(sum(a["fraction"] for a in picked))
        return clamp(earned / total)

    @classmethod
    def valid_response(cls, spec, response):
        fields = fields_of(response, "gaps")
        if fields is None:
            return response is None
        given = fields.get("gaps", {})
        if not isinstance(given, dict):
            return False
        for key, value in given.items():
            if not (key.isascii() and key.isdigit() and str(int(key)) == key
                    and int(key) < len(spec["gaps"])):
                return False
            gap = spec["gaps"][int(key)]
            options = {a["text"] for a in gap["answers"]}
            if gap["kind"] == "multi":
                valid = isinstance(value, list) and all(
                    isinstance(v, str) and v in options for v in value)
            elif gap["kind"] == "choice":
                valid = value is None or (isinstance(value, str) and (value in options
                                                                     or value == ""))
            else:
                valid = value is None or (isinstance(value, str) and len(value) <= 500)
            if not valid:
                return False
        return True

    @classmethod
    def right_answer(cls, spec):
        rights = []
        for gap in spec["gaps"]:
            if gap["kind"] == "multi":
                rights.append(", ".join(a["text"] for a in gap["answers"] if a["fraction"] > 0))
                continue
            answers = [a for a in gap["answers"] if not (gap["kind"] == "numerical"
                                                         and _is_any_other(a["text"]))]
            best = max(answers, key=lambda a: a["fraction"], default=None)
            rights.append(best["text"].partition(":")[0] if best and gap["kind"] == "numerical"
                          else best["text"] if best else "")
        return "; ".join(rights)

    @classmethod
    def feedback(cls, spec, response):
        given = cls._given(response)
        notes = []
        for index, gap in enumerate(spec["gaps"]):
            notes += [a["feedback"] for a in cls._gap_answers(spec, gap, given.get(str(index)))
                      if a["feedback"]]
        return " ".join(notes)

    @classmethod
    def describe_response(cls, spec, response):
        given = cls._given(response)
        described = []
        for index in range(len(spec["gaps"])):
            value = given.get(str(index))
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            described.append(str(value) if value not in (None, "") else "-")
        return "; ".join(described)


class EssayQuestion(TypedText, Question):
    kind = "essay"
    manual_grading = True
    grader_info = models.TextField(_("information for graders"), blank=True)
    response_template = models.TextField(_("response template"), blank=True)

    panels = [*Question.base_panels, FieldPanel("grader_info"), FieldPanel("response_template"),
              FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("essay question")
        verbose_name_plural = _("essay questions")

    def parts(self):
        return {"grader_info": self.grader_info, "response_template": self.response_template}

    @classmethod
    def public_spec(cls, spec, *, dealer):
        return {**super().public_spec(spec, dealer=dealer),
                "response_template": spec.get("response_template", "")}

    @classmethod
    def grade_spec(cls, spec, response):
        return None
