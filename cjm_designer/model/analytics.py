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

from .document import JourneyMap
from .elements import Card, Kpi
from .vocab import LaneKind

TOUCHPOINT_LANES = (LaneKind.TOUCHPOINTS, LaneKind.CHANNELS)


@dataclass(frozen=True)
class FunnelStep:
    stage_id: str
    entering: int | None
    conversion: float | None = None  # to the next stage, 0..1 (over 1 when more enter the next)
    lost: int | None = None  # people who entered this stage and not the next


@dataclass(frozen=True)
class Funnel:
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
