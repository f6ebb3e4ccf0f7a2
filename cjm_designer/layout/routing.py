"""Routes for links between cards: straight where nothing is in the way, otherwise orthogonal
paths that run in the gutters between stages and between lanes, where no card stands."""

from __future__ import annotations

from ..model import Link
from .boxes import LinkPath, MapLayout
from .geometry import Point, Rect, TextLine
from .style import Style
from .text import wrap


def route_link(link: Link, layout: MapLayout, style: Style) -> LinkPath:
    source, target = layout.cards[link.source], layout.cards[link.target]
    points = _route(source.rect, target.rect, source.stage_id, target.stage_id, target.lane_id, layout,
                    {link.source, link.target})
    label, label_rect = _label(link.label, points, style)
    return LinkPath(link.id, tuple(points), label, label_rect)


def _route(a: Rect, b: Rect, stage_a: str, stage_b: str, lane_b: str, layout: MapLayout,
           ends: set[str]) -> list[Point]:
    column_a, column_b = layout.stages[stage_a].column, layout.stages[stage_b].column
    overlap_y = max(a.y, b.y) + 4 <= min(a.bottom, b.bottom) - 4
    overlap_x = max(a.x, b.x) + 4 <= min(a.right, b.right) - 4

    if overlap_y and (b.x >= a.right or a.x >= b.right):  # side by side: one horizontal line
        y = (max(a.y, b.y) + min(a.bottom, b.bottom)) / 2
        start, end = (Point(a.right, y), Point(b.x, y)) if b.x >= a.right else (Point(a.x, y), Point(b.right, y))
        if _clear([start, end], layout, ends):
            return [start, end]
    if overlap_x and (b.y >= a.bottom or a.y >= b.bottom):  # one above the other: one vertical line
        x = (max(a.x, b.x) + min(a.right, b.right)) / 2
        start, end = (Point(x, a.bottom), Point(x, b.y)) if b.y >= a.bottom else (Point(x, a.y), Point(x, b.bottom))
        if _clear([start, end], layout, ends):
            return [start, end]

    ay, by = a.center.y, b.center.y
    if stage_a == stage_b:  # same stage: along the gutter on the stage's right
        gutter = column_a.right - layout_padding(column_a, a)
        return [Point(a.right, ay), Point(gutter, ay), Point(gutter, by), Point(b.right, by)]
    forward = column_b.x >= column_a.right
    leave_x = column_a.right if forward else column_a.x
    enter_x = column_b.x if forward else column_b.right
    start = Point(a.right if forward else a.x, ay)
    end = Point(b.x if forward else b.right, by)
    adjacent = (column_a.right == column_b.x) if forward else (column_b.right == column_a.x)
    if adjacent:
        return [start, Point(leave_x, ay), Point(leave_x, by), end]
    lane = layout.lanes[lane_b].row
    corridor = lane.y if abs(ay - lane.y) <= abs(ay - lane.bottom) else lane.bottom
    return [start, Point(leave_x, ay), Point(leave_x, corridor), Point(enter_x, corridor), Point(enter_x, by), end]


def layout_padding(column: Rect, card: Rect) -> float:
    """Half the free space between a card and the right edge of its stage column."""
    return max((column.right - card.right) / 2, 2)


def _clear(points: list[Point], layout: MapLayout, ends: set[str]) -> bool:
    """No card other than the link's ends touches the straight segment (only the cells the segment
    crosses are looked at, so routing stays fast on big maps)."""
    (x1, y1), (x2, y2) = (points[0].x, points[0].y), (points[1].x, points[1].y)
    segment = Rect(min(x1, x2) - 1, min(y1, y2) - 1, abs(x2 - x1) + 2, abs(y2 - y1) + 2)
    stages = [s.stage_id for s in layout.stages.values() if s.column.x < segment.right and segment.x < s.column.right]
    lanes = [lane.lane_id for lane in layout.lanes.values() if lane.row.y < segment.bottom and segment.y < lane.row.bottom]
    for stage_id in stages:
        for lane_id in lanes:
            for card_id in layout.cell_cards.get((stage_id, lane_id), ()):
                if card_id not in ends and layout.cards[card_id].rect.intersects(segment):
                    return False
    return True


def _label(text: str, points: list[Point], style: Style) -> tuple[tuple[TextLine, ...], Rect | None]:
    if not text:
        return (), None
    lines = wrap(text, style.link_label, style.link_label_width, 2)
    longest = max(range(len(points) - 1), key=lambda i: abs(points[i + 1].x - points[i].x)
                  + abs(points[i + 1].y - points[i].y))
    middle = Point((points[longest].x + points[longest + 1].x) / 2, (points[longest].y + points[longest + 1].y) / 2)
    width = max(style.link_label.width(line) for line in lines) + 8
    height = len(lines) * style.link_label.line_height + 4
    rect = Rect(middle.x - width / 2, middle.y - height / 2, width, height)
    out = tuple(TextLine(line, rect.x + 4, rect.y + 2 + style.link_label.size + i * style.link_label.line_height,
                         style.link_label.size) for i, line in enumerate(lines))
    return out, rect
