"""Reading a learner's answers from a plain HTML form (the quiz works without JavaScript),
and the teacher's grading form."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _


def field_name(position: int, part: object | None = None) -> str:
    return f"q{position}" if part is None else f"q{position}-{part}"


def _rank(raw: str, count: int) -> int | None:
    """A rank the learner chose, 1..count; None for anything else (never an error)."""
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= count:
        return int(raw)
    return None


def _id(ids: dict, value: str):
    """The shown id a posted value stands for; an unknown value is passed on as it came,
    for saving to refuse with a message."""
    return ids.get(value, value)


def seen_versions(data, positions) -> dict[int, int]:
    """The version of each question's saved answer the page was drawn with (an old page
    without it is not checked)."""
    seen = {}
    for position in positions:
        raw = data.get(f"{field_name(position)}-seen", "")
        if raw.isascii() and raw.isdigit():
            seen[position] = int(raw)
    return seen


def response_from_post(answer_public: dict, position: int, data) -> dict | None:
    """The response dict for one question from POST data; None when the form did not carry
    the question at all (so a partial form never wipes a saved answer). The marker comes
    after the question's inputs in the page, and must be whole ("1"): a body cut anywhere
    inside a question, even one whose length was made to match, leaves it untouched."""
    kind = answer_public["kind"]
    name = field_name(position)
    if data.get(f"{name}-present") != "1":
        return None
    if kind in ("single_choice", "multiple_choice"):
        # Ids are matched as the form wrote them, so old numeric ids still read back.
        ids = {str(choice["id"]): choice["id"] for choice in answer_public["choices"]}
        if kind == "single_choice":
            value = data.get(name, "")
            return {"choice": _id(ids, value)} if value else {}
        return {"choices": [_id(ids, value) for value in data.getlist(name) if value]}
    if kind == "true_false":
        value = data.get(name, "")
        return {"value": value == "true"} if value in ("true", "false") else {}
    if kind in ("short_answer", "numerical", "essay"):
        return {"text": data.get(name, "")[:10_000]}
    if kind == "matching":
        return {"pairs": {str(item["id"]): data.get(field_name(position, item["id"]), "")
                          for item in answer_public["items"]
                          if data.get(field_name(position, item["id"]), "")}}
    if kind == "gap_fill":
        gaps = {}
        for index, gap in enumerate(answer_public["gaps"]):
            gap_name = field_name(position, f"g{index}")
            if gap["kind"] == "multi":
                if ticked := [value for value in data.getlist(gap_name) if value]:
                    gaps[str(index)] = ticked
            elif value := data.get(gap_name, ""):
                gaps[str(index)] = value[:500]
        return {"gaps": gaps}
    if kind == "ordering":
        count = len(answer_public["items"])
        ranks = []
        for shown, item in enumerate(answer_public["items"]):
            rank = _rank(data.get(field_name(position, item["id"]), ""), count)
            # Unranked items keep the order they were shown in, after the ranked ones.
            ranks.append((rank if rank is not None else count + shown + 1, shown, item["id"]))
        return {"order": [item_id for _rank, _shown, item_id in sorted(ranks)]}
    return None


class GradeForm(forms.Form):
    mark = forms.DecimalField(label=_("Mark"), min_value=Decimal(0), decimal_places=2)
    comment = forms.CharField(label=_("Comment for the learner"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, max_mark: Decimal | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if max_mark is not None:
            self.fields["mark"].max_value = max_mark
            self.fields["mark"].validators.append(MaxValueValidator(max_mark))
            self.fields["mark"].help_text = _("From 0 to %(max)s") % {"max": max_mark}
