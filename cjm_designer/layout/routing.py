"""Routes for links between cards: straight where nothing is in the way, otherwise orthogonal
paths that run in the gutters between stages and between lanes, where no card stands.

Links are routed in their order, each one's gutter lines making room for the next; then their labels
are placed (link_labels.py) in the same order, each seeing every line and the labels before it.
Routing one link notes what it read (its ends, the areas it looked for cards, labels and lines in,
the gutter lines it took), so that after an edit only the lines and labels whose reads the edit
touched are placed again: the others would come out the same, and the result is the routing from
scratch.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Link
from .boxes import LinkPath, MapLayout
from .geometry import Point, Rect
from .link_labels import RectIndex, Room, place_label, segment_rects, span_of
from .style import Style
from .text import Wraps


class Gutters:
    """How many links already run along each gutter line, so that the next one runs beside them
    (0, +4, -4, +8, -8 points off the line, then again) instead of on top of them."""

    OFFSETS = (0.0, 4.0, -4.0, 8.0, -8.0)

    def __init__(self):
        self._used: dict[tuple[str, float], int] = {}

    def shift(self, axis: str, at: float, room: float, reads: Reads) -> float:
        """A line near `at`, at most `room` points off it (the free half-width of the gutter)."""
        offsets = [o for o in self.OFFSETS if abs(o) < room - 1] or [0.0]
        key = (axis, round(at * 2) / 2)
        reads.gutters.append(key)
        return at + offsets[self.take(key) % len(offsets)]

    def take(self, key: tuple[str, float]) -> int:
        """One more link on the gutter line `key`; how many were on it before."""
        n = self._used.get(key, 0)
        self._used[key] = n + 1
        return n


class Reads:
    """What routing one link read: its ends and everything about them that its path depends on
    (`ends`), the areas it looked for cards in and the gutter lines it took (for its line), and the
    areas its label looked for cards, labels and lines in (`label_areas`)."""

    __slots__ = ("ends", "areas", "gutters", "label_areas")

    def __init__(self, ends: tuple, areas: list[Rect] | None = None, gutters: list[tuple[str, float]] | None = None):
        self.ends = ends
        self.areas: list[Rect] = [] if areas is None else areas
        self.gutters: list[tuple[str, float]] = [] if gutters is None else gutters
        self.label_areas: list[Rect] = []


def route_links(links: list[Link], layout: MapLayout, style: Style, wraps: Wraps,
                before: dict[str, LinkPath] | None = None, read: dict[str, Reads] | None = None,
                moved: Iterable[Rect] = ()) -> tuple[dict[str, LinkPath], dict[str, Reads]]:
    """The paths of `links` in `layout` (their labels wrapped through `wraps`), and what routing each
    read. Given the paths `before` and their reads, from an earlier layout with the same stages and
    lanes, and `moved`, the old and new rectangles of every card that appeared, went or moved since: a
    link whose ends are as they were, whose gutter lines no link routed anew took or left, and whose
    areas no moved card touches, keeps its line; a label whose line is kept and whose areas no moved
    card, no line that changed and no label placed anew touches stays where it was; the others are
    placed again (all of them when the links kept are in another order).

    Lines first, each link's gutter lines making room for the next; then labels, which see every
    line and the labels placed before them."""
    before, read = before or {}, read or {}
    ids = {link.id for link in links}
    if [link.id for link in links if link.id in before] != [link_id for link_id in before if link_id in ids]:
        before, read = {}, {}  # another order: every link meets other labels and gutters first
    moved = list(moved)
    cards_moved = RectIndex(moved)
    changed = cards_moved.copy()  # what labels must look at again: moved cards, changed lines and labels
    busy: set[tuple[str, float]] = set()  # gutter lines that links routed anew took or left
    for link_id, path in before.items():
        if link_id not in ids:
            _note(changed, path)
            busy.update(read[link_id].gutters)
    gutters = Gutters()
    routes: dict[str, tuple[Point, ...]] = {}
    reads: dict[str, Reads] = {}
    for link in links:
        ends = _ends(link, layout)
        old, old_reads = before.get(link.id), read.get(link.id)
        if old is not None and old_reads.ends == ends and busy.isdisjoint(old_reads.gutters) \
                and not any(cards_moved.touches(area) for area in old_reads.areas):
            for key in old_reads.gutters:
                gutters.take(key)
            routes[link.id], reads[link.id] = old.points, Reads(ends, old_reads.areas, old_reads.gutters)
            continue
        reads[link.id] = now = Reads(ends)
        source, target = layout.cards[link.source], layout.cards[link.target]
        routes[link.id] = points = tuple(_route(source.rect, target.rect, source.stage_id, target.stage_id,
                                                target.lane_id, layout, {link.source, link.target}, gutters, now))
        if old is None or points != old.points or now.gutters != old_reads.gutters:
            busy.update(now.gutters, old_reads.gutters if old_reads else ())
        if before and (old is None or points != old.points):  # (from scratch, no label is kept anyway)
            for rect in segment_rects(points) + (segment_rects(old.points) if old else []):
                changed.append(rect)

    room = Room(layout, routes, style.card_padding)
    paths: dict[str, LinkPath] = {}
    for link in links:
        old, old_reads, now, points = before.get(link.id), read.get(link.id), reads[link.id], routes[link.id]
        if old is not None and old.points == points and old_reads.ends == now.ends \
                and not any(changed.touches(area) for area in old_reads.label_areas):
            path, now.label_areas = old, old_reads.label_areas
        else:
            label, rect, leader = place_label(link.label, link.id, points, style, wraps, room, now.label_areas)
            path = LinkPath(link.id, link.kind.value, points, label, rect, leader)
            if before and (old is None or (path.label_rect, path.leader) != (old.label_rect, old.leader)):
                _note(changed, old, lines=False)
                _note(changed, path, lines=False)
        room.add(path.label_rect, path.leader, link.id)
        paths[link.id] = path
    return paths, reads


def _note(index: RectIndex, path: LinkPath | None, lines: bool = True) -> None:
    """Add what `path` covers to `index`: its label and leader, and its line's sides (`lines`)."""
    if path is None:
        return
    rects = (segment_rects(path.points) if lines else []) + [path.label_rect] + (
        [span_of(*path.leader)] if path.leader else [])
    for rect in rects:
        if rect is not None:
            index.append(rect)


def _ends(link: Link, layout: MapLayout) -> tuple:
    """All that a link's path depends on besides the cards and labels around it and the gutters."""
    source, target = layout.cards[link.source], layout.cards[link.target]
    column_a, column_b = layout.stages[source.stage_id].column, layout.stages[target.stage_id].column
    return (link.source, link.target, link.label, link.kind, source.rect, target.rect, source.stage_id,
            target.stage_id, column_a.x, column_a.w, column_b.x, column_b.w, layout.lanes[target.lane_id].row,
            layout.gutter_room)


def _route(a: Rect, b: Rect, stage_a: str, stage_b: str, lane_b: str, layout: MapLayout,
           ends: set[str], gutters: Gutters, reads: Reads) -> list[Point]:
    column_a, column_b = layout.stages[stage_a].column, layout.stages[stage_b].column
    overlap_y = max(a.y, b.y) + 4 <= min(a.bottom, b.bottom) - 4
    overlap_x = max(a.x, b.x) + 4 <= min(a.right, b.right) - 4

    if overlap_y and (b.x >= a.right or a.x >= b.right):  # side by side: one horizontal line
        y = (max(a.y, b.y) + min(a.bottom, b.bottom)) / 2
        start, end = (Point(a.right, y), Point(b.x, y)) if b.x >= a.right else (Point(a.x, y), Point(b.right, y))
        if _clear([start, end], layout, ends, reads):
            return [start, end]
    if overlap_x and (b.y >= a.bottom or a.y >= b.bottom):  # one above the other: one vertical line
        x = (max(a.x, b.x) + min(a.right, b.right)) / 2
        start, end = (Point(x, a.bottom), Point(x, b.y)) if b.y >= a.bottom else (Point(x, a.y), Point(x, b.bottom))
        if _clear([start, end], layout, ends, reads):
            return [start, end]

    ay, by = a.center.y, b.center.y
    if stage_a == stage_b:  # same stage: along the gutter on the stage's right
        room = layout_padding(column_a, a)
        gutter = gutters.shift("x", column_a.right - room, room, reads)
        return [Point(a.right, ay), Point(gutter, ay), Point(gutter, by), Point(b.right, by)]
    forward = column_b.x >= column_a.right
    room = layout.gutter_room
    leave_x = gutters.shift("x", column_a.right if forward else column_a.x, room, reads)
    enter_x = gutters.shift("x", column_b.x if forward else column_b.right, room, reads)
    start = Point(a.right if forward else a.x, ay)
    end = Point(b.x if forward else b.right, by)
    adjacent = (column_a.right == column_b.x) if forward else (column_b.right == column_a.x)
    if adjacent:
        return [start, Point(leave_x, ay), Point(leave_x, by), end]
    lane = layout.lanes[lane_b].row
    corridor = gutters.shift("y", lane.y if abs(ay - lane.y) <= abs(ay - lane.bottom) else lane.bottom, room,
                              reads)
    return [start, Point(leave_x, ay), Point(leave_x, corridor), Point(enter_x, corridor), Point(enter_x, by), end]


def layout_padding(column: Rect, card: Rect) -> float:
    """Half the free space between a card and the right edge of its stage column."""
    return max((column.right - card.right) / 2, 2)


def _clear(points: list[Point], layout: MapLayout, ends: set[str], reads: Reads) -> bool:
    """No card other than the link's ends touches the straight segment."""
    (x1, y1), (x2, y2) = (points[0].x, points[0].y), (points[1].x, points[1].y)
    segment = Rect(min(x1, x2) - 1, min(y1, y2) - 1, abs(x2 - x1) + 2, abs(y2 - y1) + 2)
    reads.areas.append(segment)
    return not any(card_id not in ends for card_id, _ in layout.cards_touching(segment))
