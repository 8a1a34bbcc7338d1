"""Every way of showing text unescaped is listed, with its reason, in safe_allowlist.txt:
a new one fails here until someone has looked at it, and a listed one that is gone fails too."""

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWLIST = Path(__file__).with_name("safe_allowlist.txt")
# Project code and templates; not the virtualenv, migrations, or the tests themselves.
SKIPPED_DIRS = {".venv", "node_modules", "migrations", "tests", ".git", "media", "static",
                "staticfiles", "__pycache__", "bench", "build", "dist", "var", "static_root"}
SUFFIXES = {".py", ".html", ".txt", ".xml", ".svg", ".js"}
UNESCAPED = re.compile(r"\|\s*safe(seq)?\b|\bmark_safe\b|\bformat_html\b|\bSafeString\b"
                       r"|\bautoescape\s+off\b")


def _files():
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if path.suffix in SUFFIXES and path.is_file() and \
                not SKIPPED_DIRS.intersection(relative.parts[:-1]):
            yield relative


def uses() -> list[tuple[str, str]]:
    """(path, line) of each line that shows text unescaped; an import alone shows nothing."""
    found = []
    for relative in _files():
        for line in (ROOT / relative).read_text(encoding="utf-8", errors="replace").splitlines():
            stripped = line.strip()
            if UNESCAPED.search(stripped) and not stripped.startswith(("from ", "import ")):
                found.append((relative.as_posix(), stripped))
    return found


def allowlist() -> list[tuple[str, str, str]]:
    entries = []
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        path, _bar, rest = line.partition(" | ")
        snippet, _hash, why = rest.partition("  # ")
        entries.append((path.strip(), snippet.strip(), why.strip()))
    return entries


def test_every_allowlist_entry_says_why():
    for path, snippet, why in allowlist():
        assert path and snippet and why, (path, snippet)


def test_every_unescaped_use_is_in_the_allowlist_and_every_entry_is_used():
    entries = allowlist()
    found = uses()
    unlisted = [(path, line) for path, line in found
                if not any(path == e_path and e_snippet in line
                           for e_path, e_snippet, _why in entries)]
    assert not unlisted, ("Not in tests/cms/safe_allowlist.txt (add it with its reason, or "
                          "use |clean_html):", unlisted)
    # One entry per use: two uses on the same snippet need two entries.
    wanted = Counter((path, snippet) for path, snippet, _why in entries)
    matched = Counter()
    for path, line in found:
        for e_path, e_snippet, _why in entries:
            if path == e_path and e_snippet in line:
                matched[(e_path, e_snippet)] += 1
                break
    stale = [key for key in wanted if matched[key] != wanted[key]]
    assert not stale, ("Entries in tests/cms/safe_allowlist.txt whose count of uses is not the "
                       "one listed (remove a stale entry, or list each use):", stale)


def test_the_scan_finds_what_it_looks_for(tmp_path):
    """The pattern itself: a new unescaped use in any of its spellings is found."""
    for line in ("{{ x|safe }}", "{{ x | safeseq }}", "{% autoescape off %}",
                 "return mark_safe(x)", "format_html('<b>{}</b>', x)", "SafeString(x)"):
        assert UNESCAPED.search(line), line
    assert not UNESCAPED.search("{{ x|clean_html }}")
