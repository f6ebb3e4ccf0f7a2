"""Where the title of a point of an emotion curve goes: under its dot, or above it where the curve,
leaving the dot downwards, would run through the text below.

A point's side depends on its neighbours on the curve, which may stand in other stages' cells, and on
the lane's other curves (its personas'), so the captions of a lane are placed together, once its
cells are laid out.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from .boxes import CardBox, CardFace, Marker
from .drawing import catmull_rom_pieces
from .geometry import Point, Rect, TextLine
from .style import Style

SAMPLES = 8  # points taken on each piece of the curve when telling whether it meets a caption, at least
SAMPLE_STEP = 5.0  # and at most this far apart (a caption line is 9 points high), for long pieces


def caption_room(style: Style) -> float:
    """Height of a caption of two lines and its gap to the dot, kept free above the highest dots."""
    return 2 * style.card_text.line_height + 2


def captions_off_curve(curves: list[list[CardBox]], style: Style) -> list[list[CardBox]]:
    """The lane's points (`curves`: each curve's points in the order it joins them, each with its
    caption under its dot), each caption moved above its dot when the lane's curves meet less of it
    there."""
    samples: list[Point] = []
    for boxes in curves:
        samples += _samples(tuple(dot_center(box) for box in boxes if box.markers[0].value is not None))
    if not samples:
        return curves
    samples.sort()
    xs, ys = [x for x, _ in samples], [y for _, y in samples]
    return [[_above(box, style) if _better_above(box, xs, ys, style) else box for box in boxes]
            for boxes in curves]


def dot_center(box: CardBox) -> Point:
    """Where the curve passes: the centre of the point's dot, on the map."""
    rect, dot = box.rect, box.markers[0].rect
    return Point(rect.x + (dot.x + dot.w / 2), rect.y + (dot.y + dot.h / 2))  # (`dot.center`, not made)


def _samples(points: tuple[Point, ...]) -> list[tuple[float, float]]:
    """Points (x, y) along the smooth curve through `points`, as drawn (layout/drawing.py), close
    enough together that none of the curve passes through a caption between two of them (none when
    there is no line: fewer than two points). Plain tuples: a long curve has thousands."""
    out: list[tuple[float, float]] = []
    if len(points) < 2:
        return out
    tables: dict[int, tuple[tuple[float, float, float, float], ...]] = {}  # a curve's pieces share a few counts
    x0, y0 = points[0]
    for (x1, y1), (x2, y2), (x3, y3) in catmull_rom_pieces(points):
        length = abs(x1 - x0) + abs(y1 - y0) + abs(x2 - x1) + abs(y2 - y1) + abs(x3 - x2) + abs(y3 - y2)
        samples = max(SAMPLES, math.ceil(length / SAMPLE_STEP))
        weights = tables.get(samples) or tables.setdefault(samples, _weights(samples))
        out += [(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3) for a, b, c, d in weights]
        x0, y0 = x3, y3
    return out


def _weights(samples: int) -> tuple[tuple[float, float, float, float], ...]:
    """The Bernstein weights of a cubic piece at `samples` + 1 evenly spaced parameters."""
    return tuple(((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3)
                 for t in (i / samples for i in range(samples + 1)))


def _better_above(box: CardBox, xs: list[float], ys: list[float], style: Style) -> bool:
    """Whether the curve (its points' `xs`, sorted, and `ys`) meets less of the caption above the dot
    than under it (and meets the one under it at all). The points under the caption's width are
    sorted by height and counted by bisection, under and over it (a lane's curve passes hundreds of
    captions, each over some 70 points)."""
    lines, markers = box.face.contents()
    if not lines:
        return False
    x, y = box.rect.x, box.rect.y
    dot = markers[0].rect
    text = style.card_text
    height = len(lines) * text.line_height
    left = x + min(line.x for line in lines) - 2
    right = x + max(line.x + text.width(line.text) for line in lines) + 2
    under_top = y + dot.bottom + 1
    under_bottom = under_top + height + 2
    over_bottom = y + dot.y - 1
    over_top = over_bottom - height - 2
    near = sorted(ys[bisect_left(xs, left):bisect_right(xs, right)])
    under = bisect_right(near, under_bottom) - bisect_left(near, under_top)
    over = bisect_right(near, over_bottom) - bisect_left(near, over_top)  # (over the dot: apart from under)
    return under > 0 and over < under


def _above(box: CardBox, style: Style) -> CardBox:
    """The point with its caption above its dot (the same lines, the dot under them)."""
    lines, ((kind, dot, text, value, color),) = box.face.contents()
    room = len(lines) * style.card_text.line_height + 2
    moved = tuple(TextLine(line.text, line.x, line.y - dot.bottom - 2, line.size) for line in lines)
    markers = (Marker(kind, Rect(dot.x, room, dot.w, dot.h), text, value, color),)
    rect = Rect(box.rect.x, box.rect.y - room, box.rect.w, box.rect.h)
    face = CardFace(rect.h, None, built=(moved, markers))
    return CardBox(box.card_id, box.stage_id, box.lane_id, box.index, rect, face, box.fill, box.compact)
