"""What the layout engine returns: boxes of stages, lanes, cells, cards, links and emotion curves."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import LaneKind
from . import drawing, palette
from .geometry import Point, Rect, TextLine


class Marker(NamedTuple):
    """A small sign in a card's marker rows: its kind, where (relative to the card), text, value."""

    kind: str  # channel, device, emotion, quality, pain, owner, kpi, metrics, variants (an A/B test)
    rect: Rect
    text: str = ""
    value: object = None
    color: str = ""  # a colour of its own (the emotion dot of a persona's curve), else the kind's


class CardFace:
    """What is drawn inside a card (text lines and markers, relative to it) and its height.

    The height is measured at once, for the layout; the lines and markers are made by `make(*args)`
    when first asked for, so a big map builds them only for the cards that get drawn (and holds no
    closure per card). Faces are remembered by content and compared by identity: the same content
    gives the same face."""

    __slots__ = ("height", "_make", "_args", "_built")

    def __init__(self, height: float, make: Callable[..., tuple[tuple[TextLine, ...], tuple[Marker, ...]]] | None,
                 args: tuple = (), built: tuple[tuple[TextLine, ...], tuple[Marker, ...]] | None = None):
        self.height = height
        self._make, self._args, self._built = make, args, built

    def contents(self) -> tuple[tuple[TextLine, ...], tuple[Marker, ...]]:
        if self._built is None:
            self._built = self._make(*self._args)
            self._make = self._args = None
        return self._built


@dataclass(slots=True)
class CardBox:
    """A card's place and face; shared between layouts when unchanged, so never modified."""

    card_id: str
    stage_id: str
    lane_id: str
    index: int
    rect: Rect
    face: CardFace
    fill: str  # the card's colour, or its lane's
    compact: bool = False  # drawn as a point of the emotion curve with its title
    _drawing: drawing.CardDrawing | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def lines(self) -> tuple[TextLine, ...]:
        return self.face.contents()[0]

    @property
    def markers(self) -> tuple[Marker, ...]:
        return self.face.contents()[1]

    @property
    def drawing(self) -> drawing.CardDrawing:
        """What the card looks like in its own fill, made when first asked for (most cards of a big
        map are never drawn) and kept, since the box is never modified."""
        if self._drawing is None:
            self._drawing = drawing.card_drawing(self, self.fill)
        return self._drawing


class _Header:
    """What a stage's and a lane's box share: the header's lines, placed on the map when first asked
    for and kept (the box is frozen, so the field is set past the dataclass's guard)."""

    __slots__ = ()

    @property
    def texts(self) -> tuple[TextLine, ...]:
        """The header's lines placed on the map, as the canvas and the PDF draw them."""
        if self._texts is None:
            object.__setattr__(self, "_texts", drawing.texts(self.lines, self.header.x, self.header.y))
        return self._texts


@dataclass(frozen=True, slots=True)
class StageBox(_Header):
    """A stage's header and its column down the grid."""

    stage_id: str
    index: int
    header: Rect
    column: Rect
    lines: tuple[TextLine, ...]
    fill: str  # the header's colour
    name: str  # the stage's name in full, as pages around the map list it (the header's lines may cut it)
    _texts: tuple[TextLine, ...] | None = field(default=None, init=False, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class LaneBox(_Header):
    """A lane's header and its row across the grid."""

    lane_id: str
    index: int
    kind: LaneKind
    header: Rect
    row: Rect
    lines: tuple[TextLine, ...]
    fill: str  # the header's colour
    cell_fill: str  # the colour of the lane's cells
    legend: tuple[drawing.Shape, ...] = ()  # an emotions lane's curves named, placed on the map under its name
    _texts: tuple[TextLine, ...] | None = field(default=None, init=False, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class LinkPath:
    """A link's route from card to card, and its label's lines and place."""

    link_id: str
    kind: str  # the link's kind (LinkKind's value), which sets its colour and dashes
    points: tuple[Point, ...]
    label: tuple[TextLine, ...]
    label_rect: Rect | None
    leader: tuple[Point, Point] | None = None  # from the line to a label set apart from it, where there was room
    _drawing: drawing.LinkDrawing | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def drawing(self) -> drawing.LinkDrawing:
        """The link's line, arrowhead and label, made when first asked for and kept."""
        if self._drawing is None:
            object.__setattr__(self, "_drawing", drawing.link_drawing(self))
        return self._drawing

    def bounds(self) -> Rect:
        """What the link covers: its line with room for the stroke and the arrow head, and its label."""
        xs, ys = [p.x for p in self.points], [p.y for p in self.points]
        left, top, right, bottom = min(xs) - 8, min(ys) - 8, max(xs) + 8, max(ys) + 8
        if self.label_rect is not None:
            label = self.label_rect
            left, top = min(left, label.x), min(top, label.y)
            right, bottom = max(right, label.right), max(bottom, label.bottom)
        return Rect(left, top, right - left, bottom - top)


@dataclass(frozen=True, slots=True)
class EmotionCurve:
    """One curve of an emotions lane: the map's own through the points tagged with no persona (it
    draws the lane's level guides too, so a lane always has it), or a persona's, in its colour."""

    lane_id: str
    points: tuple[Point, ...]
    zero_y: float
    levels: tuple[float, ...]  # y of emotion -2, -1, 0, +1, +2
    row: Rect  # the lane's row right of its header
    persona_id: str | None = None
    color: str = palette.CURVE
    card_ids: tuple[str, ...] = ()  # the curve's cards in the order it joins them, those with no emotion too
    _shapes: tuple[drawing.Path, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def shapes(self) -> tuple[drawing.Path, ...]:
        """The guides (of the map's own curve) and the smooth line, made when first asked for and kept."""
        if self._shapes is None:
            object.__setattr__(self, "_shapes", drawing.curve_shapes(self))
        return self._shapes


@dataclass
class MapLayout:
    """Every part of a map, placed: what `compute_layout` returns."""

    width: float
    height: float
    title_rect: Rect
    title: tuple[TextLine, ...]
    title_photo: drawing.PersonaPhoto | None = None  # placed on the map, in the title's rectangle
    language: str = "en"  # the map's ("ru" or "en", model/captions.py): of its captions and the pages around it
    stages: dict[str, StageBox] = field(default_factory=dict)
    lanes: dict[str, LaneBox] = field(default_factory=dict)
    cells: dict[tuple[str, str], Rect] = field(default_factory=dict)
    cards: dict[str, CardBox] = field(default_factory=dict)
    links: dict[str, LinkPath] = field(default_factory=dict)
    curves: list[EmotionCurve] = field(default_factory=list)
    cell_cards: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    gutter_room: float = 0.0  # free space on each side of a line between two stages or two lanes
    _tops: dict[tuple[str, str], tuple[list[float], list[str], float, list[CardBox]]] = field(
        default_factory=dict, repr=False)
    _edges: tuple | None = field(default=None, repr=False)

    def curves_by_lane(self) -> dict[str, tuple[EmotionCurve, ...]]:
        """Each emotions lane's curves: its own, then its personas'."""
        by_lane: dict[str, tuple[EmotionCurve, ...]] = {}
        for curve in self.curves:
            by_lane[curve.lane_id] = by_lane.get(curve.lane_id, ()) + (curve,)
        return by_lane

    def title_texts(self) -> tuple[TextLine, ...]:
        """The title's lines placed on the map."""
        return drawing.texts(self.title, self.title_rect.x, self.title_rect.y)

    def cells_under(self, area: Rect) -> list[tuple[str, str]]:
        """The cells that `area` overlaps, found by bisection over the column and row edges."""
        x, y, w, h = area
        return self.cells_within(x, y, x + w, y + h)

    def cells_within(self, left: float, top: float, right: float, bottom: float) -> list[tuple[str, str]]:
        """`cells_under` an area given by its edges (for label placement, which asks this thousands of
        times)."""
        if self._edges is None:
            stages, lanes = list(self.stages.values()), list(self.lanes.values())
            self._edges = ([s.column.x for s in stages], [s.stage_id for s in stages],
                           [lane.row.y for lane in lanes], [lane.lane_id for lane in lanes])
        xs, stage_ids, ys, lane_ids = self._edges
        first_stage = max(bisect_right(xs, left) - 1, 0)
        last_stage = bisect_left(xs, right)
        first_lane = max(bisect_right(ys, top) - 1, 0)
        last_lane = bisect_left(ys, bottom)
        return [(stage_ids[i], lane_ids[j]) for i in range(first_stage, last_stage)
                for j in range(first_lane, last_lane)]

    def cards_touching(self, area: Rect):
        """(id, rect) of the cards that intersect `area`; only the cells under it are looked at, and
        in each cell only the cards at its height (by bisection), so this stays fast on big maps."""
        for stage_id, lane_id in self.cells_under(area):
            if not self.cell_cards.get((stage_id, lane_id)):
                continue
            tops, ids, tallest, boxes = self.cell_boxes(stage_id, lane_id)
            left, top, right, bottom = area.x, area.y, area.x + area.w, area.y + area.h
            for k in range(bisect_left(tops, top - tallest), bisect_left(tops, bottom)):
                rect = boxes[k].rect
                x, y, w, h = rect
                if x < right and left < x + w and y < bottom and top < y + h:
                    yield ids[k], rect

    def covered_area(self, area: Rect, enough: float) -> float:
        """The area of cards under `area`, counted until it reaches `enough` (what
        `cards_touching` finds, summed without making a generator: label placement asks this often)."""
        left, top, right, bottom = area.x, area.y, area.x + area.w, area.y + area.h
        total = 0.0
        for key in self.cells_under(area):
            if not self.cell_cards.get(key):
                continue
            tops, _, tallest, boxes = self.cell_boxes(*key)
            for box in boxes[bisect_left(tops, top - tallest):bisect_left(tops, bottom)]:
                x, y, w, h = box.rect
                if x < right and left < x + w and y < bottom and top < y + h:
                    total += (min(right, x + w) - max(left, x)) * (min(bottom, y + h) - max(top, y))
                    if total >= enough:
                        return total
        return total

    def cell_boxes(self, stage_id: str, lane_id: str) -> tuple[list[float], list[str], float, list[CardBox]]:
        """The tops of a cell's cards from the highest down, their ids and boxes in that order, and the
        tallest card's height, for finding the cards near a point by bisection. Cards flowed in rows
        are in that order already (so a big map's cells are not sorted again); the points of an
        emotion curve stand at the height of their emotion, so they are sorted (stably, so that cards
        at one height keep the cell's order)."""
        key = (stage_id, lane_id)
        found = self._tops.get(key)
        if found is None:
            boxes = [self.cards[card_id] for card_id in self.cell_cards.get(key, ())]
            tops = [box.rect.y for box in boxes]
            if tops != sorted(tops):
                boxes.sort(key=lambda box: box.rect.y)
                tops = [box.rect.y for box in boxes]
            found = self._tops[key] = (tops, [box.card_id for box in boxes],
                                       max((box.rect.h for box in boxes), default=0.0), boxes)
        return found

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        stage = next((s.stage_id for s in self.stages.values() if s.column.x <= x < s.column.right), None)
        lane = next((lane.lane_id for lane in self.lanes.values() if lane.row.y <= y < lane.row.bottom), None)
        return (stage, lane) if stage and lane else None

    def drop_index(self, stage_id: str, lane_id: str, x: float, y: float, ignore: set[str] = frozenset()) -> int:
        """Where among the cell's cards (those in `ignore` left out) a card dropped at (x, y) goes."""
        index = 0
        for card_id in self.cell_cards.get((stage_id, lane_id), []):
            if card_id in ignore:
                continue
            box = self.cards[card_id]
            r = box.rect
            before = (x >= r.center.x) if box.compact else (
                y >= r.bottom or (r.y <= y < r.bottom and x >= r.center.x))
            if before:
                index += 1
        return index
