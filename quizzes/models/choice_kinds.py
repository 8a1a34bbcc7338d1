"""Kinds where the learner picks: single and multiple choice, true/false, matching,
ordering. Each grades a frozen `spec`, so a finished attempt keeps its grade."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from quizzes.models.questions import (
    AnswerBlock,
    PairBlock,
    Question,
    clamp,
)


class _ChoiceQuestionBase(Question):
    """Shared by single and multiple choice."""

    choices = StreamField([("choice", AnswerBlock())], verbose_name=_("choices"),
                          min_num=2)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)

    class Meta:
        abstract = True

    def parts(self) -> dict:
        return {"shuffle": self.shuffle_choices,
                "choices": [{"text": b.value["text"], "fraction": float(b.value["fraction"]),
                             "feedback": b.value["feedback"] or ""} for b in self.choices]}

    @classmethod
    def public_spec(cls, spec, *, shuffle):
        order = list(range(len(spec["choices"])))
        if spec.get("shuffle", True):
            order = shuffle(order)
        return {**super().public_spec(spec, shuffle=shuffle),
                "choices": [{"id": i, "text": spec["choices"][i]["text"]} for i in order]}

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
        if isinstance(choice, str) and choice.isdigit():
            choice = int(choice)
        if isinstance(choice, int) and 0 <= choice < len(spec["choices"]):
            return [choice]
        return []

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
        picked = []
        for value in raw:
            if isinstance(value, str) and value.isdigit():
                value = int(value)
            if isinstance(value, int) and 0 <= value < len(spec["choices"]) \
                    and value not in picked:
                picked.append(value)
        return sorted(picked)

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

    def parts(self):
        return {"correct": self.correct_answer, "feedback_true": self.feedback_true,
                "feedback_false": self.feedback_false}

    @staticmethod
    def _value(response):
        value = response.get("value") if isinstance(response, dict) else None
        return {"true": True, "false": False, True: True, False: False}.get(value)

    @classmethod
    def grade_spec(cls, spec, response):
        return 1.0 if cls._value(response) is spec["correct"] else 0.0

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
    def public_spec(cls, spec, *, shuffle):
        items = cls._items(spec)
        if spec.get("shuffle", True):
            items = shuffle(items)
        return {**super().public_spec(spec, shuffle=shuffle),
                "items": [{"id": i, "text": spec["pairs"][i]["item"]} for i in items],
                "options": cls._options(spec)}

    @staticmethod
    def _given(response) -> dict:
        given = response.get("pairs") if isinstance(response, dict) else None
        return given if isinstance(given, dict) else {}

    @classmethod
    def grade_spec(cls, spec, response):
        items = cls._items(spec)
        given = cls._given(response)
        right = sum(1 for i in items if given.get(str(i)) == spec["pairs"][i]["answer"])
        return right / len(items) if items else 0.0

    @classmethod
    def right_answer(cls, spec):
        return "; ".join(f"{spec['pairs'][i]['item']} → {spec['pairs'][i]['answer']}"
                         for i in cls._items(spec))

    @classmethod
    def describe_response(cls, spec, response):
        given = cls._given(response)
        return "; ".join(f"{spec['pairs'][i]['item']} → {given.get(str(i), '-')}"
                         for i in cls._items(spec))


class OrderingQuestion(Question):
    """Items are written in the right order; learners see them shuffled. Credit is the share
    of items in their right place."""

    kind = "ordering"
    items = StreamField([("item", blocks.CharBlock(label=_("item"), max_length=500))],
                        verbose_name=_("items in the right order"), min_num=2)

    panels = [*Question.base_panels, FieldPanel("items"), FieldPanel("general_feedback")]

    class Meta:
        verbose_name = _("ordering question")
        verbose_name_plural = _("ordering questions")

    def parts(self):
        return {"items": [str(b.value) for b in self.items]}

    @classmethod
    def public_spec(cls, spec, *, shuffle):
        order = list(range(len(spec["items"])))
        shuffled = shuffle(order)
        if shuffled == order and len(order) > 1:
            shuffled = order[1:] + order[:1]
        return {**super().public_spec(spec, shuffle=shuffle),
                "items": [{"id": i, "text": spec["items"][i]} for i in shuffled]}

    @staticmethod
    def _order(spec, response) -> list[int]:
        raw = response.get("order") if isinstance(response, dict) else None
        if not isinstance(raw, list):
            return []
        try:
            return [int(value) for value in raw]
        except (TypeError, ValueError):
            return []

    @classmethod
    def grade_spec(cls, spec, response):
        order = cls._order(spec, response)
        n = len(spec["items"])
        if sorted(order) != list(range(n)):
            return 0.0
        return sum(1 for position, item in enumerate(order) if position == item) / n

    @classmethod
    def right_answer(cls, spec):
        return " → ".join(spec["items"])

    @classmethod
    def describe_response(cls, spec, response):
        order = cls._order(spec, response)
        return " → ".join(spec["items"][i] for i in order if 0 <= i < len(spec["items"]))
