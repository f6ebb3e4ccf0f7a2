"""Where a link's label goes: on its line or beside it where no card, header or other label is, else in
the nearest free room with a thin leader line back to the line; inside the grid of cells wherever
there is such a place (past the last stage or below the last lane a label looks lost, away from the
cards it names), beyond it only when the grid has none.

A label never covers a card's text (what a map is read for), a header or the title (outside the
grid), or another label: it stands clear of whole cards where it can, over the edges of cards (where
they have no text) where it must. Lines of other links may pass under it (they are drawn under every
label), though a place no line crosses is preferred. Along each side of the route the free stretches
are found at once from the cards and labels beside it, so that a long side costs a look or two, not
one per position tried; a label looks at a bounded number of stretches, so that a crowded map stays
quick to lay out, and goes where it covers the least when none of them has room.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .boxes import MapLayout
from .geometry import Point, Rect, TextLine
from .style import Style
from .text import Wraps

MARGIN = 2.0  # free space kept between a label and a card or another label
SIDE_GAP = 3.0  # between a line and a label beside it
END_ROOM = 6.0  # a label's centre stays this far from a side's ends
ARROW_ROOM = 9.0  # around the arrow's tip, which a label never hides
SEARCH_REACH = 220.0  # how far from its line a label is looked for room before it goes on the line anyway
SEARCH_STEP = 8.0  # between the rows tried when looking for room
ALONG_REACH = 400.0  # how far from the middle of a side a label is looked for room along it
LOOKS = 24  # stretches looked at for one label on and beside its line at most
NEARBY_LOOKS = 48  # rows looked at for room near the line at most, before the label goes where it covers least
MORE_LOOKS = 2  # stretches looked at for a place no other line crosses, once a place is found


CELL = 100.0  # the side of the buckets of labels (see `Obstacles.labels_area`)


class RectIndex:
    """Rectangles bucketed on a coarse grid so that a query meets only the neighbours of its area. The
    buckets are wide (`SIDE`): an edit that moves the lanes below it moves thousands of cards, whose
    old and new rectangles (and the lines of the links routed anew) fill the index, and filling a
    bucket costs more than the comparisons a wider one adds to a query."""

    SIDE = 800.0

    def __init__(self, rects: Iterable[Rect] = ()):
        self._buckets: dict[tuple[int, int], list[Rect]] = {}
        for rect in rects:
            self.append(rect)

    def append(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._buckets.setdefault(key, []).append(rect)

    def copy(self) -> RectIndex:
        """An index of the same rectangles, to add others to (its buckets copied, not filled again)."""
        index = RectIndex()
        index._buckets = {key: list(rects) for key, rects in self._buckets.items()}
        return index

    def touches(self, rect: Rect) -> bool:
        """Whether a rectangle here meets `rect`, edges included."""
        if not self._buckets:
            return False
        left, top, right, bottom = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
        return any(x <= right and left <= x + w and y <= bottom and top <= y + h
                   for key in self._keys(rect) for x, y, w, h in self._buckets.get(key, ()))

    def _keys(self, rect: Rect) -> Iterator[tuple[int, int]]:
        """The buckets `rect` meets."""
        side = self.SIDE
        for i in range(int(rect.x // side), int((rect.x + rect.w) // side) + 1):
            for j in range(int(rect.y // side), int((rect.y + rect.h) // side) + 1):
                yield i, j


Obstacle = tuple[float, float, float, float, float]  # see `obstacle`


def obstacle(rect: Rect, edge: float = 0.0) -> Obstacle:
    """A rectangle a label keeps clear of as its edges (left, top, right, bottom: worked out once, not
    for each strip it is met in) and how deep its `edge` is (a card's, which covers no text; none for a
    label)."""
    x, y, w, h = rect
    return x, y, x + w, y + h, edge


class Obstacles:
    """What a label keeps clear of, as `obstacle`s, by cell: a cell's cards (made when a label first
    looks into the cell) and the labels placed so far over it, together, sorted by their tops. The
    obstacles near a strip are then those of the few cells under it at its height, cards and labels
    found at once as `MapLayout.cards_touching` finds cards: placing the labels of a big map looks
    along thousands of strips, and what a strip costs before its obstacles are met is most of it."""

    def __init__(self, layout: MapLayout, edge: float):
        self.layout, self.edge = layout, edge
        self._stages, self._lanes = list(layout.stages), list(layout.lanes)
        # the cells' edges, to find the cells under an area as `MapLayout.cells_within` does, by position
        self._xs = [stage.column.x for stage in layout.stages.values()]
        self._ys = [lane.row.y for lane in layout.lanes.values()]
        self._cells: list[list[list | None]] = [[None] * len(self._ys) for _ in self._xs]  # see `_cell`
        self._outside: list[Obstacle] = []  # labels that reach left of or above the cells, met by every strip
        self._labels: dict[int, int] = {}  # the ids of the labels' obstacles: how many labels came before
        self._first_x = self._xs[0] if self._xs else math.inf
        self._first_y = self._ys[0] if self._ys else math.inf

    def _under(self, left: float, top: float, right: float, bottom: float) -> tuple[range, range]:
        """The columns and rows of the cells the area between these edges meets (those of
        `MapLayout.cells_within`: the first and last reach beyond the grid; none for an area wholly
        left of or above it)."""
        xs, ys = self._xs, self._ys
        return (range(max(bisect_right(xs, left) - 1, 0), bisect_left(xs, right)),
                range(max(bisect_right(ys, top) - 1, 0), bisect_left(ys, bottom)))

    def add_label(self, rect: Rect) -> None:
        """A label placed, in the cells it meets; in `_outside` too where a strip might meet it in no cell
        (the cells found for an area wholly left of or above them are none)."""
        entry = x, y, right, bottom, _ = obstacle(rect)
        self._labels[id(entry)] = len(self._labels)
        columns, rows = self._under(x, y, right, bottom)
        if not columns or not rows or x < self._first_x or y < self._first_y:
            self._outside.append(entry)
        for i in columns:
            for j in rows:
                tops, tallest, found = cell = self._cells[i][j] or self._cell(i, j)
                at = bisect_right(tops, y)
                tops.insert(at, y)
                found.insert(at, entry)
                cell[1] = max(tallest, rect.h)

    def near(self, left: float, top: float, right: float, bottom: float, extra: list[Obstacle]
             ) -> list[list[Obstacle]]:
        """`extra`, and the obstacles of the cells the area between these edges meets that stand at
        its height, in groups (a label over several cells once for each: a repeat changes no stretch
        found)."""
        groups = [extra, self._outside]
        columns, rows = self._under(left, top, right, bottom)
        for i in columns:
            column = self._cells[i]
            for j in rows:
                tops, tallest, found = column[j] or self._cell(i, j)
                groups.append(found[bisect_left(tops, top - tallest):bisect_left(tops, bottom)])
        return groups

    def _cell(self, i: int, j: int) -> list:
        """The cell in column `i` and row `j`: its cards' tops from the highest down, the tallest card's
        height and the cards as obstacles in that order (a card's text is as far in as a card's
        padding, a point's all of it)."""
        tops, _, tallest, boxes = self.layout.cell_boxes(self._stages[i], self._lanes[j])
        edge = self.edge
        found = self._cells[i][j] = [list(tops), tallest, [obstacle(box.rect, 0.0 if box.compact else edge)
                                                            for box in boxes]]
        return found

    def labels_area(self, rect: Rect) -> float:
        """The area of the labels under `rect`, summed in the order of buckets `CELL` wide (each label in the
        first of its buckets, and in a bucket in the order they came), so that ties between places
        come out as they always have."""
        left, top, right, bottom = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
        labels = self._labels
        under = {id(entry): entry for group in self.near(left, top, right, bottom, [])
                 for entry in group if id(entry) in labels}
        first_i, first_j = int(left // CELL), int(top // CELL)
        ordered = sorted(under.values(), key=lambda entry: (max(first_i, int(entry[0] // CELL)),
                                                            max(first_j, int(entry[1] // CELL)), labels[id(entry)]))
        return sum(max(0.0, min(right, far_x) - max(left, x)) * max(0.0, min(bottom, far_y) - max(top, y))
                   for x, y, far_x, far_y, _ in ordered)


class LineIndex:
    """The lines of links and leaders, with their owners, bucketed on a grid whose cells are long
    along a line (a vertical line's cells are narrow and tall, a horizontal one's wide and low), so
    that a long line takes few buckets and a query meets few lines; a slanted one (a leader) is kept
    by its span."""

    NARROW, LONG = 50.0, 400.0

    def __init__(self):
        # each line as (left, top, right, bottom, owner); defaultdicts: a long line goes into tens of
        # buckets, and `setdefault` would make a list for each
        self._vertical: defaultdict[tuple[int, int], list[tuple]] = defaultdict(list)
        self._horizontal: defaultdict[tuple[int, int], list[tuple]] = defaultdict(list)
        self._slanted: list[tuple] = []

    def add_route(self, points: tuple[Point, ...], owner: object) -> None:
        """A route's sides, as `segment_rects` spans them (without a Rect for each: a big map's
        routes have thousands)."""
        for a, b in zip(points, points[1:]):
            self._add(min(a.x, b.x), min(a.y, b.y), abs(b.x - a.x), abs(b.y - a.y), owner)

    def append(self, span: Rect, owner: object) -> None:
        self._add(*span, owner)

    def _add(self, x: float, y: float, w: float, h: float, owner: object) -> None:
        narrow, long = self.NARROW, self.LONG
        entry = (x, y, right, bottom, _) = (x, y, x + w, y + h, owner)
        if w == 0:
            i, vertical = int(x // narrow), self._vertical
            for j in range(int(y // long), int(bottom // long) + 1):
                vertical[i, j].append(entry)
        elif h == 0:
            j, horizontal = int(y // narrow), self._horizontal
            for i in range(int(x // long), int(right // long) + 1):
                horizontal[i, j].append(entry)
        else:
            self._slanted.append(entry)

    def crossing(self, rect: Rect, own: object) -> float:
        """How long the lines that are not `own`'s run inside `rect` (a slanted one as far as its span
        does). A line in two buckets is counted once, where first met: a vertical line is in one column
        of buckets and a horizontal one in one row, so only a query spanning two buckets along a line
        can meet it twice (and only then are the lines met remembered). A vertical line runs inside
        as far as it overlaps `rect` up and down, a horizontal one across (written out rather than with
        min and max: a label's place asks this often)."""
        narrow, long = self.NARROW, self.LONG
        left, top, right, bottom = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
        total = 0.0
        counted: set[int] = set()
        for vertical, buckets, first_i, last_i, first_j, last_j, once in (
                (True, self._vertical, int(left // narrow), int(right // narrow), int(top // long),
                 int(bottom // long), int(top // long) == int(bottom // long)),
                (False, self._horizontal, int(left // long), int(right // long), int(top // narrow),
                 int(bottom // narrow), int(left // long) == int(right // long))):
            for i in range(first_i, last_i + 1):
                for j in range(first_j, last_j + 1):
                    for entry in buckets.get((i, j), ()):
                        x, y, far_x, far_y, owner = entry
                        if x <= right and left <= far_x and y <= bottom and top <= far_y and owner != own:
                            if not once:
                                if id(entry) in counted:
                                    continue
                                counted.add(id(entry))
                            if vertical:
                                total += (far_y if far_y < bottom else bottom) - (y if y > top else top)
                            else:
                                total += (far_x if far_x < right else right) - (x if x > left else left)
        for x, y, far_x, far_y, owner in self._slanted:
            if x <= right and left <= far_x and y <= bottom and top <= far_y and owner != own:
                total += max(min(right, far_x) - max(left, x), min(bottom, far_y) - max(top, y))
        return total


def segment_rects(points: Iterable[Point]) -> list[Rect]:
    """The sides of a route (orthogonal, or straight) as the rectangles they span."""
    points = list(points)
    return [Rect(min(a.x, b.x), min(a.y, b.y), abs(b.x - a.x), abs(b.y - a.y)) for a, b in zip(points, points[1:])]


def grid_edges(layout: MapLayout) -> tuple[float, float, float, float]:
    """The grid's left, top, right and bottom edges, which a label keeps inside while it can (`Room`)."""
    stages, lanes = list(layout.stages.values()), list(layout.lanes.values())
    return (stages[0].column.x if stages else layout.width, stages[0].column.y if stages else layout.height,
            max(stage.column.right for stage in stages) if stages else layout.width,
            max(lane.row.bottom for lane in lanes) if lanes else layout.height)


class Room:
    """What a label must keep clear of on a map: its cards, the labels placed so far, everything left
    of the grid (the lanes' headers) and above it (the title and the stages' headers), and while
    `inside` also right of and below it (where a label looks lost, away from the cells it names);
    and what it should rather not cover: the lines of links and the leaders of labels placed so far."""

    def __init__(self, layout: MapLayout, routes: dict[str, tuple[Point, ...]], card_padding: float):
        self.edge = card_padding - 1  # how far into a card's edge a label may reach when it must
        self.layout, self._obstacles, self._labels = layout, None, []
        self._routes, self._leaders, self._lines = routes, [], None
        self.looks = 0  # how many more stretches the label being placed may look at
        self.inside = True  # whether the label being placed must keep inside the grid
        self.left, self.top, self.right, self.bottom = grid_edges(layout)

    @property
    def obstacles(self) -> Obstacles:
        """The cards and the labels so far, indexed when a label is first placed (a relayout that keeps
        every label, as after a card typed where no label looked, never does)."""
        if self._obstacles is None:
            self._obstacles = Obstacles(self.layout, self.edge)
            for label in self._labels:
                self._obstacles.add_label(label)
        return self._obstacles

    @property
    def lines(self) -> LineIndex:
        """The routes' lines and the leaders so far, indexed when a label first asks (a relayout that
        keeps every label never does)."""
        if self._lines is None:
            self._lines = LineIndex()
            for owner, points in self._routes.items():
                self._lines.add_route(points, owner)
            for span, owner in self._leaders:
                self._lines.append(span, owner)
        return self._lines

    def add(self, label: Rect | None, leader: tuple[Point, Point] | None, owner: str) -> None:
        """A label placed (or kept), and its leader, which the labels after it keep clear of."""
        if label is not None:
            self._labels.append(label)
            if self._obstacles is not None:
                self._obstacles.add_label(label)
        if leader is not None:
            self._leaders.append((span_of(*leader), owner))
            if self._lines is not None:
                self._lines.append(span_of(*leader), owner)

    def blocked(self, strip: Rect, vertical: bool, extra: list[Obstacle], edges: bool
                ) -> tuple[list[tuple[float, float]], list[tuple[float, float]]] | None:
        """The stretches along `strip` (up and down it when `vertical`, else across) where a label as
        wide (or tall) as the strip would meet a card, a label or `extra` (obstacles), widened by the
        margin kept; and (when `edges`, else none) the same with cards only as far as their text (their
        edges, `edge` deep, left free). None when the strip leaves the grid across its length."""
        self.looks -= 1
        sx, sy, sw, sh = strip
        inside = self.inside
        if vertical:
            if sx < self.left or (inside and sx + sw > self.right):
                return None
            clear = [(-math.inf, self.top), (self.bottom, math.inf)] if inside else [(-math.inf, self.top)]
        else:
            if sy < self.top or (inside and sy + sh > self.bottom):
                return None
            clear = [(-math.inf, self.left), (self.right, math.inf)] if inside else [(-math.inf, self.left)]
        left, top = sx - MARGIN, sy - MARGIN
        right, bottom = sx + sw + MARGIN, sy + sh + MARGIN
        # the buckets and cells of the strip widened by the margin (its far edges as its Rect gives them)
        texts = list(clear) if edges else []
        for group in self.obstacles.near(left, top, left + (right - left), top + (bottom - top), extra):
            for x, y, far_x, far_y, cut in group:
                if x < right and left < far_x and y < bottom and top < far_y:
                    clear.append((y - MARGIN, far_y + MARGIN) if vertical else (x - MARGIN, far_x + MARGIN))
                    if edges and x + cut < right and left < far_x - cut and y + cut < bottom and top < far_y - cut:
                        texts.append((y + cut - MARGIN, far_y - cut + MARGIN) if vertical else
                                     (x + cut - MARGIN, far_x - cut + MARGIN))
        return clear, texts


def free_starts(spans: list[tuple[float, float]], low: float, high: float, length: float) -> list[tuple[float, float]]:
    """The stretches of [low, high] at least `length` long that no span meets (touching is free)."""
    free, cursor = [], low
    for start, end in sorted(spans):
        if start >= high:
            break
        if start - cursor >= length:
            free.append((cursor, start))
        if end > cursor:
            cursor = end
    if high - cursor >= length:
        free.append((cursor, high))
    return free


def nearest_start(free: list[tuple[float, float]], length: float, want: float) -> float | None:
    """Where in the `free` stretches a piece `length` long starts whose middle is nearest `want`."""
    best, best_distance = None, math.inf
    for start, end in free:
        at = min(max(want - length / 2, start), end - length)
        distance = abs(at + length / 2 - want)
        if distance < best_distance:
            best, best_distance = at, distance
    return best


def place_label(text: str, link_id: str, points: tuple[Point, ...], style: Style, wraps: Wraps, room: Room,
                areas: list[Rect]) -> tuple[tuple[TextLine, ...], Rect | None, tuple[Point, Point] | None]:
    """The label's lines (wrapped through `wraps`), its box and its leader (None when it stands on its
    line). Every area looked at is added to `areas`, for telling later whether a change of the map could
    move the label."""
    if not text:
        return (), None, None
    lines = wraps.wrap(text, style.link_label, style.link_label_width, 2)
    width = max(style.link_label.width(line) for line in lines) + 8
    height = len(lines) * style.link_label.line_height + 4
    tip = points[-1]
    arrow = [obstacle(Rect(tip.x - ARROW_ROOM, tip.y - ARROW_ROOM, 2 * ARROW_ROOM, 2 * ARROW_ROOM))]
    rect = leader = None
    for room.inside in (True, False):  # in the grid if there is room anywhere near, else past its edge
        room.looks = LOOKS
        rect = _on_route(link_id, points, width, height, room, arrow, areas)
        if rect is None:
            room.looks = NEARBY_LOOKS
            rect, leader = _nearby(points, width, height, room, arrow, areas) or (None, None)
        if rect is not None:
            break
    if rect is None:
        rect = _least_covered(points, width, height, room, areas)
    out = tuple(TextLine(line, rect.x + 4, rect.y + 2 + style.link_label.size + i * style.link_label.line_height,
                         style.link_label.size) for i, line in enumerate(lines))
    return out, rect, leader


def _sides(points: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    """The route's sides, the longest first."""
    return sorted(zip(points, points[1:]), key=lambda ab: -(abs(ab[1].x - ab[0].x) + abs(ab[1].y - ab[0].y)))


def _on_route(link_id: str, points: tuple[Point, ...], width: float, height: float, room: Room, arrow: list[Obstacle],
              areas: list[Rect]) -> Rect | None:
    """A free place on the line (its horizontal sides first, the longest first) or beside it, as near
    the middle of a side as there is room: the first that no other line crosses, else of those found
    in a few more looks the one that the least of other lines cross; with none, the first place clear
    of cards' text, over the edges of cards (looked for only then: most labels find a free place)."""
    sides = sorted(((a, b) for a, b in _sides(points) if (a.x == b.x or a.y == b.y)
                    and abs(b.x - a.x) + abs(b.y - a.y) > 2 * END_ROOM), key=lambda ab: ab[0].x == ab[1].x)
    ends = (points[0], points[-1])  # on the cards: a label's middle keeps about half its length away
    best, best_crossing = None, math.inf
    looked: list[tuple] = []  # the strips looked along, in order, for `_over_edges`
    for shift, (a, b) in [(0, side) for side in sides] + [(shift, side) for side in sides for shift in (-1, 1)]:
        if room.looks <= 0:  # (no look left: `_along` would find nothing)
            break
        rect = _along(a, b, a.x == b.x, shift, width, height, room, arrow, areas, ends, looked)
        if rect is None:
            continue
        crossing = room.lines.crossing(rect, link_id)
        if crossing < best_crossing:
            best, best_crossing = rect, crossing
        if crossing == 0:
            break
        room.looks = min(room.looks, MORE_LOOKS)
    return best or _over_edges(looked, width, height, room, arrow)


def _along(a: Point, b: Point, vertical: bool, shift: int, width: float, height: float, room: Room,
           arrow: list[Obstacle], areas: list[Rect], ends: tuple[Point, Point], looked: list[tuple]) -> Rect | None:
    """The free place nearest the middle of the side a-b for a label centred on it (`shift` 0), or
    beside it (-1 left or above, +1 right or below). It is looked for in a stretch around the middle,
    then in a longer one (`ALONG_REACH` each way) if that has none, so that a long side is looked at
    only as far as needed: a place found is the nearest, since any place outside the stretch is
    farther than its ends. Each stretch looked along is added to `looked`."""
    length = height if vertical else width
    at_card = length / 2 + MARGIN - room.edge  # a label may reach no farther into a card's edge
    at_end = max(at_card, END_ROOM)
    first_room, last_room = (at_end if a in ends else END_ROOM), (at_end if b in ends else END_ROOM)
    if (a.y > b.y) if vertical else (a.x > b.x):
        a, b, first_room, last_room = b, a, last_room, first_room
    if vertical:
        low, high = a.y + first_room, b.y - last_room
        across = a.x - width / 2 + shift * (width / 2 + SIDE_GAP)
    else:
        low, high = a.x + first_room, b.x - last_room
        across = a.y - height / 2 + shift * (height / 2 + SIDE_GAP)
    middle, reach = (low + high) / 2, 2 * max(width, height)
    clear = None
    while high >= low and room.looks > 0:
        first, last = max(low, middle - reach), min(high, middle + reach)
        start, end = first - length / 2, last + length / 2
        strip = Rect(across, start, width, end - start) if vertical else Rect(start, across, end - start, height)
        areas.append(Rect(strip.x - MARGIN, strip.y - MARGIN, strip.w + 2 * MARGIN, strip.h + 2 * MARGIN))
        spans = room.blocked(strip, vertical, arrow, False)
        if spans is None:
            break
        looked.append((strip, vertical, start, end, middle, across))
        clear = nearest_start(free_starts(spans[0], start, end, length), length, middle)
        if clear is not None or (first, last) == (low, high) or reach >= ALONG_REACH:
            break
        reach = ALONG_REACH
    return _placed(clear, across, vertical, width, height)


def _over_edges(looked: list[tuple], width: float, height: float, room: Room, arrow: list[Obstacle]) -> Rect | None:
    """In the first of the strips `looked` along (by `_along`, in order) that has one, the place clear
    of cards' text (over their edges) nearest the middle of its side. Nothing is placed while the
    strips are looked along, so they are looked along again as they were."""
    for strip, vertical, start, end, middle, across in looked:
        length = height if vertical else width
        _, texts = room.blocked(strip, vertical, arrow, True)
        at = nearest_start(free_starts(texts, start, end, length), length, middle)
        if at is not None:
            return _placed(at, across, vertical, width, height)
    return None


def _placed(at: float | None, across: float, vertical: bool, width: float, height: float) -> Rect | None:
    """A label's box at `at` along a side (None for none) and `across` it."""
    if at is None:
        return None
    return Rect(across, at, width, height) if vertical else Rect(at, across, width, height)


def _nearby(points: tuple[Point, ...], width: float, height: float, room: Room, arrow: list[Obstacle],
            areas: list[Rect]) -> tuple[Rect, tuple[Point, Point]] | None:
    """The free place nearest the middle of the route's longest side, looked for in rows above and
    below it, whose leader back to the route crosses no card; inside the grid, with none free, the
    nearest over cards' edges (not their text), which keeps a label between the cards it links rather
    than past the grid's edge."""
    a, b = _sides(points)[0]
    centre = Point((a.x + b.x) / 2, (a.y + b.y) / 2)
    best, best_distance, edgy, edgy_distance = None, math.inf, None, math.inf
    reach = SEARCH_REACH
    rows = [0.0] + [sign * k * SEARCH_STEP for k in range(1, int(reach // SEARCH_STEP) + 1) for sign in (-1, 1)]
    looked = 0.0
    for dy in rows:
        if abs(dy) > best_distance or room.looks <= 0:
            break
        looked = abs(dy)
        strip = Rect(centre.x - reach, centre.y + dy - height / 2, 2 * reach, height)
        edges = room.inside and best is None and abs(dy) < edgy_distance
        spans = room.blocked(strip, False, arrow, edges)
        if spans is None:
            continue
        best, best_distance = _nearest_in_row(spans[0], strip, width, centre, dy, points, room, areas, best,
                                              best_distance)
        if edges:
            edgy, edgy_distance = _nearest_in_row(spans[1], strip, width, centre, dy, points, room, areas, edgy,
                                                  edgy_distance)
    areas.append(Rect(centre.x - reach - MARGIN, centre.y - looked - height / 2 - MARGIN, 2 * (reach + MARGIN),
                      2 * looked + height + 2 * MARGIN))
    return best or edgy


def _nearest_in_row(spans: list[tuple[float, float]], strip: Rect, width: float, centre: Point, dy: float,
                    points: tuple[Point, ...], room: Room, areas: list[Rect],
                    best: tuple[Rect, tuple[Point, Point]] | None, best_distance: float
                    ) -> tuple[tuple[Rect, tuple[Point, Point]] | None, float]:
    """The place in the row `strip` (`dy` off the centre) clear of `spans`, nearer `centre` than
    `best`, whose leader crosses no card, with its distance; else `best` and its distance."""
    for start, end in free_starts(spans, strip.x, strip.right, width):
        at = min(max(centre.x - width / 2, start), end - width)
        rect = Rect(at, strip.y, width, strip.h)
        distance = math.hypot(at + width / 2 - centre.x, dy)
        if distance >= best_distance:
            continue
        leader = _leader(points, rect)
        areas.append(span_of(*leader))
        if not _crosses_cards(leader, room.layout):
            best, best_distance = (rect, leader), distance
    return best, best_distance


def _leader(points: tuple[Point, ...], rect: Rect) -> tuple[Point, Point]:
    """From the route's point nearest the label to the label's edge point nearest that."""
    middle = rect.center
    best, best_distance = points[0], math.inf
    for a, b in zip(points, points[1:]):
        dx, dy = b.x - a.x, b.y - a.y
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else min(max(((middle.x - a.x) * dx + (middle.y - a.y) * dy) / length, 0.0), 1.0)
        point = Point(a.x + t * dx, a.y + t * dy)
        distance = math.dist(point, middle)
        if distance < best_distance:
            best, best_distance = point, distance
    edge = Point(min(max(best.x, rect.x), rect.right), min(max(best.y, rect.y), rect.bottom))
    return best, edge


def span_of(a: Point, b: Point) -> Rect:
    """The rectangle a segment spans (no width or no height when it is straight)."""
    return Rect(min(a.x, b.x), min(a.y, b.y), abs(b.x - a.x), abs(b.y - a.y))


def _crosses_cards(leader: tuple[Point, Point], layout: MapLayout) -> bool:
    """Whether the leader passes through a card (a card it only starts at, on its edge, aside)."""
    a, b = leader
    return any(_segment_enters(a, b, Rect(x + 1, y + 1, w - 2, h - 2))
               for _, (x, y, w, h) in layout.cards_touching(span_of(a, b)))


def _segment_enters(a: Point, b: Point, rect: Rect) -> bool:
    """Whether the segment a-b meets the inside of `rect` (Liang-Barsky clipping)."""
    low, high = 0.0, 1.0
    dx, dy = b.x - a.x, b.y - a.y
    for p, q in ((-dx, a.x - rect.x), (dx, rect.right - a.x), (-dy, a.y - rect.y), (dy, rect.bottom - a.y)):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low >= high:
                return False
    return True


def _least_covered(points: tuple[Point, ...], width: float, height: float, room: Room, areas: list[Rect]) -> Rect:
    """No free place near: on the line where it covers the fewest cards (and, three times over,
    labels), the middle of the longest side first."""
    sides = _sides(points)
    candidates = [(a, b, t) for t in (0.5, 0.25, 0.75) for a, b in sides
                  if t == 0.5 or abs(b.x - a.x) + abs(b.y - a.y) > width]
    best, best_score = None, math.inf
    for a, b, t in candidates:
        x, y = a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t
        rect = Rect(x - width / 2, y - height / 2, width, height)
        areas.append(rect)
        score = 3 * room.obstacles.labels_area(rect)
        if score < best_score:
            score += room.layout.covered_area(rect, best_score - score)
        if score < best_score:
            best, best_score = rect, score
        if score == 0:
            break
    return best
