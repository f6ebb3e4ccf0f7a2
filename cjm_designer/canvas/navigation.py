"""Where the keys take the canvas's current place (current_cell.py): pure steps over a map's layout,
with no Qt, so every rule is tested on a layout alone.

A place is a cell and one of its cards, or the cell's empty place after its cards (`card` None). Right
and Left go to the same lane in the next or previous stage, Up and Down to the previous or next card of
the cell and then on to the neighbouring lane's cell, Home and End to the first and last stage,
Ctrl+Up and Ctrl+Down to the previous or next lane without stepping through cards. Entering a cell
lands on its first card (its last when entered from below by Up), or on its empty place.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple

from ..layout import MapLayout
from ..model import LaneKind


# A named tuple: a frozen dataclass would cost every start about 0.5 ms to make (its generated methods)
class Spot(NamedTuple):
    """A cell (stage id, lane id) and a card in it; `card` None is the cell's empty place after its cards."""

    stage: str
    lane: str
    card: str | None = None

    @property
    def cell(self) -> tuple[str, str]:
        return self.stage, self.lane


class Indexes(NamedTuple):  # a named tuple, as Spot
    """Where a spot stood by number (stage, lane, card in the cell): the neighbours to fall back on
    when what it names is deleted."""

    stage: int
    lane: int
    card: int | None


class Move(Enum):
    LEFT = auto()
    RIGHT = auto()
    UP = auto()
    DOWN = auto()
    FIRST_STAGE = auto()
    LAST_STAGE = auto()
    LANE_UP = auto()
    LANE_DOWN = auto()


def start(layout: MapLayout) -> Spot | None:
    """The first stage of the first lane that holds cards (not an emotion curve's), or of the first
    lane; None for a map without cells."""
    if not layout.stages or not layout.lanes:
        return None
    lane = next((box.lane_id for box in layout.lanes.values() if box.kind != LaneKind.EMOTIONS),
                next(iter(layout.lanes)))
    return Spot(next(iter(layout.stages)), lane)


def step(layout: MapLayout, here: Spot, move: Move) -> Spot:
    """The place `move` goes to from `here` (a place of `layout`); `here` itself at the map's edge."""
    stages, lanes = list(layout.stages), list(layout.lanes)
    s, j = stages.index(here.stage), lanes.index(here.lane)
    cards = layout.cell_cards.get(here.cell, [])
    k = cards.index(here.card) if here.card in cards else None
    if move in (Move.LEFT, Move.RIGHT, Move.FIRST_STAGE, Move.LAST_STAGE):
        target = {Move.LEFT: s - 1, Move.RIGHT: s + 1, Move.FIRST_STAGE: 0, Move.LAST_STAGE: len(stages) - 1}[move]
        return _enter(layout, stages[target], here.lane) if 0 <= target < len(stages) and target != s else here
    if move in (Move.LANE_UP, Move.LANE_DOWN):
        target = j - 1 if move == Move.LANE_UP else j + 1
        return _enter(layout, here.stage, lanes[target]) if 0 <= target < len(lanes) else here
    if move == Move.UP:
        if k is None and cards:  # the empty place is after the last card
            return Spot(here.stage, here.lane, cards[-1])
        if k:
            return Spot(here.stage, here.lane, cards[k - 1])
        return _enter(layout, here.stage, lanes[j - 1], from_below=True) if j > 0 else here
    if k is not None and k + 1 < len(cards):
        return Spot(here.stage, here.lane, cards[k + 1])
    return _enter(layout, here.stage, lanes[j + 1]) if j + 1 < len(lanes) else here


def _enter(layout: MapLayout, stage: str, lane: str, from_below: bool = False) -> Spot:
    cards = layout.cell_cards.get((stage, lane), [])
    return Spot(stage, lane, (cards[-1] if from_below else cards[0]) if cards else None)


def indexes(layout: MapLayout, spot: Spot) -> Indexes:
    """The numbers of `spot`'s stage, lane and card in `layout`."""
    cards = layout.cell_cards.get(spot.cell, [])
    return Indexes(list(layout.stages).index(spot.stage), list(layout.lanes).index(spot.lane),
                   cards.index(spot.card) if spot.card in cards else None)


def settle(layout: MapLayout, spot: Spot, former: Indexes) -> Spot | None:
    """`spot` again after the map changed: with its card wherever that card now is; a deleted card
    gives way to the card that took its place in the cell (or the one before it, or the empty place),
    a deleted stage or lane to its neighbour; None when the map has no cells left."""
    if spot.card is not None and spot.card in layout.cards:
        box = layout.cards[spot.card]
        return Spot(box.stage_id, box.lane_id, spot.card)
    if not layout.stages or not layout.lanes:
        return None
    stages, lanes = list(layout.stages), list(layout.lanes)
    stage = spot.stage if spot.stage in layout.stages else stages[min(former.stage, len(stages) - 1)]
    lane = spot.lane if spot.lane in layout.lanes else lanes[min(former.lane, len(lanes) - 1)]
    if (stage, lane) != spot.cell:
        return _enter(layout, stage, lane)
    cards = layout.cell_cards.get(spot.cell, [])
    if spot.card is None or former.card is None or not cards:
        return Spot(stage, lane)
    return Spot(stage, lane, cards[min(former.card, len(cards) - 1)])
