"""Countries of citizenship as coordinators write them in a spreadsheet: an ISO code (UA,
UKR) or a name in Latvian, English, Russian or Ukrainian, with or without diacritics.
Names come from ISO 3166 and its translations as shipped by pycountry; the few names
people use that ISO does not (it says "Russian Federation") are added below."""

import functools
import gettext

import pycountry
from anyascii import anyascii
from django.utils import translation

from organisations.services.import_files import fold

ALIASES = {
    "RU": ["Krievija", "Russia", "Россия", "Росія"],
    "BY": ["Baltkrievija", "Белоруссия", "Беларусь", "Білорусь"],
    "GB": ["Lielbritānija", "Great Britain", "UK", "Великобритания", "Велика Британія"],
    "US": ["ASV", "USA", "США"],
    "KR": ["Dienvidkoreja", "Южная Корея", "Південна Корея"],
    "TR": ["Turcija", "Turkey", "Турция", "Туреччина"],
    "CZ": ["Čehija", "Czech Republic", "Чехия", "Чехія"],
    "NL": ["Nīderlande", "Holland", "Голландия"],
}
CATALOGUE_LANGUAGES = ("lv", "ru", "uk")


def keys(name: str) -> set[str]:
    return {fold(name), fold(anyascii(name))}


@functools.cache
def lookup_table() -> dict[str, str]:
    catalogues = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                      languages=[language], fallback=True)
                  for language in CATALOGUE_LANGUAGES]
    table: dict[str, str] = {}
    for country in pycountry.countries:
        names = {name for name in (country.name, getattr(country, "common_name", None),
                                   getattr(country, "official_name", None)) if name}
        spelled = names | {catalogue.gettext(name) for catalogue in catalogues
                           for name in names} | {country.alpha_3}
        for name in spelled:
            for key in keys(name):
                table.setdefault(key, country.alpha_2)
    for code, names in ALIASES.items():
        for name in names:
            for key in keys(name):
                table[key] = code
    return table


def country_code(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for what was written, or None if it names no country."""
    value = value.strip()
    if len(value) == 2 and value.isascii() and value.isalpha():
        code = value.upper()
        return code if pycountry.countries.get(alpha_2=code) else None
    table = lookup_table()
    return table.get(fold(value)) or table.get(fold(anyascii(value)))


@functools.cache
def catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language],
                               fallback=True)


def country_name(code: str, language: str | None = None) -> str:
    """The country's everyday name in the interface language (ISO's translations), or the
    code itself when it names no country."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return code
    language = (language or translation.get_language() or "lv").split("-")[0]
    common = getattr(country, "common_name", None)
    if language == "en":
        return common or country.name
    names = catalogue(language)
    if common and names.gettext(common) != common:
        return names.gettext(common)
    return names.gettext(country.name)
