"""Reading a learner's answers from a plain HTML form (the quiz works without JavaScript),
and the teacher's grading form."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _


def field_name(position: int, part: object | None = None) -> str:
    return f"q{position}" if part is None else f"q{position}-{part}"


def response_from_post(answer_public: dict, position: int, data) -> dict | None:
    """The response dict for one question from POST data; None when the form did not carry
    the question at all (so a partial form never wipes a saved answer)."""
    kind = answer_public["kind"]
    name = field_name(position)
    if f"{name}-present" not in data:
        return None
    if kind == "single_choice":
        value = data.get(name, "")
        return {"choice": int(value)} if value.isdigit() else {}
    if kind == "multiple_choice":
        return {"choices": sorted(int(v) for v in data.getlist(name) if v.isdigit())}
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
        return {"gaps": {str(i): data.get(field_name(position, f"g{i}"), "")[:500]
                         for i in range(len(answer_public["gaps"]))
                         if data.get(field_name(position, f"g{i}"), "")}}
    if kind == "ordering":
        ranks = []
        for shown, item in enumerate(answer_public["items"]):
            raw = data.get(field_name(position, item["id"]), "")
            rank = int(raw) if raw.isdigit() else len(answer_public["items"]) + shown + 1
            ranks.append((rank, shown, item["id"]))
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
