"""The interface's catalogues (issue 12, item 8). Django merges every app's catalogue into
one per language, so the same msgid translated two ways in two apps means one app shows
the other's words; a word with two meanings needs a context (pgettext). Plural forms
follow each language's rule; the switcher names each language in its own language; and a
language other than the four shipped (Arabic, Persian: right-to-left) is offered only
once its catalogues translate every string (cms/languages.py)."""

import re
import shutil
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from cms import languages

ROOT = Path(settings.BASE_DIR)
APPS = languages.catalogue_apps(ROOT, settings.KOPA_APPS)
SHIPPED = [code for code, _name in languages.SHIPPED]
# Every language any app has a catalogue in (the certificates come in Arabic and Persian).
ALL_CODES = sorted({path.parts[-3] for app in APPS
                    for path in ROOT.glob(f"{app}/locale/*/LC_MESSAGES/django.po")})

LV_PLURALS = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);"
EAST_SLAVIC_PLURALS = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                       "(n%100<10 || n%100>=20) ? 1 : 2);")
PLURAL_FORMS = {"lv": LV_PLURALS, "en": "nplurals=2; plural=(n != 1);",
                "ru": EAST_SLAVIC_PLURALS, "uk": EAST_SLAVIC_PLURALS}


def catalogue(app: str, code: str) -> polib.POFile:
    return polib.pofile(str(languages.catalogue_path(ROOT, app, code)))


def shown(entry: polib.POEntry, code: str) -> str | tuple[str, ...]:
    """What the person reads: an English msgstr left empty is the msgid itself."""
    if entry.msgid_plural:
        forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        if code == languages.SOURCE and not any(forms):
            return (entry.msgid, entry.msgid_plural)
        return forms if any(forms) else ""
    return entry.msgstr or (entry.msgid if code == languages.SOURCE else "")


def test_every_app_has_a_catalogue_in_each_shipped_language():
    assert set(APPS) >= {"accounts", "attendance", "certificates", "cms", "courses", "lessons",
                         "organisations", "quizzes", "reports"}
    for app in APPS:
        for code in SHIPPED:
            assert languages.catalogue_path(ROOT, app, code).exists(), (app, code)


@pytest.mark.parametrize("code", ALL_CODES)
def test_no_msgid_is_translated_two_ways_in_two_apps(code):
    translations: dict[tuple, dict[str, object]] = defaultdict(dict)
    for app in APPS:
        if not languages.catalogue_path(ROOT, app, code).exists():
            continue
        for entry in catalogue(app, code):
            text = shown(entry, code)
            if text and not entry.obsolete and not entry.fuzzy:
                translations[(entry.msgctxt, entry.msgid)][app] = text
    collisions = [f"{msgid!r}" + (f" (context {context!r})" if context else "") + f": {by_app}"
                  for (context, msgid), by_app in sorted(translations.items(), key=str)
                  if len(set(by_app.values())) > 1]
    assert not collisions, (f"{len(collisions)} msgid(s) translated differently in two apps "
                            f"({code}); give each meaning a pgettext context or use the same "
                            "words:\n" + "\n".join(collisions))


def test_catalogues_hold_their_own_apps_strings_only():
    """A catalogue extracted from the project root picks up another app's strings (the
    organisations catalogue once carried 137 of courses'); the two copies then drift."""
    for app in APPS:
        others = tuple(f"{other}/" for other in APPS if other != app)
        for entry in catalogue(app, languages.DEFAULT):
            foreign = [path for path, _line in entry.occurrences if path.startswith(others)]
            assert not foreign, (app, entry.msgid, foreign)


@pytest.mark.parametrize("code", SHIPPED)
def test_plural_forms_header_and_every_form_filled(code):
    nplurals = int(re.match(r"nplurals=(\d+);", PLURAL_FORMS[code]).group(1))
    for app in APPS:
        po = catalogue(app, code)
        assert po.metadata["Plural-Forms"].strip() == PLURAL_FORMS[code], (app, code)
        for entry in po:
            if entry.msgid_plural:
                assert sorted(entry.msgstr_plural) == list(range(nplurals)), (app, entry.msgid)
                assert all(entry.msgstr_plural.values()), (app, code, entry.msgid)


COUNTS = (1, 2, 5, 11, 21, 22)
HOURS = {
    "lv": ["1 akadēmiskā stunda", "2 akadēmiskās stundas", "5 akadēmiskās stundas",
           "11 akadēmiskās stundas", "21 akadēmiskā stunda", "22 akadēmiskās stundas"],
    "en": ["1 academic hour", "2 academic hours", "5 academic hours", "11 academic hours",
           "21 academic hours", "22 academic hours"],
    "ru": ["1 академический час", "2 академических часа", "5 академических часов",
           "11 академических часов", "21 академический час", "22 академических часа"],
    "uk": ["1 академічна година", "2 академічні години", "5 академічних годин",
           "11 академічних годин", "21 академічна година", "22 академічні години"],
}
UNANSWERED = {
    "lv": ["1 jautājums nav atbildēts.", "2 jautājumi nav atbildēti.",
           "5 jautājumi nav atbildēti.", "11 jautājumi nav atbildēti.",
           "21 jautājums nav atbildēts.", "22 jautājumi nav atbildēti."],
    "en": ["1 question is not answered.", "2 questions are not answered.",
           "5 questions are not answered.", "11 questions are not answered.",
           "21 questions are not answered.", "22 questions are not answered."],
    "ru": ["1 вопрос без ответа.", "2 вопроса без ответа.", "5 вопросов без ответа.",
           "11 вопросов без ответа.", "21 вопрос без ответа.", "22 вопроса без ответа."],
    "uk": ["1 питання без відповіді.", "2 питання без відповіді.", "5 питань без відповіді.",
           "11 питань без відповіді.", "21 питання без відповіді.", "22 питання без відповіді."],
}


@pytest.mark.parametrize("code", SHIPPED)
def test_ngettext_picks_the_right_form(code):
    with translation.override(code):
        hours = [translation.ngettext("%(hours)s academic hour", "%(hours)s academic hours", n)
                 % {"hours": n} for n in COUNTS]
        unanswered = [translation.ngettext("%(count)s question is not answered.",
                                           "%(count)s questions are not answered.", n)
                      % {"count": n} for n in COUNTS]
    assert hours == HOURS[code]
    assert unanswered == UNANSWERED[code]


def test_zero_takes_latvian_third_form():
    with translation.override("lv"):
        assert translation.ngettext("%(minutes)s minute", "%(minutes)s minutes", 0) == \
            "%(minutes)s minūšu"


@pytest.mark.parametrize("code,column", [("lv", "angliski"), ("ru", "по-русски"),
                                         ("uk", "українською")])
def test_a_word_with_two_meanings_reads_right_in_each(code, column):
    """"English" is a language's name in the settings and "in English" over a vocabulary
    column; "Mark" is a grade in quizzes and "take attendance" in attendance."""
    word = {"lv": "English", "ru": "Russian", "uk": "Ukrainian"}[code]
    with translation.override(code):
        assert translation.pgettext("vocabulary column", word) == column
        assert translation.gettext(word) != column
    with translation.override("lv"):
        assert translation.pgettext("take attendance", "Mark") == "Atzīmēt"
        assert translation.gettext("Mark") == "Atzīme"


SWITCHER_NAMES = {"lv": "latviešu", "en": "English", "ru": "русский", "uk": "українська"}


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/", "/en/", "/ru/", "/uk/"])
def test_switcher_names_each_language_in_its_own_language(client, site, prefix):
    html = client.get(prefix).content.decode()
    select = html[html.index('<select id="language-select"'):]
    select = select[:select.index("</select>")]
    options = dict(re.findall(r'<option value="(\w+)" lang="\1"[^>]*>([^<]+)</option>', select))
    assert options == SWITCHER_NAMES  # the same in every interface language


@pytest.mark.parametrize("code", SHIPPED)
def test_every_shipped_catalogue_translates_every_latvian_msgid(code):
    gaps = languages.catalogue_gaps(ROOT, APPS, code)
    assert not gaps, f"{len(gaps)} gap(s) in the {code} catalogues:\n" + "\n".join(gaps)


def test_no_right_to_left_language_is_offered_while_its_catalogues_are_incomplete():
    # The certificates come in Arabic and Persian; the interface does not (yet).
    assert languages.catalogue_path(ROOT, "certificates", "ar").exists()
    assert languages.catalogue_gaps(ROOT, APPS, "ar")
    assert list(languages.SHIPPED) == settings.LANGUAGES
    assert languages.offered_languages(ROOT, APPS) == list(languages.SHIPPED)


def complete_catalogues(base: Path, code: str) -> None:
    """The real Latvian catalogues, and a `code` catalogue translating every entry."""
    for app in APPS:
        target = languages.catalogue_path(base, app, "lv")
        target.parent.mkdir(parents=True)
        shutil.copy(languages.catalogue_path(ROOT, app, "lv"), target)
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for entry in catalogue(app, "lv"):
            copy = polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr="ترجمة")
            if entry.msgid_plural:
                copy.msgid_plural, copy.msgstr = entry.msgid_plural, ""
                copy.msgstr_plural = dict.fromkeys(range(6), "ترجمة")
            po.append(copy)
        path = languages.catalogue_path(base, app, code)
        path.parent.mkdir(parents=True)
        po.save(str(path))


def test_a_language_is_offered_once_its_catalogues_are_complete_and_not_before(tmp_path):
    complete_catalogues(tmp_path, "ar")
    offered = languages.offered_languages(tmp_path, APPS)
    assert offered == [*languages.SHIPPED, ("ar", "العربية")]  # Persian has no catalogue

    # One entry left untranslated in one app: Arabic is no longer offered, and the gap says
    # where.
    path = languages.catalogue_path(tmp_path, "quizzes", "ar")
    po = polib.pofile(str(path))
    po.find("Mark").msgstr = ""
    po.save()
    assert ("ar", "العربية") not in languages.offered_languages(tmp_path, APPS)
    assert languages.catalogue_gaps(tmp_path, APPS, "ar") == ["quizzes: 'Mark' untranslated"]

    # A fuzzy translation (a guess waiting for review) is not a translation either.
    po.find("Mark").msgstr = "علامة"
    po.find("Mark").flags.append("fuzzy")
    po.save()
    assert languages.catalogue_gaps(tmp_path, APPS, "ar") == ["quizzes: 'Mark' fuzzy"]

    # Nor is a catalogue one app lacks.
    po.find("Mark").flags.remove("fuzzy")
    po.save()
    assert languages.is_complete(tmp_path, APPS, "ar")
    languages.catalogue_path(tmp_path, "reports", "ar").unlink()
    assert languages.catalogue_gaps(tmp_path, APPS, "ar") == ["reports: no ar catalogue"]
    assert languages.offered_languages(tmp_path, APPS) == list(languages.SHIPPED)


def test_a_plural_entry_needs_every_form(tmp_path):
    complete_catalogues(tmp_path, "fa")
    path = languages.catalogue_path(tmp_path, "courses", "fa")
    po = polib.pofile(str(path))
    entry = po.find("%(hours)s academic hour")
    entry.msgstr_plural[2] = ""
    po.save()
    assert languages.catalogue_gaps(tmp_path, APPS, "fa") == [
        "courses: '%(hours)s academic hour' untranslated"]
    assert languages.offered_languages(tmp_path, APPS) == list(languages.SHIPPED)
