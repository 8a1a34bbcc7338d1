"""The question bank: categories that nest, and the kinds of question, each grading a
response itself. A question is turned into a plain `spec` dict when an attempt starts; an
attempt grades against that frozen spec, so later edits to the bank leave it unchanged."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from polymorphic.models import PolymorphicModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.rich_text import expand_db_html

from cms.html import clean_html, clean_pieces

if TYPE_CHECKING:
    from quizzes.models.ids import Dealer


class QuestionCategory(models.Model):
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Latvijas valsts"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children", verbose_name=_("parent category"))
    info = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("parent"), FieldPanel("info")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        constraints = [models.UniqueConstraint(fields=["parent", "name"],
                                               name="quizzes_category_unique_name")]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        names, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name)
            node = node.parent
        return " / ".join(reversed(names))

    def descendant_ids(self) -> list[int]:
        """This category and all below it; categories are few, so one query for all."""
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in QuestionCategory.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, todo = [], [self.pk]
        while todo:
            pk = todo.pop()
            if pk in found:
                continue
            found.append(pk)
            todo += children.get(pk, [])
        return found


def _fraction_block(default: Decimal = Decimal(0)) -> blocks.DecimalBlock:
    return blocks.DecimalBlock(
        label=_("credit"), default=default, min_value=-1, max_value=1, decimal_places=5,
        help_text=_("Share of the mark, from -1 to 1; e.g. 1 for right, 0.5 for half, "
                    "-0.25 as a penalty"))


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=500)
    fraction = _fraction_block(Decimal(1))
    feedback = blocks.CharBlock(label=_("feedback"), required=False, max_length=500)


class NumericalAnswerBlock(blocks.StructBlock):
    # Empty is Moodle's `*`: any number no other answer matches, usually to give feedback.
    value = blocks.DecimalBlock(label=_("value"), required=False, decimal_places=6,
                                help_text=_("Leave empty for “any other number”, e.g. to give "
                                            "feedback on every wrong answer"))
    tolerance = blocks.DecimalBlock(label=_("tolerance"), default=Decimal(0), min_value=0,
                                    decimal_places=6, help_text=_("e.g. 0.5 accepts 9.5 to 10.5"))
    fraction = _fraction_block(Decimal(1))
    feedback = blocks.CharBlock(label=_("feedback"), required=False, max_length=500)


class PairBlock(blocks.StructBlock):
    item = blocks.CharBlock(label=_("item"), required=False, max_length=500,
                            help_text=_("Leave empty for an extra wrong answer"))
    answer = blocks.CharBlock(label=_("matches"), max_length=500)


def _decimal(value, default: Decimal = Decimal(0)) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return default


def clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def strip_diacritics(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFD", text)
                   if unicodedata.category(char) != "Mn")


def parse_number(text) -> float | None:
    """Learners type 3,5 as often as 3.5."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return float(text)
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


# What the editor offers for question text and feedback: only what cms.html keeps, so a
# teacher is not shown markup (a media embed, a heading level) the learner's page would drop.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "image",
                      "superscript", "subscript"]


class Question(PolymorphicModel):
    """Fields every kind has. `kind` is the key of a concrete kind (see KINDS)."""

    kind = ""
    manual_grading = False
    # The list in a spec whose entries the learner picks by id (see quizzes.models.ids).
    picks_from = ""

    category = models.ForeignKey(QuestionCategory, on_delete=models.PROTECT,
                                 related_name="questions", verbose_name=_("category"))
    name = models.CharField(_("name"), max_length=200,
                            help_text=_("For teachers; e.g. Capital of Latvia"))
    text = RichTextField(_("question text"), blank=True, features=RICH_TEXT_FEATURES)
    default_mark = models.DecimalField(_("default mark"), max_digits=6, decimal_places=2,
                                       default=Decimal(1))
    general_feedback = RichTextField(_("general feedback"), blank=True,
                                     features=RICH_TEXT_FEATURES,
                                     help_text=_("Shown after the attempt whatever the answer"))
    language = models.CharField(_("language"), max_length=8, blank=True,
                                choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_panels = [FieldPanel("category"), FieldPanel("name"), FieldPanel("text"),
                   FieldPanel("default_mark"), FieldPanel("language")]

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.CheckConstraint(condition=models.Q(default_mark__gte=0),
                                              name="quizzes_question_mark_not_negative")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:  # Model.save's own arguments
        # Here, not in a form: the admin, the importers and any later writer all save
        # through this, so no HTML reaches the bank uncleaned.
        self.clean_stored_html()
        super().save(*args, **kwargs)

    def clean_stored_html(self) -> None:
        """Every field a page shows as HTML, through cms.html's one allow-list. Each kind
        adds its own (choices, feedback, cloze text); texts shown as text stay as written,
        since learners' answers are compared with them."""
        self.text = clean_html(self.text)
        self.general_feedback = clean_html(self.general_feedback)

    # --- the frozen form an attempt keeps -------------------------------------------------
    def spec(self) -> dict:
        return {"id": self.pk, "kind": self.kind, "name": self.name,
                "text": expand_db_html(self.text),
                "general_feedback": expand_db_html(self.general_feedback),
                "mark": float(self.default_mark), **self.parts()}

    def parts(self) -> dict:
        return {}

    def grade(self, response) -> float | None:
        """The fraction (0..1) of the mark this response earns; None when a teacher grades."""
        from quizzes.models.kinds import grade_spec

        return grade_spec(self.spec(), response)

    # Class-level rules that work on a spec, so a frozen attempt grades the same way.
    @classmethod
    def grade_spec(cls, spec: dict, response) -> float | None:
        # Every kind defines its own (quizzes.models.kinds refuses one that does not, at
        # import). NotImplementedError is not among the errors grading forgives as bad
        # input, so a kind's mistake fails loudly instead of grading as 0.
        raise NotImplementedError(f"{cls.__name__} does not define grade_spec()")

    @classmethod
    def deal(cls, spec: dict, dealer: "Dealer") -> tuple[dict, dict]:
        """For a new attempt: the spec it keeps (with the tokens of the entries the learner
        picks from) and what the learner is shown."""
        if cls.picks_from:
            spec = {**spec, "ids": dealer.tokens(len(spec[cls.picks_from]))}
        return spec, cls.public_spec(spec, dealer=dealer)

    @classmethod
    def public_spec(cls, spec: dict, *, dealer: "Dealer") -> dict:
        """What the learner may see while answering: no credit, no feedback, and entries
        named by ids that say nothing of the answer."""
        return {"kind": spec["kind"], "text": spec["text"], "mark": spec["mark"]}

    @classmethod
    def valid_response(cls, spec: dict, response) -> bool:
        """Whether a response has the shape this kind reads. Checked when it is saved, so
        bad input is refused there with a message rather than failing when graded."""
        return response in (None, {})

    @classmethod
    def right_answer(cls, spec: dict) -> str:
        return ""

    @classmethod
    def feedback(cls, spec: dict, response) -> str:
        return ""

    @classmethod
    def describe_response(cls, spec: dict, response) -> str:
        return "" if response in (None, {}) else str(response)


def clean_blocks(stream, *keys: str) -> None:
    """The HTML parts of a StreamField's struct blocks (a choice's text and feedback)."""
    for block in stream:
        for key in keys:
            if isinstance(block.value.get(key), str):
                block.value[key] = clean_html(block.value[key])


def fields_of(response, *keys: str) -> dict | None:
    """The response as a dict when it has no other keys than these; None otherwise."""
    if isinstance(response, dict) and set(response) <= set(keys):
        return response
    return None


def valid_text_response(response, max_chars: int = 10_000) -> bool:
    fields = fields_of(response, "text")
    return fields is not None and (fields.get("text") is None or (
        isinstance(fields["text"], str) and len(fields["text"]) <= max_chars))


def match_text(answer: str, given: str, *, case_sensitive: bool,
               ignore_diacritics: bool) -> bool:
    """`*` in an accepted answer stands for any text, as in Moodle."""
    given = " ".join(given.split())
    answer = " ".join(answer.split())
    if ignore_diacritics:
        given, answer = strip_diacritics(given), strip_diacritics(answer)
    pattern = ".*".join(re.escape(part) for part in answer.split("*"))
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.fullmatch(pattern, given, flags) is not None


CLOZE_GAP = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")


_GAP_FEEDBACK = re.compile(r"(?<!\\)#((?:\\.|[^\\~])*)")


def _clean_gap(match: re.Match) -> str:
    """A gap's answers are shown as text, its feedback as HTML: only the feedback is
    cleaned, so the answers are matched as the author wrote them."""
    body = _GAP_FEEDBACK.sub(lambda m: "#" + clean_html(m.group(1)), match.group(3))
    return f"{{{match.group(1)}:{match.group(2)}:{body}}}"


def clean_cloze(text: str) -> str:
    """Cloze text is HTML around gaps in Moodle's syntax. The text around the gaps is
    cleaned as one piece of HTML (cms.html.clean_pieces), the gaps are kept where they
    were, with only their feedback cleaned."""
    gaps = list(CLOZE_GAP.finditer(text or ""))
    if not gaps:
        return clean_html(text)
    around = CLOZE_GAP.split(text)[::4]  # split() also returns each gap's three groups
    pieces = clean_pieces(around)
    out = [pieces[0]]
    for gap, piece in zip(gaps, pieces[1:], strict=True):
        out += [_clean_gap(gap), piece]
    return "".join(out)


def parse_cloze_answers(body: str) -> list[dict]:
    """`=right#feedback~%50%half~wrong` → answers with their credit (Moodle's syntax)."""
    answers = []
    for part in re.split(r"(?<!\\)~", body):
        if not part:
            continue
        fraction = 0.0
        if part.startswith("="):
            fraction, part = 1.0, part[1:]
        elif match := re.match(r"%(-?\d+(?:\.\d+)?)%", part):
            fraction, part = float(match.group(1)) / 100, part[match.end():]
        text, _sep, feedback = part.partition("#")
        unescape = lambda s: re.sub(r"\\(.)", r"\1", s).strip()  # noqa: E731
        answers.append({"text": unescape(text), "fraction": fraction,
                        "feedback": unescape(feedback)})
    return answers


def parse_cloze(text: str) -> tuple[list[str], list[dict]]:
    """Splits Moodle cloze text into the text around the gaps and the gaps themselves."""
    segments, gaps, position = [], [], 0
    for match in CLOZE_GAP.finditer(text):
        segments.append(text[position:match.start()])
        kind_code = match.group(2).upper()
        if kind_code in ("MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
                         "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS",
                         "MCHS"):
            kind = "choice"
        elif kind_code in ("MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S",
                           "MRS", "MULTIRESPONSE_HS", "MRHS"):
            kind = "multi"  # tick boxes: each ticked answer adds its credit
        elif kind_code in ("NUMERICAL", "NM"):
            kind = "numerical"
        elif kind_code in ("SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"):
            kind = "text"
        else:
            raise ValueError(gettext("Unsupported type of gap: %(type)s") % {"type": kind_code})
        gaps.append({"kind": kind, "code": kind_code,
                     "case_sensitive": kind_code in ("SHORTANSWER_C", "SAC", "MWC"),
                     "weight": int(match.group(1) or 1),
                     "answers": parse_cloze_answers(match.group(3))})
        position = match.end()
    segments.append(text[position:])
    return segments, gaps
