"""Figures as Russian and English readers write them."""

from cjm_designer.model.numbers import MISSING, NBSP, count, decimal, percent


def test_counts_decimals_and_percentages_in_both_languages():
    assert count(10_000, "ru") == f"10{NBSP}000" and count(10_000, "en") == "10,000"
    assert decimal(2.75, "ru") == "2,75" and decimal(2.75, "en") == "2.75"
    assert decimal(1_000_000.0, "en") == "1000000"  # whole figures are never in exponent form
    assert percent(0.281, "ru") == f"28,1{NBSP}%" and percent(0.32, "en") == "32%"
    assert count(None, "ru") == decimal(None, "en") == percent(None, "ru") == MISSING
