"""Every place that marks text as safe HTML is listed, with why, in safe_allowlist.txt:
a new `|safe`, `mark_safe`, `format_html`, `SafeString(` or `autoescape off` fails here
until someone has justified it (and an entry whose line is gone fails too)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "attendance", "certificates", "cms", "courses", "lessons", "organisations",
        "quizzes", "reports"]
MARKERS = re.compile(r"\|\s*safe(?:seq)?\b|mark_safe\(|format_html\(|SafeString\(|"
                     r"autoescape\s+off|filter\s+safe")


def uses() -> set[tuple[str, str]]:
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*"):
            if path.suffix not in (".py", ".html", ".txt", ".xml") or "migrations" in path.parts:
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                code = line.split("#", 1)[0] if path.suffix == ".py" else line
                if MARKERS.search(code) and not code.lstrip().startswith(('"""', "from ")):
                    found.add((str(path.relative_to(ROOT)), line.strip()))
    return found


def allowed() -> set[tuple[str, str]]:
    entries = set()
    for line in (Path(__file__).parent / "safe_allowlist.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            path, code, why = (part.strip() for part in line.split(" | ", 2))
            assert why, f"no justification for {path}: {code}"
            entries.add((path, code))
    return entries


def test_every_use_of_safe_html_is_justified():
    unlisted = uses() - allowed()
    assert not unlisted, f"justify these in tests/cms/safe_allowlist.txt: {sorted(unlisted)}"


def test_the_allowlist_names_no_use_that_is_gone():
    stale = allowed() - uses()
    assert not stale, f"remove from tests/cms/safe_allowlist.txt: {sorted(stale)}"
