"""Citizenship as coordinators write it: codes, or names in four languages, any spelling
of the diacritics; what names no country is a row error, not a guess."""

import pytest

from organisations.countries import country_code
from organisations.services.imports import check_fields


@pytest.mark.parametrize("written,code", [
    ("UA", "UA"), ("ua", "UA"), ("UKR", "UA"), ("Ukraine", "UA"), ("Ukraina", "UA"),
    ("Україна", "UA"), ("Украина", "UA"), ("Sīrija", "SY"), ("sirija", "SY"),
    ("Syria", "SY"), ("Сирия", "SY"), ("Afganistāna", "AF"), ("Afghanistan", "AF"),
    ("Krievija", "RU"), ("Russian Federation", "RU"), ("Россия", "RU"),
    ("Baltkrievija", "BY"), ("Iran", "IR"), ("Irāna", "IR"), ("  Latvija ", "LV"),
    ("Gruzija", "GE"), ("Грузия", "GE"), ("Vietnam", "VN"),
])
def test_names_and_codes_are_understood(written, code):
    assert country_code(written) == code


@pytest.mark.parametrize("written", ["XX", "Atlantīda", "12", "U"])
def test_unknown_countries_are_refused(written):
    assert country_code(written) is None


def test_an_unknown_country_is_a_row_error_with_an_example():
    row = {"first_name": "Anna", "last_name": "Bērziņa", "email": "", "phone": "",
           "language": "", "citizenship": "Atlantīda", "region": "", "gender": "",
           "birth_year": ""}
    _clean, errors = check_fields(row)
    assert [e["code"] for e in errors] == ["bad_citizenship"]
    assert "Atlantīda" in errors[0]["message"] and "UA" in errors[0]["message"]


def test_a_name_is_stored_as_its_code():
    row = {"first_name": "Olena", "last_name": "Kovalenko", "email": "", "phone": "",
           "language": "uk", "citizenship": "Україна", "region": "", "gender": "",
           "birth_year": ""}
    clean, errors = check_fields(row)
    assert not errors and clean["citizenship"] == "UA"
