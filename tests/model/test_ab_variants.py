"""A/B variants of a touchpoint: who wins, by how much, and when it cannot be told."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cjm_designer.model import Card, JourneyMap, Lane, Metrics, Stage, Variant
from cjm_designer.model.ab_test import AbResult, ab_result, ab_tests, card_row, outcome
from cjm_designer.model.captions import plural


def variant(name: str, clicks: int | None = None, conversion: float | None = None) -> Variant:
    metrics = None if clicks is None and conversion is None else Metrics(clicks=clicks, conversion=conversion)
    return Variant(name=name, metrics=metrics)


def test_a_challenger_that_converts_better_wins_with_its_lift_over_the_control():
    result = ab_result([variant("A", 1000, 4.0), variant("B", 900, 5.0)])
    assert (result.measure, result.winner) == ("conversion", "B")
    assert result.lift == pytest.approx(0.25)


def test_the_lift_of_a_challenger_is_over_the_control_not_the_runner_up():
    result = ab_result([variant("A", conversion=4.0), variant("B", conversion=6.0), variant("C", conversion=5.0)])
    assert result.winner == "B"
    assert result.lift == pytest.approx(0.5)  # 6 against A's 4, not C's 5


def test_a_control_that_holds_is_measured_against_the_best_challenger():
    result = ab_result([variant("A", conversion=6.0), variant("B", conversion=4.0), variant("C", conversion=5.0)])
    assert result.winner == "A"
    assert result.lift == pytest.approx(0.2)


def test_conversion_decides_over_clicks_and_clicks_decide_without_it():
    assert ab_result([variant("A", 5000, 2.0), variant("B", 100, 3.0)]).winner == "B"
    by_clicks = ab_result([variant("A", 1000, 2.0), variant("B", 1500)])
    assert (by_clicks.measure, by_clicks.winner) == ("clicks", "B")
    assert by_clicks.lift == pytest.approx(0.5)


def test_a_control_without_the_figure_gives_way_to_the_first_variant_with_it():
    result = ab_result([variant("A", 100), variant("B", conversion=2.0), variant("C", conversion=3.0)])
    assert (result.winner, result.lift) == ("C", pytest.approx(0.5))


@pytest.mark.parametrize("variants", [
    [],
    [variant("A", 100, 2.0)],
    [variant("A", 100), variant("B")],
    [variant("A", conversion=2.0), variant("B", clicks=40)],
    [variant("A"), variant("B")],
], ids=["none", "one", "one-with-figures", "different-figures", "no-figures"])
def test_fewer_than_two_variants_with_the_same_figure_leave_it_undecided(variants):
    assert ab_result(variants) == AbResult(len(variants))


def test_a_tie_for_the_best_has_no_winner():
    result = ab_result([variant("A", conversion=3.0), variant("B", conversion=3.0), variant("C", conversion=1.0)])
    assert (result.measure, result.winner, result.lift) == ("conversion", None, None)


def test_a_winner_over_nothing_has_no_lift():
    assert ab_result([variant("A", clicks=0), variant("B", clicks=30)]) == AbResult(2, "clicks", "B", None)


def test_variant_names_are_unique_on_a_card():
    with pytest.raises(ValidationError, match="two variants are named 'A'"):
        Card(id="c", stage="s", lane="l", variants=[variant("A"), variant("A")])
    card = Card(id="c", stage="s", lane="l", variants=[variant("A")])
    with pytest.raises(ValidationError):
        card.variants = [variant("B"), variant("B")]


def test_the_card_row_names_the_winner_and_the_lift_in_the_maps_language():
    won = ab_result([variant("A", conversion=4.0), variant("B", conversion=5.0)])
    assert card_row(won, "en") == "A/B: B wins · +25%"
    assert card_row(won, "ru") == "A/B: победил B · +25\u00a0%"
    assert card_row(AbResult(2, "clicks", "B", None), "en") == "A/B: B wins"
    assert card_row(AbResult(3), "en") == "A/B: 3 variants"
    assert card_row(AbResult(2, "conversion"), "ru") == "A/B: 2\u00a0варианта · ничья"


def test_the_outcome_says_on_what_the_winner_won():
    won = ab_result([variant("A", conversion=4.0), variant("B", conversion=5.0)])
    assert outcome(won, "en") == "B wins on conversion, lift +25%."
    assert outcome(won, "ru") == "Победил B по конверсии, прирост +25\u00a0%."
    assert outcome(AbResult(2, "clicks"), "en") == "A tie on clicks."
    assert outcome(AbResult(1), "en").startswith("No winner")


@pytest.mark.parametrize(("n", "ru"), [(1, "вариант"), (2, "варианта"), (4, "варианта"), (5, "вариантов"),
                                        (11, "вариантов"), (12, "вариантов"), (21, "вариант"), (22, "варианта")])
def test_russian_counts_take_their_plural_form(n, ru):
    assert plural("ab_variants", n, "ru") == f"A/B: {n}\u00a0{ru}"
    assert plural("ab_variants", n, "en").endswith("variant" if n == 1 else "variants")


def test_a_maps_tests_are_its_cards_with_variants_in_stage_order():
    doc = JourneyMap(stages=[Stage(id="s1", name="1"), Stage(id="s2", name="2")], lanes=[Lane(id="l", name="l")])
    tested = [variant("A", conversion=1.0), variant("B", conversion=2.0)]
    doc.cards = [Card(id="later", stage="s2", lane="l", variants=tested),
                 Card(id="plain", stage="s1", lane="l"),
                 Card(id="first", stage="s1", lane="l", variants=[variant("A")])]
    assert [(card.id, result.winner) for card, result in ab_tests(doc)] == [("first", None), ("later", "B")]
