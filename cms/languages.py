"""Which interface languages Kopā offers: the four it ships, plus any other language only
once its catalogues translate everything the Latvian ones do.

Why a rule and not a switch: an interface language whose catalogue is half done shows
Latvian (the fallback) wherever a string is missing, and for a right-to-left language
(Arabic, Persian; the layout is ready for them) that means mixed directions on every page.
So a language is offered the day its catalogues are complete, and not before.

Catalogues are per app (`<app>/locale/<code>/LC_MESSAGES/django.po`); the Latvian ones,
the default language, hold every msgid the code uses. This module is imported by the
settings, so it reads files only and imports nothing of Django's that needs them."""

from collections.abc import Iterable, Sequence
from pathlib import Path

import polib

DEFAULT = "lv"
# msgids are English: an empty English msgstr means the msgid as written (gettext returns
# it, and Django gives English no fallback), so it is not a gap.
SOURCE = "en"
# Each language named in its own language (CLDR's names), as the switcher shows them.
SHIPPED: tuple[tuple[str, str], ...] = (
    ("lv", "latviešu"),
    ("en", "English"),
    ("ru", "русский"),
    ("uk", "українська"),
)
# Offered as soon as their catalogues are complete (see `offered_languages`).
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("ar", "العربية"),
    ("fa", "فارسی"),
)

Key = tuple[str | None, str]  # (msgctxt, msgid)


def catalogue_path(base_dir: Path, app: str, code: str) -> Path:
    return base_dir / app / "locale" / code / "LC_MESSAGES" / "django.po"


def catalogue_apps(base_dir: Path, apps: Iterable[str]) -> list[str]:
    """Those of Kopā's apps (settings.KOPA_APPS) that have catalogues: a Latvian one. Only
    ours: installed from a wheel, base_dir is site-packages, beside Django's and Wagtail's."""
    return [app for app in apps if catalogue_path(base_dir, app, DEFAULT).exists()]


def _translated(entry: polib.POEntry, code: str) -> bool:
    if entry.fuzzy:
        return False
    if code == SOURCE:
        return True
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def catalogue_gaps(base_dir: Path, apps: Iterable[str], code: str) -> list[str]:
    """What the `code` catalogues lack against the Latvian ones, one line per gap
    ("quizzes: 'Mark' (grade) untranslated"): a missing catalogue, or a missing, empty or
    fuzzy entry."""
    gaps: list[str] = []
    for app in catalogue_apps(base_dir, apps):
        path = catalogue_path(base_dir, app, code)
        if not path.exists():
            gaps.append(f"{app}: no {code} catalogue")
            continue
        reference = polib.pofile(str(catalogue_path(base_dir, app, DEFAULT)))
        entries = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}
        for wanted in reference:
            if wanted.obsolete:
                continue
            key: Key = (wanted.msgctxt, wanted.msgid)
            entry = entries.get(key)
            if entry is None or not _translated(entry, code):
                what = "missing" if entry is None else "fuzzy" if entry.fuzzy else "untranslated"
                context = f" ({key[0]})" if key[0] else ""
                gaps.append(f"{app}: {key[1]!r}{context} {what}")
    return gaps


def is_complete(base_dir: Path, apps: Iterable[str], code: str) -> bool:
    apps = catalogue_apps(base_dir, apps)
    # Most candidates have no catalogue in most apps: say so without reading any file.
    if not all(catalogue_path(base_dir, app, code).exists() for app in apps):
        return False
    return not catalogue_gaps(base_dir, apps, code)


def offered_languages(base_dir: Path, apps: Iterable[str],
                      candidates: Sequence[tuple[str, str]] = CANDIDATES) -> list[tuple[str, str]]:
    """settings.LANGUAGES: the shipped languages and each complete candidate."""
    apps = list(apps)
    return [*SHIPPED, *[(code, name) for code, name in candidates
                        if is_complete(base_dir, apps, code)]]
