"""Where the title of a point of an emotion curve goes: under its dot, or above it where the curve,
leaving the dot downwards, would run through the text below.

A point's side depends on its neighbours on the curve, which may stand in other stages' cells, so
the captions of a lane are placed together, once its cells are laid out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from .boxes import CardBox, CardFace, Marker
from .drawing import catmull_rom
from .geometry import Point, Rect, TextLine
from .style import Style

SAMPLES = 8  # points taken on each piece of the curve when telling whether it meets a caption


def caption_room(style: Style) -> float:
    """Height of a caption of two lines and its gap to the dot, kept free above the highest dots."""
    return 2 * style.card_text.line_height + 2


def captions_off_curve(boxes: list[CardBox], style: Style) -> list[CardBox]:
    """The lane's points (`boxes`, in the order the curve joins them, each with its caption under
    its dot), each caption moved above its dot when the curve meets less of it there."""
    points = [_dot_center(box) for box in boxes if box.markers[0].value is not None]
    if len(points) < 2:
        return boxes
    curve = sorted(_samples(tuple(points)))
    xs = [x for x, _ in curve]
    return [_above(box, style) if _better_above(box, curve, xs, style) else box for box in boxes]


def _dot_center(box: CardBox) -> Point:
    dot = box.markers[0].rect
    return Point(box.rect.x + dot.center.x, box.rect.y + dot.center.y)


def _samples(points: tuple[Point, ...]) -> list[Point]:
    """Points along the smooth curve through `points`, as drawn (layout/drawing.py)."""
    weights = [((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3)
               for t in (i / SAMPLES for i in range(SAMPLES + 1))]
    out: list[Point] = []
    (x0, y0), commands = points[0], catmull_rom(points)[1:]
    for command in commands:
        (x1, y1), (x2, y2), (x3, y3) = command.c1, command.c2, command.to
        out += [Point(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3) for a, b, c, d in weights]
        x0, y0 = x3, y3
    return out


def _better_above(box: CardBox, curve: list[Point], xs: list[float], style: Style) -> bool:
    """Whether the curve (its points sorted by `xs`, their x) meets less of the caption above the dot
    than under it (and meets the one under it at all)."""
    if not box.lines:
        return False
    dot = box.markers[0].rect
    height = len(box.lines) * style.card_text.line_height
    left = box.rect.x + min(line.x for line in box.lines) - 2
    right = box.rect.x + max(line.x + style.card_text.width(line.text) for line in box.lines) + 2
    under_top = box.rect.y + dot.bottom + 1
    over_bottom = box.rect.y + dot.y - 1
    near = curve[bisect_left(xs, left):bisect_right(xs, right)]
    under = sum(1 for _, y in near if under_top <= y <= under_top + height + 2)
    return under > 0 and sum(1 for _, y in near if over_bottom - height - 2 <= y <= over_bottom) < under


def _above(box: CardBox, style: Style) -> CardBox:
    """The point with its caption above its dot (the same lines, the dot under them)."""
    lines, (marker,) = box.lines, box.markers
    room = len(lines) * style.card_text.line_height + 2
    dot = marker.rect
    moved = tuple(TextLine(line.text, line.x, line.y - dot.bottom - 2, line.size) for line in lines)
    markers = (Marker(marker.kind, Rect(dot.x, room, dot.w, dot.h), marker.text, marker.value),)
    rect = Rect(box.rect.x, box.rect.y - room, box.rect.w, box.rect.h)
    return replace(box, rect=rect, face=CardFace(rect.h, None, built=(moved, markers)))
