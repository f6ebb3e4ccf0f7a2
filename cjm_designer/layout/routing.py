"""Routes for links between cards: straight where nothing is in the way, otherwise orthogonal
paths that run in the gutters between stages and between lanes, where no card stands.

Links are routed in their order, each one's label and gutter lines making room for the next. Routing
one link notes what it read (its ends, the areas it looked for cards and labels in, the gutter lines
it took), so that after an edit only the links whose reads the edit touched are routed again: the
others would come out the same, and the result is the routing from scratch.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..model import Link
from .boxes import LinkPath, MapLayout
from .geometry import Point, Rect, TextLine
from .style import Style
from .text import wrap


class LabelIndex:
    """Labels placed so far, bucketed on a coarse grid so that each new label meets only its
    neighbours."""

    CELL = 100.0

    def __init__(self, rects: Iterable[Rect] = ()):
        self._buckets: dict[tuple[int, int], list[Rect]] = {}
        for rect in rects:
            self.append(rect)

    def _keys(self, rect: Rect):
        cell = self.CELL
        for i in range(int(rect.x // cell), int((rect.x + rect.w) // cell) + 1):
            for j in range(int(rect.y // cell), int((rect.y + rect.h) // cell) + 1):
                yield i, j

    def append(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._buckets.setdefault(key, []).append(rect)

    def covered_area(self, rect: Rect) -> float:
        """The area of placed labels under `rect`."""
        found = [other for key in self._keys(rect) for other in self._buckets.get(key, ())]
        if len(found) > 1:
            found = set(found)  # a label in several buckets counts once
        left, top, right, bottom = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
        return sum(max(0.0, min(right, x + w) - max(left, x)) * max(0.0, min(bottom, y + h) - max(top, y))
                   for x, y, w, h in found)

    def touches(self, rect: Rect) -> bool:
        """Whether a rectangle here meets `rect`, edges included."""
        if not self._buckets:
            return False
        left, top, right, bottom = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
        return any(x <= right and left <= x + w and y <= bottom and top <= y + h
                   for key in self._keys(rect) for x, y, w, h in self._buckets.get(key, ()))


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
    (`ends`), the areas it looked for cards and labels in, and the gutter lines it took."""

    __slots__ = ("ends", "areas", "gutters")

    def __init__(self, ends: tuple):
        self.ends = ends
        self.areas: list[Rect] = []
        self.gutters: list[tuple[str, float]] = []


def route_links(links: list[Link], layout: MapLayout, style: Style, before: dict[str, LinkPath] | None = None,
                read: dict[str, Reads] | None = None, moved: Iterable[Rect] = ()
                ) -> tuple[dict[str, LinkPath], dict[str, Reads]]:
    """The paths of `links` in `layout`, and what routing each read. Given the paths `before` and
    their reads, from an earlier layout with the same stages and lanes, and `moved`, the old and new
    rectangles of every card that appeared, went or moved since: a link whose ends are as they were,
    whose gutter lines no link routed anew took or left, and whose areas no moved card and no label
    placed anew touches, keeps its path; the others are routed again (all of them when the links
    kept are in another order)."""
    before, read = before or {}, read or {}
    changed = LabelIndex(moved)  # moved cards, and the old and new labels of links routed anew
    busy: set[tuple[str, float]] = set()  # gutter lines that links routed anew took or left
    ids = {link.id for link in links}
    if [link.id for link in links if link.id in before] != [link_id for link_id in before if link_id in ids]:
        before, read = {}, {}  # another order: every link meets other labels and gutters first
    gone = [path for link_id, path in before.items() if link_id not in ids]
    for path in gone:
        if path.label_rect is not None:
            changed.append(path.label_rect)
        busy.update(read[path.link_id].gutters)
    labels, gutters = LabelIndex(), Gutters()
    paths: dict[str, LinkPath] = {}
    reads: dict[str, Reads] = {}
    for link in links:
        ends = _ends(link, layout)
        old, old_reads = before.get(link.id), read.get(link.id)
        if old is not None and old_reads.ends == ends and busy.isdisjoint(old_reads.gutters) \
                and not any(changed.touches(area) for area in old_reads.areas):
            for key in old_reads.gutters:
                gutters.take(key)
            path, reads[link.id] = old, old_reads
        else:
            reads[link.id] = Reads(ends)
            path = _route_link(link, layout, style, labels, gutters, reads[link.id])
            if old is None or path != old or reads[link.id].gutters != old_reads.gutters:
                for rect in (old.label_rect if old else None, path.label_rect):
                    if rect is not None:
                        changed.append(rect)
                busy.update(reads[link.id].gutters, old_reads.gutters if old_reads else ())
        if path.label_rect is not None:
            labels.append(path.label_rect)
        paths[link.id] = path
    return paths, reads


def _ends(link: Link, layout: MapLayout) -> tuple:
    """All that a link's path depends on besides the cards and labels around it and the gutters."""
    source, target = layout.cards[link.source], layout.cards[link.target]
    column_a, column_b = layout.stages[source.stage_id].column, layout.stages[target.stage_id].column
    return (link.source, link.target, link.label, link.kind, source.rect, target.rect, source.stage_id,
            target.stage_id, column_a.x, column_a.w, column_b.x, column_b.w, layout.lanes[target.lane_id].row,
            layout.gutter_room)


def _route_link(link: Link, layout: MapLayout, style: Style, placed_labels: LabelIndex, gutters: Gutters,
                reads: Reads) -> LinkPath:
    """The path of `link` and its label, put where it covers the fewest cards and labels already
    placed (`placed_labels`); gutter lines shared with earlier links are offset."""
    source, target = layout.cards[link.source], layout.cards[link.target]
    points = _route(source.rect, target.rect, source.stage_id, target.stage_id, target.lane_id, layout,
                    {link.source, link.target}, gutters, reads)
    label, label_rect = _label(link.label, points, style, layout, placed_labels, reads)
    return LinkPath(link.id, link.kind.value, tuple(points), label, label_rect)


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


def _covered(rect: Rect, layout: MapLayout, placed: LabelIndex, enough: float | None) -> float:
    """How much of cards (and, three times over, of labels) `rect` covers; counting stops once it
    reaches `enough`, the score of a better place already found."""
    score = 3 * placed.covered_area(rect)
    limit = math.inf if enough is None else enough
    return score if score >= limit else score + layout.covered_area(rect, limit - score)


def _label(text: str, points: list[Point], style: Style, layout: MapLayout,
           placed: LabelIndex, reads: Reads) -> tuple[tuple[TextLine, ...], Rect | None]:
    if not text:
        return (), None
    lines = wrap(text, style.link_label, style.link_label_width, 2)
    width = max(style.link_label.width(line) for line in lines) + 8
    height = len(lines) * style.link_label.line_height + 4
    segments = sorted(((points[i], points[i + 1]) for i in range(len(points) - 1)),
                      key=lambda ab: -(abs(ab[1].x - ab[0].x) + abs(ab[1].y - ab[0].y)))
    candidates = [(a, b, t) for t in (0.5, 0.25, 0.75) for a, b in segments
                  if t == 0.5 or abs(b.x - a.x) + abs(b.y - a.y) > width]
    best, best_score = None, None
    for a, b, t in candidates:  # the middle of the longest segment first; the first free place wins
        x, y = a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t
        rect = Rect(x - width / 2, y - height / 2, width, height)
        reads.areas.append(rect)
        score = _covered(rect, layout, placed, best_score)
        if best_score is None or score < best_score:
            best, best_score = rect, score
        if score == 0:
            break
    out = tuple(TextLine(line, best.x + 4, best.y + 2 + style.link_label.size + i * style.link_label.line_height,
                         style.link_label.size) for i, line in enumerate(lines))
    return out, best
