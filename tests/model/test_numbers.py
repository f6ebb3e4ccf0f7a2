"""Figures as Russian and English readers write them, and read back from either."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.model.numbers import MISSING, NBSP, NumberError, count, decimal, parse, percent

LANGUAGES = st.sampled_from(["ru", "en"])
FIGURES = st.floats(allow_nan=False, allow_infinity=False)


def test_counts_decimals_and_percentages_in_both_languages():
    assert count(10_000, "ru") == f"10{NBSP}000" and count(10_000, "en") == "10,000"
    assert decimal(2.75, "ru") == "2,75" and decimal(2.75, "en") == "2.75"
    assert decimal(1_000_000.0, "en") == "1000000"  # whole figures are never in exponent form
    assert percent(0.281, "ru") == f"28,1{NBSP}%" and percent(0.32, "en") == "32%"
    assert count(None, "ru") == decimal(None, "en") == percent(None, "ru") == MISSING


@given(st.one_of(st.none(), st.integers()), LANGUAGES)
def test_every_count_reads_back(value, language):
    assert parse(count(value, language), whole=True) == value


@given(st.one_of(st.none(), FIGURES), LANGUAGES)
def test_every_decimal_reads_back_as_written(value, language):
    written = decimal(value, language)
    assert parse(written) == (None if value is None else float(decimal(value, "en")))


@given(st.one_of(st.none(), st.floats(-1e12, 1e12)), LANGUAGES)  # a share, not one whose percentage overflows
def test_every_percentage_reads_back_as_written(fraction, language):
    written = percent(fraction, language)
    assert parse(written, percent=True) == (None if fraction is None else float(percent(fraction, "en")[:-1]))


@pytest.mark.parametrize("text, whole, value", [
    ("10\u00a0000", True, 10_000), ("10\u202f000", True, 10_000), ("10\u2009000", True, 10_000),
    ("10 000", False, 10_000.0), ("1,234", True, 1234), ("1,234", False, 1.234), ("1,234,567", False, 1_234_567.0),
    ("1,234.5", False, 1234.5), ("1.234,5", False, 1234.5), (" \u22122,5 ", False, -2.5), ("+3", True, 3),
    ("2.0", True, 2), (".5", False, 0.5), ("1,5e\u221205", False, 1.5e-05), ("", False, None), (MISSING, True, None),
])
def test_what_people_type_like_the_program(text, whole, value):
    result = parse(text, whole=whole)
    assert result == value and type(result) is type(value)


@pytest.mark.parametrize("text, whole, reason", [
    ("10 000 apples", False, "not a number"), ("- 5", False, "not a number"), ("1 23", False, "grouped in threes"),
    ("1,2.3,4", False, "more than one decimal sign"), ("1,5 000", False, "only digits"),
    ("1,5", True, "not a whole number"), ("1.234", True, "not a whole number"), ("28%", False, "per cent"),
    ("1e999", False, "too large"),
])
def test_anything_else_is_refused_with_its_reason(text, whole, reason):
    with pytest.raises(NumberError, match=reason):
        parse(text, whole=whole)


def test_a_percentage_may_end_in_a_per_cent_sign():
    assert parse(f"28,1{NBSP}%", percent=True) == parse("28.1 %", percent=True) == parse("28.1", percent=True) == 28.1


@given(st.one_of(st.none(), st.floats(0, 100)), LANGUAGES)
def test_a_rate_kept_in_per_cent_is_written_as_a_decimal_and_reads_back(value, language):
    from cjm_designer.model.numbers import per_cent

    written = per_cent(value, language)
    assert parse(written, percent=True) == (None if value is None else float(decimal(value, "en")))
    if value is not None:
        assert written == decimal(value, language) + (f"{NBSP}%" if language == "ru" else "%")


def test_a_rate_in_per_cent_as_the_cards_write_it():
    from cjm_designer.model.numbers import per_cent

    assert per_cent(12.5, "ru") == f"12,5{NBSP}%" and per_cent(7.25, "en") == "7.25%" and per_cent(8.0, "en") == "8%"
    assert per_cent(None, "ru") == MISSING
