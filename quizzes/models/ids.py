"""What a learner is shown of the entries they pick from (choices, items to order or match)
must say nothing of the answer: authors usually write the right choice first and ordering
items in their right order, so an entry's position in the bank is a give-away.

An attempt therefore deals each entry a random token when it starts. The token is all the
form and the API ever show of the entry, and the learner's responses name entries by it;
the attempt's frozen spec keeps, under `ids`, the token of each entry in the author's order,
so grading maps a token back to its entry. A spec without `ids` (a bank question graded
directly, or an attempt started before tokens) names entries by their position."""

import random
import secrets


def new_tokens(count: int) -> list[str]:
    """Distinct random tokens; the leading letter keeps them from ever reading as numbers."""
    tokens: list[str] = []
    while len(tokens) < count:
        token = "k" + secrets.token_hex(5)
        if token not in tokens:
            tokens.append(token)
    return tokens


class Dealer:
    """Deals one attempt's questions: the order entries are shown in and their tokens."""

    def __init__(self, rng: random.Random, *, shuffle_choices: bool):
        self.rng = rng
        self.shuffle_choices = shuffle_choices

    def shuffle(self, items: list) -> list:
        """Shuffled when the quiz shuffles choices; otherwise in the author's order."""
        return self.rng.sample(items, len(items)) if self.shuffle_choices else list(items)

    def permute(self, items: list) -> list:
        """Always shuffled and never left in the given order (for ordering questions, where
        the given order is the answer), whatever the quiz's setting."""
        items = list(items)
        if len(items) < 2:
            return items
        while True:
            shuffled = self.rng.sample(items, len(items))
            if shuffled != items:
                return shuffled

    def tokens(self, count: int) -> list[str]:
        return new_tokens(count)


def id_of(spec: dict, index: int) -> str | int:
    """The id the learner sees for the entry at `index` (its position in an old spec)."""
    ids = spec.get("ids")
    return ids[index] if ids else index


def index_of(spec: dict, value: object, count: int) -> int | None:
    """The position of the entry a learner's id names; None for anything else. Never
    raises, whatever was stored: a malformed response earns nothing, it does not crash."""
    ids = spec.get("ids")
    if ids:
        if isinstance(value, str) and value in ids:
            return ids.index(value)
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count:
        return value
    return None
