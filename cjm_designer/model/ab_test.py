"""Which version of a touchpoint won its A/B test, and by how much.

The rules, shown on the card and in the reports:
- the variants are compared by conversion when at least two of them have a conversion rate, else by
  clicks when at least two have clicks; with neither the test is undecided;
- the winner is the variant with the highest figure; a tie for the highest leaves it undecided;
- the lift is the winner's relative improvement over the control, the first variant with the figure
  (as A/B tools report it: B converts 23 % better than A); when the control itself wins, over the
  best of the others. Unknown when that figure is zero.

No statistical significance: a card's clicks need not be the people its conversion rate counts
(the rate may be of visits, orders or sessions), so a two-proportion test would claim more than the
figures say.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import numbers
from .captions import caption, plural
from .document import JourneyMap
from .elements import Card, Variant

MEASURES = ("conversion", "clicks")
MEASURE_CAPTIONS = {"conversion": "ab_by_conversion", "clicks": "ab_by_clicks"}


@dataclass(frozen=True)
class AbResult:
    """The outcome of one card's test: the measure compared (None when no two variants have the
    same one), the winning variant's name and its lift (0.23 = 23 % better), each None when unknown."""

    variants: int
    measure: str | None = None
    winner: str | None = None
    lift: float | None = None


def figure(variant: Variant, measure: str) -> float | None:
    """The variant's `measure` ("conversion" or "clicks"), None when it has none."""
    if variant.metrics is None:
        return None
    return variant.metrics.conversion if measure == "conversion" else variant.metrics.clicks


def ab_result(variants: list[Variant]) -> AbResult:
    """The outcome of a test of `variants`, by the rules above."""
    for measure in MEASURES:
        measured = [(v.name, figure(v, measure)) for v in variants if figure(v, measure) is not None]
        if len(measured) >= 2:
            return _decided(len(variants), measure, measured)
    return AbResult(len(variants))


def _decided(count: int, measure: str, measured: list[tuple[str, float]]) -> AbResult:
    best = max(value for _, value in measured)
    leaders = [name for name, value in measured if value == best]
    if len(leaders) > 1:
        return AbResult(count, measure)
    winner = leaders[0]
    control, control_value = measured[0]
    beaten = control_value if winner != control else max(value for name, value in measured if name != winner)
    lift = best / beaten - 1 if beaten else None
    return AbResult(count, measure, winner, lift)


def ab_tests(doc: JourneyMap) -> list[tuple[Card, AbResult]]:
    """The cards with variants, with their outcomes, in the order of the stages (then the map's)."""
    order = {stage.id: i for i, stage in enumerate(doc.stages)}
    cards = sorted((card for card in doc.cards if card.variants), key=lambda card: order.get(card.stage, 0))
    return [(card, ab_result(card.variants)) for card in cards]


# -- in words, in the map's language (the card's row and the reports) --------------------------------

def lift_text(lift: float, language: str) -> str:
    """A lift as a signed percentage: +23 %."""
    return "+" + numbers.percent(lift, language)


def card_row(result: AbResult, language: str) -> str:
    """The card's A/B row: "A/B: B wins · +23 %", or how many variants while undecided."""
    if result.winner is None:
        counted = plural("ab_variants", result.variants, language)
        return f"{counted} · {caption('ab_tie', language)}" if result.measure else counted
    won = caption("ab_wins", language).format(winner=result.winner)
    return won if result.lift is None else f"{won} · {lift_text(result.lift, language)}"


def outcome(result: AbResult, language: str) -> str:
    """The outcome as a sentence for a report: who won on what and the lift, a tie, or why undecided."""
    if result.measure is None:
        return caption("ab_undecided", language)
    measure = caption(MEASURE_CAPTIONS[result.measure], language)
    if result.winner is None:
        return caption("ab_tied", language).format(measure=measure)
    lift = "" if result.lift is None else caption("ab_lift", language).format(lift=lift_text(result.lift, language))
    return caption("ab_won", language).format(winner=result.winner, measure=measure) + lift + "."
