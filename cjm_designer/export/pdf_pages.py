"""How a map is put on PDF pages: one poster page, tiles on A4/A3, or all of it fitted on one sheet.

Pure geometry over the layout, so the export dialog can preview the page split without drawing
anything. Map coordinates are the layout's points (y downwards); page coordinates are points too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from ..layout import MapLayout, Rect

MM = 72 / 25.4
MAX_PAGE = 14_400  # points (200 in): the largest page PDF viewers accept
PAPERS = {"A4": (297 * MM, 210 * MM), "A3": (420 * MM, 297 * MM)}  # landscape: width, height
BAND = 22.0  # height of the header and of the footer band on a printed sheet


class Pages(StrEnum):
    POSTER = "poster"  # one page the size of the map
    TILES = "tiles"  # the map at full size over as many sheets as it needs
    FIT = "fit"  # the whole map scaled onto one sheet


@dataclass(frozen=True)
class PageOptions:
    pages: Pages = Pages.POSTER
    paper: str = "A4"
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

    paper = PAPERS[options.paper]
    area = _printable(paper, options)
    if options.pages == Pages.FIT:
        scale = min(area.w / width, area.h / height)
        target = Rect(area.x + (area.w - width * scale) / 2, area.y, width * scale, height * scale)
        return PagePlan(paper, scale, [Tile(1, 0, 0, Rect(0, 0, width, height), target,
                                            _stages_in(layout, 0, width))])

    scale = options.scale
    overlap = min(options.overlap, area.w / 3, area.h / 3)
    step_x, step_y = (area.w - overlap) / scale, (area.h - overlap) / scale
    columns = max(1, math.ceil((width - overlap / scale) / step_x - 1e-9))
    rows = max(1, math.ceil((height - overlap / scale) / step_y - 1e-9))
    tiles = []
    for row in range(rows):
        for column in range(columns):
            x, y = column * step_x, row * step_y
            w, h = min(area.w / scale, width - x), min(area.h / scale, height - y)
            tiles.append(Tile(len(tiles) + 1, row, column, Rect(x, y, w, h),
                              Rect(area.x, area.y, w * scale, h * scale), _stages_in(layout, x, x + w)))
    return PagePlan(paper, scale, tiles, rows, columns)


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
