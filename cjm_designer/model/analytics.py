"""The answers a facilitator collects the numbers for: the funnel from stage to stage and where
customers are lost, how many touchpoints each stage has and through which channels, who is
responsible for them, where the pain points are, and which KPIs are missed.

Definitions (shown in the analytics panel and the report):
- a stage's funnel figure is `Stage.entering`, the people who enter it; the conversion from a stage
  to the next is next.entering / entering, known only when both figures are given and the first is
  not zero; the largest drop is the step with the lowest conversion (the first of equals);
- a touchpoint is a card with a channel, or any card in a lane of kind touchpoints or channels;
- a pain point is a card marked as pain, or any card in a pain-points lane;
- a KPI is missed when its actual figure is below its target, or above it for a KPI where lower is
  better (a KPI lacking either figure is unknown).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from .captions import map_language
from .document import JourneyMap
from .elements import Card, Kpi
from .vocab import LaneKind

TOUCHPOINT_LANES = (LaneKind.TOUCHPOINTS, LaneKind.CHANNELS)


class FunnelStep(NamedTuple):
    stage_id: str
    entering: int | None
    conversion: float | None = None  # to the next stage, 0..1 (over 1 when more enter the next)
    lost: int | None = None  # people who entered this stage and not the next


class Funnel(NamedTuple):
    steps: tuple[FunnelStep, ...]
    largest_drop: str | None = None  # the stage whose step to the next converts worst
    overall: float | None = None  # from the first stage with a figure to the last one

    def step(self, stage_id: str) -> FunnelStep:
        return next(step for step in self.steps if step.stage_id == stage_id)


def funnel(doc: JourneyMap) -> Funnel:
    """The funnel of the map's stages, in their order."""
    figures = [stage.entering for stage in doc.stages]
    steps = []
    for i, stage in enumerate(doc.stages):
        here = figures[i]
        following = figures[i + 1] if i + 1 < len(figures) else None
        if here is None or following is None:
            steps.append(FunnelStep(stage.id, here))
        else:
            conversion = following / here if here else None
            steps.append(FunnelStep(stage.id, here, conversion, here - following))
    known = [step for step in steps if step.conversion is not None]
    drop = min(known, key=lambda step: step.conversion).stage_id if known else None
    given = [f for f in figures if f is not None]
    overall = given[-1] / given[0] if len(given) >= 2 and given[0] else None
    return Funnel(tuple(steps), drop, overall)


def shown_names(doc: JourneyMap) -> tuple[str, dict[str, str], dict[str, str]]:
    """What a report writes for the map: its language ("ru" or "en"), stage names and card titles by
    id (a card without a title by its id)."""
    return map_language(doc), {s.id: s.name for s in doc.stages}, {c.id: c.title or c.id for c in doc.cards}


def kpi_attainment(kpi: Kpi | None) -> float | None:
    """How far the KPI reaches its goal, 1 = met exactly: actual over target, or target over actual
    when lower is better; unknown without both figures or when the divisor is zero."""
    if kpi is None or kpi.actual is None or kpi.target is None:
        return None
    over, under = (kpi.target, kpi.actual) if kpi.lower_is_better else (kpi.actual, kpi.target)
    return over / under if under else None


def kpi_met(kpi: Kpi | None) -> bool | None:
    """Whether the KPI reaches its target (at or under it when lower is better); unknown without both."""
    if kpi is None or kpi.actual is None or kpi.target is None:
        return None
    return kpi.actual <= kpi.target if kpi.lower_is_better else kpi.actual >= kpi.target


@dataclass
class Analytics:
    funnel: Funnel
    touchpoints: dict[str, int]  # per stage id, every stage present
    channels: Counter = field(default_factory=Counter)  # channel key -> touchpoints
    owners: Counter = field(default_factory=Counter)  # owner key -> cards they are responsible for
    pain_points: list[tuple[str, str]] = field(default_factory=list)  # (card id, stage id), in map order
    kpis_missed: list[tuple[str, str, Kpi]] = field(default_factory=list)  # (stage id, card id or "", KPI)
    kpis_met: int = 0

    @property
    def total_touchpoints(self) -> int:
        return sum(self.touchpoints.values())


def is_touchpoint(card: Card, lane_kinds: dict[str, LaneKind]) -> bool:
    return bool(card.channel) or lane_kinds.get(card.lane) in TOUCHPOINT_LANES


def is_pain_point(card: Card, lane_kinds: dict[str, LaneKind]) -> bool:
    return card.pain or lane_kinds.get(card.lane) == LaneKind.PAIN_POINTS


def analyse(doc: JourneyMap) -> Analytics:
    """Everything the analytics panel and the report show, in one pass over the map."""
    lane_kinds = {lane.id: lane.kind for lane in doc.lanes}
    result = Analytics(funnel(doc), {stage.id: 0 for stage in doc.stages})
    stage_order = {stage.id: i for i, stage in enumerate(doc.stages)}
    for stage in doc.stages:
        _count_kpi(result, stage.id, "", stage.kpi)
    for card in sorted(doc.cards, key=lambda c: stage_order.get(c.stage, 0)):
        if is_touchpoint(card, lane_kinds):
            result.touchpoints[card.stage] += 1
            if card.channel:
                result.channels[card.channel] += 1
        if card.owner:
            result.owners[card.owner] += 1
        if is_pain_point(card, lane_kinds):
            result.pain_points.append((card.id, card.stage))
        _count_kpi(result, card.stage, card.id, card.kpi)
    return result


def _count_kpi(result: Analytics, stage_id: str, card_id: str, kpi: Kpi | None) -> None:
    met = kpi_met(kpi)
    if met is False:
        result.kpis_missed.append((stage_id, card_id, kpi))
    elif met:
        result.kpis_met += 1


# -- heat map and filters -------------------------------------------------------------------------

HEAT_MEASURES = ("quality", "emotion", "conversion", "clicks", "kpi")


def heat_values(doc: JourneyMap, measure: str) -> dict[str, float]:
    """Each card's place on the heat-map scale, 0 (worst, red) to 1 (best, green), for the cards that
    have the measure: quality 1..5 and emotion -2..+2 on their own scales, conversion 0..100 %,
    clicks from none to the map's most, KPI attainment from none to the target met (or better)."""
    values: dict[str, float] = {}
    most_clicks = max((c.metrics.clicks for c in doc.cards if c.metrics and c.metrics.clicks), default=0)
    for card in doc.cards:
        value = _heat(card, measure, most_clicks)
        if value is not None:
            values[card.id] = min(max(value, 0.0), 1.0)
    return values


def _heat(card: Card, measure: str, most_clicks: int) -> float | None:
    if measure == "quality":
        return None if card.quality is None else (card.quality - 1) / 4
    if measure == "emotion":
        return None if card.emotion is None else (card.emotion + 2) / 4
    if measure == "conversion":
        return None if card.metrics is None or card.metrics.conversion is None else card.metrics.conversion / 100
    if measure == "clicks":
        if card.metrics is None or card.metrics.clicks is None:
            return None
        return card.metrics.clicks / most_clicks if most_clicks else 0.0
    if measure == "kpi":
        return kpi_attainment(card.kpi)
    raise ValueError(f"unknown heat-map measure {measure!r}; the measures are {', '.join(HEAT_MEASURES)}")


def cell_heat(doc: JourneyMap, values: dict[str, float]) -> dict[tuple[str, str], float]:
    """The mean of the measured cards of each cell, for colouring the cells themselves."""
    sums: dict[tuple[str, str], list[float]] = {}
    for card in doc.cards:
        if card.id in values:
            sums.setdefault((card.stage, card.lane), []).append(values[card.id])
    return {cell: sum(found) / len(found) for cell, found in sums.items()}


FILTER_FIELDS = ("channel", "owner", "device", "tag")


class CardFilter(NamedTuple):
    """Show only the cards whose `field` (channel, owner, device or tag) is `value`."""

    field: str
    value: str

    def matches(self, card: Card) -> bool:
        if self.field == "tag":
            return self.value in card.tags
        if self.field == "device":
            return card.device is not None and card.device.value == self.value
        return getattr(card, self.field) == self.value


def filter_choices(doc: JourneyMap, field_name: str) -> list[str]:
    """The values of `field_name` the map's cards have, most used first (ties in map order)."""
    counts: Counter = Counter()
    for card in doc.cards:
        if field_name == "tag":
            counts.update(card.tags)
        elif field_name == "device":
            if card.device is not None:
                counts[card.device.value] += 1
        elif getattr(card, field_name):
            counts[getattr(card, field_name)] += 1
    return [value for value, _ in counts.most_common()]
