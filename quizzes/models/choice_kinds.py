"""Kinds where the learner picks: single and multiple choice, true/false, matching,
ordering. Each grades a frozen `spec`, so a finished attempt keeps its grade."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from cms.html import clean_html
from quizzes.models.ids import id_of, index_of
from quizzes.models.questions import (
    AnswerBlock,
    PairBlock,
    Question,
    clamp,
    clean_blocks,
    fields_of,
)


class _ChoiceQuestionBase(Question):
    """Shared by single and multiple choice."""

    choices = StreamField([("choice", AnswerBlock())], verbose_name=_("choices"),
                          min_num=2)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)

    picks_from = "choices"

    class Meta:
        abstract = True

    def clean_stored_html(self) -> None:
        super().clean_stored_html()
        clean_blocks(self.choices, "text", "feedback")

    def parts(self) -> dict:
        return {"shuffle": self.shuffle_choices,
                "choices": [{"text": b.value["text"], "fraction": float(b.value["fraction"]),
                             "feedback": b.value["feedback"] or ""} for b in self.choices]}

    @classmethod
    def public_spec(cls, spec, *, dealer):
        order = list(range(len(spec["choices"])))
        if spec.get("shuffle", True):
            order = dealer.shuffle(order)
        return {**super().public_spec(spec, dealer=dealer),
                "choices": [{"id": id_of(spec, i), "text": spec["choices"][i]["text"]}
                            for i in order]}

    @classmethod
    def right_answer(cls, spec):
        return "; ".join(c["text"] for c in spec["choices"] if c["fraction"] > 0)

    @classmethod
    def _picked(cls, spec, response) -> list[int]:
        # Each choice kind reads its own response shape; see the subclasses.
        raise TypeError(f"{cls.__name__} does not define _picked()")

    @classmethod
    def feedback(cls, spec, response):
        picked = cls._picked(spec, response)
        return " ".join(spec["choices"][i]["feedback"] for i in picked
                        if spec["choices"][i]["feedback"])

    @classmethod
    def describe_response(cls, spec, response):
        return "; ".join(spec["choices"][i]["text"] for i in cls._picked(spec, response))


class SingleChoiceQuestion(_ChoiceQuestionBase):
    kind = "single_choice"
    panels = [*Question.base_panels, FieldPanel("choices"), FieldPanel("shuffle_choices"),
              FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("single choice question")
        verbose_name_plural = _("single choice questions")

    @classmethod
    def _picked(cls, spec, response):
        choice = response.get("choice") if isinstance(response, dict) else None
        index = index_of(spec, choice, len(spec["choices"]))
        return [] if index is None else [index]

    @classmethod
    def valid_response(cls, spec, response):
        fields = fields_of(response, "choice")
        if fields is None:
            return response is None
        choice = fields.get("choice")
        return choice is None or index_of(spec, choice, len(spec["choices"])) is not None

    @classmethod
    def grade_spec(cls, spec, response):
        picked = cls._picked(spec, response)
        return clamp(spec["choices"][picked[0]]["fraction"]) if picked else 0.0


class MultipleChoiceQuestion(_ChoiceQuestionBase):
    """Partial credit: each right pick adds its share, each wrong pick takes its penalty;
    the total never goes below 0."""

    kind = "multiple_choice"
    panels = SingleChoiceQuestion.panels

    class Meta:
        verbose_name = _("multiple choice question")
        verbose_name_plural = _("multiple choice questions")

    @classmethod
    def _picked(cls, spec, response):
        raw = response.get("choices") if isinstance(response, dict) else None
        if not isinstance(raw, list):
            return []
        picked = {index_of(spec, value, len(spec["choices"])) for value in raw
                  if isinstance(value, str | int)}
        return sorted(picked - {None})

    @classmethod
    def valid_response(cls, spec, response):
        fields = fields_of(response, "choices")
        if fields is None:
            return response is None
        raw = fields.get("choices", [])
        return isinstance(raw, list) and len(raw) <= len(spec["choices"]) and all(
            index_of(spec, value, len(spec["choices"])) is not None for value in raw)

    @classmethod
    def grade_spec(cls, spec, response):
        return clamp(sum(spec["choices"][i]["fraction"] for i in cls._picked(spec, response)))


class TrueFalseQuestion(Question):
    kind = "true_false"
    correct_answer = models.BooleanField(_("the statement is true"), default=True)
    feedback_true = models.CharField(_("feedback for “true”"), max_length=500, blank=True)
    feedback_false = models.CharField(_("feedback for “false”"), max_length=500, blank=True)

    panels = [*Question.base_panels, FieldPanel("correct_answer"), FieldPanel("feedback_true"),
              FieldPanel("feedback_false"), FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("true/false question")
        verbose_name_plural = _("true/false questions")

    def clean_stored_html(self) -> None:
        super().clean_stored_html()
        self.feedback_true = clean_html(self.feedback_true)
        self.feedback_false = clean_html(self.feedback_false)

    def parts(self):
        return {"correct": self.correct_answer, "feedback_true": self.feedback_true,
                "feedback_false": self.feedback_false}

    @staticmethod
    def _value(response):
        value = response.get("value") if isinstance(response, dict) else None
        if not isinstance(value, str | bool):
            return None
        return {"true": True, "false": False, True: True, False: False}.get(value)

    @classmethod
    def grade_spec(cls, spec, response):
        return 1.0 if cls._value(response) is spec["correct"] else 0.0

    @classmethod
    def valid_response(cls, spec, response):
        fields = fields_of(response, "value")
        if fields is None:
            return response is None
        return fields.get("value") is None or cls._value(fields) is not None

    @classmethod
    def right_answer(cls, spec):
        return str(_("True") if spec["correct"] else _("False"))

    @classmethod
    def feedback(cls, spec, response):
        value = cls._value(response)
        return "" if value is None else spec["feedback_true" if value else "feedback_false"]

    @classmethod
    def describe_response(cls, spec, response):
        value = cls._value(response)
        return "" if value is None else str(_("True") if value else _("False"))


class MatchingQuestion(Question):
    kind = "matching"
    picks_from = "pairs"
    pairs = StreamField([("pair", PairBlock())], verbose_name=_("pairs"), min_num=2)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)

    panels = [*Question.base_panels, FieldPanel("pairs"), FieldPanel("shuffle_choices"),
              FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("matching question")
        verbose_name_plural = _("matching questions")

    def parts(self):
        return {"shuffle": self.shuffle_choices,
                "pairs": [{"item": b.value["item"] or "", "answer": b.value["answer"]}
                          for b in self.pairs]}

    @staticmethod
    def _items(spec):
        return [i for i, pair in enumerate(spec["pairs"]) if pair["item"]]

    @staticmethod
    def _options(spec):
        return sorted({pair["answer"] for pair in spec["pairs"]})

    @classmethod
    def public_spec(cls, spec, *, dealer):
        items = cls._items(spec)
        if spec.get("shuffle", True):
            items = dealer.shuffle(items)
        return {**super().public_spec(spec, dealer=dealer),
                "items": [{"id": id_of(spec, i), "text": spec["pairs"][i]["item"]}
                          for i in items],
                "options": cls._options(spec)}

    @staticmethod
    def _given(response) -> dict:
        given = response.get("pairs") if isinstance(response, dict) else None
        return given if isinstance(given, dict) else {}

    @classmethod
    def _given_for(cls, spec, given: dict, index: int):
        return given.get(str(id_of(spec, index)))

    @classmethod
    def grade_spec(cls, spec, response):
        items = cls._items(spec)
        given = cls._given(response)
        right = sum(1 for i in items
                    if cls._given_for(spec, given, i) == spec["pairs"][i]["answer"])
        return right / len(items) if items else 0.0

    @classmethod
    def valid_response(cls, spec, response):
        fields = fields_of(response, "pairs")
        if fields is None:
            return response is None
        given = fields.get("pairs", {})
        if not isinstance(given, dict):
            return False
        items, options = set(cls._items(spec)), set(cls._options(spec))
        return all(index_of(spec, key, len(spec["pairs"])) in items
                   and (value is None or (isinstance(value, str) and (value in options
                                                                     or value == "")))
                   for key, value in given.items())

    @classmethod
    def right_answer(cls, spec):
        return "; ".join(f"{spec['pairs'][i]['item']} → {spec['pairs'][i]['answer']}"
                         for i in cls._items(spec))

    @classmethod
    def describe_response(cls, spec, response):
        given = cls._given(response)
        return "; ".join(f"{spec['pairs'][i]['item']} → {cls._given_for(spec, given, i) or '-'}"
                         for i in cls._items(spec))


class OrderingQuestion(Question):
    """Items are written in the right order; learners see them shuffled. Credit is the share
    of items in their right place."""

    kind = "ordering"
    picks_from = "items"
    items = StreamField([("item", blocks.CharBlock(label=_("item"), max_length=500))],
                        verbose_name=_("items in the right order"), min_num=2)

    panels = [*Question.base_panels, FieldPanel("items"), FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("ordering question")
        verbose_name_plural = _("ordering questions")

    def parts(self):
        return {"items": [str(b.value) for b in self.items]}

    @classmethod
    def public_spec(cls, spec, *, dealer):
        # Shown in a random order even when the quiz keeps choices in the author's order:
        # here the author's order is the answer.
        shuffled = dealer.permute(list(range(len(spec["items"]))))
        return {**super().public_spec(spec, dealer=dealer),
                "items": [{"id": id_of(spec, i), "text": spec["items"][i]} for i in shuffled]}

    @staticmethod
    def _order(spec, response) -> list[int | None]:
        """The positions of the items in the learner's order; None for an unknown id."""
        raw = response.get("order") if isinstance(response, dict) else None
        if not isinstance(raw, list):
            return []
        return [index_of(spec, value, len(spec["items"])) for value in raw]

    @classmethod
    def grade_spec(cls, spec, response):
        order = cls._order(spec, response)
        n = len(spec["items"])
        if None in order or sorted(order) != list(range(n)):
            return 0.0
        return sum(1 for position, item in enumerate(order) if position == item) / n

    @classmethod
    def valid_response(cls, spec, response):
        fields = fields_of(response, "order")
        if fields is None:
            return response is None
        raw = fields.get("order", [])
        if not isinstance(raw, list) or len(raw) > len(spec["items"]):
            return False
        order = cls._order(spec, fields)
        return None not in order and len(set(order)) == len(order)

    @classmethod
    def right_answer(cls, spec):
        return " → ".join(spec["items"])

    @classmethod
    def describe_response(cls, spec, response):
        order = cls._order(spec, response)
        return " → ".join(spec["items"][i] for i in order if i is not None)
