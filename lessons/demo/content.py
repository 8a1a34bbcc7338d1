"""Small constructors for demo lesson bodies: each block is written once with its Latvian
original and English translation, and rendered into StreamField data for one language."""

from dataclasses import dataclass, field


@dataclass
class Lesson:
    slug: str
    title: tuple[str, str]
    intro: tuple[str, str]
    body: list
    minutes: int = 20
    required: bool = True


@dataclass
class Module:
    slug: str
    title: tuple[str, str]
    summary: tuple[str, str]
    lessons: list[Lesson] = field(default_factory=list)


def pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "lv" else pair[1]


def heading(lv: str, en: str) -> dict:
    return {"kind": "heading", "text": (lv, en)}


def text(lv: str, en: str) -> dict:
    return {"kind": "text", "text": (lv, en)}


def tip(lv: str, en: str, *, important: bool = False) -> dict:
    return {"kind": "callout", "text": (lv, en), "important": important}


def check(question: tuple[str, str], options: list[tuple[str, str, bool]],
          explanation: tuple[str, str]) -> dict:
    return {"kind": "self_check", "question": question, "options": options,
            "explanation": explanation}


def words(title: tuple[str, str], items: list[tuple[str, str, str, str, str]]) -> dict:
    """items: (Latvian term, part of speech, English, Russian, Ukrainian)."""
    return {"kind": "vocabulary", "title": title, "items": items}


def dialogue(title: tuple[str, str], lines: list[tuple[str, str, str]]) -> dict:
    """lines: (speaker, Latvian line, English translation)."""
    return {"kind": "dialogue", "title": title, "lines": lines}


def stream(body: list[dict], language: str) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    for block in body:
        kind = block["kind"]
        if kind == "heading":
            blocks.append(("heading", {"text": pick(block["text"], language), "level": "h2"}))
        elif kind == "text":
            blocks.append(("text", pick(block["text"], language)))
        elif kind == "callout":
            blocks.append(("callout", {"kind": "important" if block["important"] else "tip",
                                       "text": f"<p>{pick(block['text'], language)}</p>"}))
        elif kind == "self_check":
            blocks.append(("self_check", {
                "question": pick(block["question"], language),
                "options": [{"text": lv if language == "lv" else en, "correct": correct,
                             "feedback": ""} for lv, en, correct in block["options"]],
                "explanation": pick(block["explanation"], language)}))
        elif kind == "vocabulary":
            blocks.append(("vocabulary", {
                "title": pick(block["title"], language),
                "items": [{"term": term, "part_of_speech": pos, "translation_en": en,
                           "translation_ru": ru, "translation_uk": uk, "audio": None}
                          for term, pos, en, ru, uk in block["items"]]}))
        elif kind == "dialogue":
            blocks.append(("dialogue", {
                "title": pick(block["title"], language),
                "lines": [{"speaker": speaker, "line": line, "translation": translation,
                           "audio": None} for speaker, line, translation in block["lines"]]}))
    return blocks
