"""How a map is put on PDF pages: one poster page, tiles on A4/A3, or all of it fitted on one sheet.

Pure geometry over the layout, so the export dialog can preview the page split without drawing
anything. Map coordinates are the layout's points (y downwards); page coordinates are points too.
Tiles and fit choose the sheet's orientation when asked to (auto): tiles the fewest sheets, none
under a quarter full, fit the larger scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from ..layout import MapLayout, Rect
from .pdf_sheet_cuts import cut, even_share, sheets_needed

MM = 72 / 25.4
MAX_PAGE = 14_400  # points (200 in): the largest page PDF viewers accept
PAPERS = {"A4": (297 * MM, 210 * MM), "A3": (420 * MM, 297 * MM)}  # landscape: width, height
BAND = 22.0  # height of the header and of the footer band on a printed sheet
LEAST_FILL = 0.25  # no tiled sheet less full than this, of its printable area, when the map allows
LEAST_SCALE = 0.85  # tiles may be printed this much smaller than asked, to save a row or column of sheets


class Pages(StrEnum):
    POSTER = "poster"  # one page the size of the map
    TILES = "tiles"  # the map at full size over as many sheets as it needs
    FIT = "fit"  # the whole map scaled onto one sheet


class Orientation(StrEnum):
    AUTO = "auto"  # tiles: the fewest, fullest sheets; fit: the larger scale; other pages landscape
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


def sheet_size(paper: str, orientation: Orientation) -> tuple[float, float]:
    """Width and height of a sheet of `paper` turned as asked (auto: landscape)."""
    width, height = PAPERS[paper]
    return (height, width) if orientation == Orientation.PORTRAIT else (width, height)


@dataclass(frozen=True)
class PageOptions:
    pages: Pages = Pages.POSTER
    paper: str = "A4"
    orientation: Orientation = Orientation.AUTO
    margin: float = 10 * MM
    overlap: float = 10 * MM  # tiles: what two neighbouring sheets both show, for gluing
    scale: float = 1.0  # tiles: the map's size on paper (1 = the size it has on screen at 100 %)
    header: bool = True  # title and date at the top, page number at the bottom of each sheet


@dataclass(frozen=True)
class Tile:
    """One page of the map: the part of the map it shows (`source`, map points), where that part
    goes on the page (`target`, page points, y downwards) and its place in the grid of sheets."""

    number: int  # 1-based, among the map's pages
    row: int
    column: int
    source: Rect
    target: Rect
    stages: tuple[str, ...] = ()  # ids of the stages it shows, for the index


@dataclass
class PagePlan:
    page_size: tuple[float, float]  # width, height in points
    scale: float  # map points to page points
    tiles: list[Tile] = field(default_factory=list)
    rows: int = 1
    columns: int = 1
    notes: list[str] = field(default_factory=list)  # what the user should know (scaled down, ...)
    printable: Rect | None = None  # tiles and fit: the part of a sheet the map may use
    overlap: float = 0.0  # tiles: what neighbouring sheets both show, page points

    @property
    def orientation(self) -> Orientation:
        width, height = self.page_size
        return Orientation.PORTRAIT if height > width else Orientation.LANDSCAPE

    def fill(self, tile: Tile) -> float:
        """How much of the sheet's printable area `tile` fills (the poster's page: all of it)."""
        area = self.printable or Rect(0, 0, *self.page_size)
        return tile.target.w * tile.target.h / (area.w * area.h)


def plan_pages(layout: MapLayout, options: PageOptions) -> PagePlan:
    """Where each part of the map goes, page by page."""
    width, height = max(layout.width, 1.0), max(layout.height, 1.0)
    if options.pages == Pages.POSTER:
        scale = min(1.0, MAX_PAGE / max(width, height))
        notes = [] if scale == 1.0 else [
            f"the map is {width / 72:.0f} × {height / 72:.0f} in, larger than PDF viewers show on one page "
            f"(200 in): the poster is scaled to {percent(scale)}; choose tiles to print it at full size"]
        page = (width * scale, height * scale)
        tile = Tile(1, 0, 0, Rect(0, 0, width, height), Rect(0, 0, *page), _stages_in(layout, 0, width))
        return PagePlan(page, scale, [tile], notes=notes)
    if options.pages == Pages.FIT:
        return max((_fitted(layout, options, turn) for turn in _orientations(options)), key=lambda plan: plan.scale)
    plans = [_tiled(layout, options, turn, scale) for turn in _orientations(options)
             for scale in _scales(layout, options, turn)]
    full = [plan for plan in plans if min(map(plan.fill, plan.tiles)) >= LEAST_FILL - 1e-9] or plans
    plan = min(full, key=lambda plan: (len(plan.tiles), -plan.scale, -min(map(plan.fill, plan.tiles))))
    if plan.scale < options.scale:
        fewest = min(len(other.tiles) for other in plans if other.scale == options.scale)
        plan.notes.append(f"the map is printed at {percent(plan.scale / options.scale)} of the size asked for, "
                          f"on {len(plan.tiles)} sheets instead of {fewest}")
    if len(plan.tiles) == 1 and plan.fill(plan.tiles[0]) < LEAST_FILL:
        plan.notes.append(f"the map fills {percent(plan.fill(plan.tiles[0]))} of the sheet; "
                          "fit prints it larger")
    return plan


def _orientations(options: PageOptions) -> tuple[Orientation, ...]:
    if options.orientation == Orientation.AUTO:
        return Orientation.LANDSCAPE, Orientation.PORTRAIT
    return (options.orientation,)


def _fitted(layout: MapLayout, options: PageOptions, orientation: Orientation) -> PagePlan:
    """The whole map on one sheet turned as `orientation`, as large as it fits, centred across."""
    width, height = max(layout.width, 1.0), max(layout.height, 1.0)
    paper = sheet_size(options.paper, orientation)
    area = _printable(paper, options)
    scale = min(area.w / width, area.h / height)
    target = Rect(area.x + (area.w - width * scale) / 2, area.y, width * scale, height * scale)
    return PagePlan(paper, scale, [Tile(1, 0, 0, Rect(0, 0, width, height), target, _stages_in(layout, 0, width))],
                    printable=area)


def _scales(layout: MapLayout, options: PageOptions, orientation: Orientation) -> list[float]:
    """The scale asked for, and each smaller one (down to LEAST_SCALE of it) at which the map needs
    one row or column of sheets fewer."""
    area = _printable(sheet_size(options.paper, orientation), options)
    overlap = min(options.overlap, area.w / 3, area.h / 3)
    scales = [options.scale]
    for length, room in ((max(layout.width, 1.0), area.w), (max(layout.height, 1.0), area.h)):
        count = sheets_needed(length * options.scale, room, overlap)
        for fewer in range(count - 1, 0, -1):
            scale = (fewer * room - (fewer - 1) * overlap) / length * (1 - 1e-9)
            if scale < LEAST_SCALE * options.scale:
                break
            scales.append(scale)
    return scales


def _tiled(layout: MapLayout, options: PageOptions, orientation: Orientation, scale: float) -> PagePlan:
    """The map at `scale` over a grid of sheets turned as `orientation`, the fewest that hold it,
    sharing it evenly and cut between stages and lanes where they can."""
    width, height = max(layout.width, 1.0), max(layout.height, 1.0)
    paper = sheet_size(options.paper, orientation)
    area = _printable(paper, options)
    overlap = min(options.overlap, area.w / 3, area.h / 3)
    axes = [(width, area.w, sorted(box.column.x for box in layout.stages.values())),
            (height, area.h, sorted({box.row.y for box in layout.lanes.values()}
                                    | {box.header.y for box in layout.stages.values()}))]
    counts = [sheets_needed(length * scale, room, overlap) for length, room, _ in axes]
    # a sheet is as full as its column times its row: a share over half of each keeps it over a quarter
    surest = [0.5 if count > 1 else min(1.0, length * scale / room) for count, (length, room, _) in zip(counts, axes)]
    spans = []
    for (length, room, lines), count, other in zip(axes, counts, reversed(surest)):
        even = even_share(length * scale, overlap, count) / room
        least = min(even, max(0.5, LEAST_FILL / other)) * room / scale
        spans.append(cut(length, room / scale, overlap / scale, count, lines, least))
    columns, rows = spans
    tiles = []
    for row, (top, bottom) in enumerate(rows):
        for column, (left, right) in enumerate(columns):
            source = Rect(left, top, right - left, bottom - top)
            target = Rect(area.x, area.y, source.w * scale, source.h * scale)
            tiles.append(Tile(len(tiles) + 1, row, column, source, target, _stages_in(layout, left, right)))
    return PagePlan(paper, scale, tiles, len(rows), len(columns), printable=area, overlap=overlap)


def percent(fraction: float) -> str:
    """`fraction` as a percentage with two significant figures below 10 % (0.4%, 0.037%), so that a
    small scale never reads as 0%."""
    value = fraction * 100
    digits = 0 if value >= 10 else max(1, 1 - math.floor(math.log10(value)))
    return f"{value:.{digits}f}%"


def _printable(paper: tuple[float, float], options: PageOptions) -> Rect:
    """The part of a sheet the map may use: inside the margins, clear of the header and footer."""
    band = BAND if options.header else 0.0
    margin = min(options.margin, paper[0] / 4, paper[1] / 4)
    return Rect(margin, margin + band, paper[0] - 2 * margin, paper[1] - 2 * margin - 2 * band)


def _stages_in(layout: MapLayout, left: float, right: float) -> tuple[str, ...]:
    """The stages whose columns show between `left` and `right` (more than a sliver of them)."""
    return tuple(stage_id for stage_id, box in layout.stages.items()
                 if min(right, box.column.right) - max(left, box.column.x) > min(24.0, box.column.w / 4))
