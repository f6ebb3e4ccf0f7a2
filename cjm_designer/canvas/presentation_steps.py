"""The steps of a presentation (ui/presentation.py) and where the view looks at each: the whole map,
then each stage's column with its header, and, when asked, each of the stage's cells after it.

Geometry over the layout alone. A stage or a cell is framed from the view's top left corner, with the
lane headers' band left of it and, for a cell, the stage headers' band above it: there the view's
pinned headers (pinned_headers.py) draw the names of the lanes and of the stage, so the audience
always reads where on the journey the map is; what the screen shows beyond the step is the next
stages and lanes, veiled.

A stage too tall to be read whole on the screen (many lanes) is shown in parts, each a run of its
lanes that fits at READABLE zoom, as a reader scrolls down a column: the text stays the size of the
editor's or larger on a projector, where the whole column would have shrunk it to a third."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF

from ..layout import MapLayout, Rect, StageBox
from .current_cell import clear_of_pins

MAX_ZOOM = 3.0  # a small map's step is not blown up past this: the cards would look coarse
READABLE = 0.9  # the least zoom of a stage's part on a screen 1080 pixels high (in proportion on others)
MARGIN = 0.03  # of the screen, kept free right of a step (around the whole map)
FOOT = 0.07  # of the screen's height, kept free below a step: the caption's place


@dataclass(frozen=True)
class Step:
    """`lit`: the map area the step shows in full light (scene units), the header bands included;
    `cards`: where its cards are (the stage's column or part of it, the cell); `stage_id` None for the
    whole map; `lane_id` set for a cell; `lanes`: the lanes a stage's step shows; `part`: which of
    how many parts of its stage it is, (1, 1) for a stage shown whole."""

    lit: QRectF
    cards: QRectF
    stage_id: str | None = None
    lane_id: str | None = None
    lanes: tuple[str, ...] = ()
    part: tuple[int, int] = (1, 1)

    @property
    def veiled(self) -> bool:
        """Whether the screen beyond `lit` is veiled: not around the whole map, where it is empty."""
        return self.stage_id is not None


def steps(layout: MapLayout, screen: QSizeF, by_lane: bool = False) -> list[Step]:
    """The whole map, then each stage (in parts where it is too tall for `screen`), and, `by_lane`,
    after each stage's step each of its cells there, in lane order."""
    whole = QRectF(0, 0, layout.width, layout.height)
    found = [Step(whole, whole)]
    for stage in layout.stages.values():
        parts = _parts(layout, stage, screen)
        for number, lanes in enumerate(parts, 1):
            cells = [QRectF(*layout.cells[(stage.stage_id, lane_id)]) for lane_id in lanes]
            column = cells[0].united(cells[-1]) if cells else QRectF(*stage.column)
            lit = clear_of_pins(layout, column) if cells else _band_left(layout, QRectF(*stage.header).united(column))
            found.append(Step(lit, column, stage.stage_id, None, tuple(lanes), (number, len(parts))))
            if by_lane:
                found += [Step(clear_of_pins(layout, cell), cell, stage.stage_id, lane_id, (lane_id,))
                          for lane_id, cell in zip(lanes, cells, strict=True)]
    return found


def _band_left(layout: MapLayout, rect: QRectF) -> QRectF:
    """`rect` with room left of it for the lane headers' band (a map with no lanes has none)."""
    band = max((box.header.w for box in layout.lanes.values()), default=0.0)
    return rect.adjusted(-band, 0, 0, 0)


def _parts(layout: MapLayout, stage: StageBox, screen: QSizeF) -> list[list[str]]:
    """The stage's lanes in runs that each fit the screen at READABLE zoom (at most the zoom that fits
    the column's width): all in one run when the whole column does."""
    lanes = list(layout.lanes.values())
    whole = clear_of_pins(layout, QRectF(*stage.column))
    target = min(READABLE * screen.height() / 1080, _zoom(whole.width(), 1.0, screen, False))
    if not lanes or _zoom(whole.width(), whole.height(), screen, False) >= target:
        return [[lane.lane_id for lane in lanes]]
    room = screen.height() * (1 - FOOT) / target - (stage.column.y - whole.top())  # below the stage band
    runs: list[list[str]] = [[]]
    used = 0.0
    for lane in lanes:
        if runs[-1] and used + lane.row.h > room:
            runs.append([])
            used = 0.0
        runs[-1].append(lane.lane_id)
        used += lane.row.h
    return runs


def _zoom(width: float, height: float, screen: QSizeF, whole: bool) -> float:
    """The zoom that fits `width` × `height` on the screen beside its margins (up to MAX_ZOOM)."""
    free_width = screen.width() * (1 - MARGIN * (2 if whole else 1))
    free_height = screen.height() * (1 - FOOT * (2 if whole else 1))
    return min(free_width / max(width, 1.0), free_height / max(height, 1.0), MAX_ZOOM)


def framing(step: Step, screen: QSizeF) -> QRectF:
    """The map area a view of `screen`'s size shows for `step`: the step as large as fits (up to
    MAX_ZOOM) above the caption's place, in the top left corner (the whole map: in the middle)."""
    whole = step.stage_id is None
    zoom = _zoom(step.lit.width(), step.lit.height(), screen, whole)
    area = QRectF(step.lit.topLeft(), QSizeF(screen.width() / zoom, screen.height() / zoom))
    if whole:
        area.moveCenter(step.lit.center())
    return area


def index_near(found: list[Step], stage_id: str | None, lane_id: str | None = None,
               part_of: str | None = None) -> int:
    """The step of `found` nearest to a place: the cell of `lane_id` in the stage, else the stage's
    part showing `part_of` (or that lane), else the stage's first step; the whole map's when the
    stage has none."""
    best, rank = 0, 3
    for index, step in enumerate(found):
        if stage_id is None or step.stage_id != stage_id:
            continue
        if lane_id is not None and step.lane_id == lane_id:
            return index
        shown = part_of or lane_id
        here = 3 if step.lane_id is not None else 1 if shown is not None and shown in step.lanes else 2
        if here < rank:
            best, rank = index, here
    return best


def cards_in(layout: MapLayout, area: QRectF) -> list[str]:
    """The cards whose middle is in `area`, in the map's order (stage, lane, top to bottom)."""
    found = layout.cards_touching(Rect(area.x(), area.y(), area.width(), area.height()))
    return [card_id for card_id, rect in found if area.contains(rect.x + rect.w / 2, rect.y + rect.h / 2)]


def card_at(layout: MapLayout, x: float, y: float) -> str | None:
    """The card at this map point, if any."""
    return next((card_id for card_id, _ in layout.cards_touching(Rect(x, y, 0.5, 0.5))), None)


def between(start: QRectF, end: QRectF, t: float) -> QRectF:
    """The rectangle `t` of the way (0 to 1) from `start` to `end`: a frame of a move."""
    return QRectF(start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t,
                  start.width() + (end.width() - start.width()) * t,
                  start.height() + (end.height() - start.height()) * t)
