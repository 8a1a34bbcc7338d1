"""Attempts in progress when per-attempt ids came in still show the bank's positions as ids
(the right choice is usually 0, and ordering items' ids are their right places). This deals
them random tokens as a new attempt gets, and rewrites their saved responses to match.
Finished attempts keep positions: they are graded, and the code still reads that shape.

Self-contained on purpose: a migration must not change when the app's code does."""

import secrets

from django.db import migrations

# kind → (the list in the spec, the list in what the learner is shown)
LISTS = {"single_choice": ("choices", "choices"), "multiple_choice": ("choices", "choices"),
         "matching": ("pairs", "items"), "ordering": ("items", "items")}


def _tokens(count):
    tokens = []
    while len(tokens) < count:
        token = "k" + secrets.token_hex(5)
        if token not in tokens:
            tokens.append(token)
    return tokens


def _token(ids, value):
    """The token of the entry an old position id named; None when it named nothing."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(ids):
        return ids[value]
    return None


def _tokens_of(ids, raw):
    return [_token(ids, value) for value in raw] if isinstance(raw, list) else []


def _response(kind, ids, response):
    if not isinstance(response, dict):
        return response
    if kind == "single_choice":
        token = _token(ids, response.get("choice"))
        return {"choice": token} if token else {}
    if kind == "multiple_choice":
        return {"choices": [t for t in dict.fromkeys(_tokens_of(ids, response.get("choices")))
                            if t]}
    if kind == "matching":
        raw = response.get("pairs")
        pairs = {_token(ids, key): value for key, value in
                 (raw.items() if isinstance(raw, dict) else []) if isinstance(value, str)}
        pairs.pop(None, None)
        return {"pairs": pairs}
    order = _tokens_of(ids, response.get("order"))
    return {"order": order} if order and None not in order \
        and len(set(order)) == len(order) else {}


def deal_tokens(apps, schema_editor):
    AttemptAnswer = apps.get_model("quizzes", "AttemptAnswer")
    answers = AttemptAnswer.objects.filter(attempt__state="in_progress",
                                           spec__kind__in=list(LISTS))
    changed = []
    for answer in answers.iterator(chunk_size=500):
        kind = answer.spec["kind"]
        if answer.spec.get("ids"):
            continue
        spec_list, public_list = LISTS[kind]
        ids = _tokens(len(answer.spec[spec_list]))
        answer.spec = {**answer.spec, "ids": ids}
        answer.public = {**answer.public, public_list: [
            {**entry, "id": _token(ids, entry["id"])}
            for entry in answer.public[public_list]]}
        answer.response = _response(kind, ids, answer.response)
        changed.append(answer)
    AttemptAnswer.objects.bulk_update(changed, ["spec", "public", "response"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("quizzes", "0003_numerical_any_other_answer"),
    ]

    operations = [
        migrations.RunPython(deal_tokens, migrations.RunPython.noop),
    ]
