"""The one rule every CSV and XLSX cell Kopā writes goes through (formula injection)."""

from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy

from cms.downloads import safe_cell, safe_row, unsafe_cell


@pytest.mark.parametrize(("value", "expected"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'), ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("Anna", "Anna"), ("", ""), (None, None)])
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize("number", [3, -2, -2.5, Decimal("-1.25"), 0])
def test_numbers_stay_numbers_also_negative_ones(number):
    assert safe_cell(number) == number and type(safe_cell(number)) is type(number)


def test_lazy_translations_are_checked_as_text():
    assert safe_row([gettext_lazy("=x"), 1]) == ["'=x", 1]


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","y")', "+371 20000000", "Anna",
                                   "'quoted"])
def test_a_value_read_back_is_the_value_written(value):
    assert unsafe_cell(safe_cell(value)) == value
