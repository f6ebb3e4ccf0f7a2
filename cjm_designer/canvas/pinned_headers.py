"""Frozen panes: the stage headers pinned to the top of the view and the lane headers to its left once
the map is scrolled past them, drawn over the scene by the view (never by an export, which renders
the scene) from the scene's layout, so that a reader always knows the stage and lane in view.

Like a sticky section title, a header partly scrolled off keeps its text where the view shows it: a
stage's lines start right of the lane band, a lane's below the stage band, each fill in its place."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ..layout import MapLayout, Rect, TextLine
from ..layout.drawing import Shape, header_box
from ..layout.text import ELLIPSIS, TextStyle
from . import painting as P
from .items import OVERVIEW_BELOW

SHADOW = 6  # pixels of the soft shadow under and right of a pinned band
_SHADOW_DARK = QColor(0, 0, 0, 46)
_FEWEST_LETTERS = 3  # a stage's line cut shorter than this leaves the band with its header


# A named tuple: a frozen dataclass would cost every start about 0.5 ms to make (its generated methods)
class Pins(NamedTuple):
    """How far the headers are moved to stay in view, and where they are drawn (scene units). Once
    anything is pinned both bands are drawn, a band not scrolled past in its place, so that the
    headers it holds keep their texts in sight too."""

    dx: float  # the lane headers' shift to the right (0: in place)
    dy: float  # the stage headers' shift down (0: in place)
    stages: QRectF  # the stage headers' band, right of the corner
    lanes: QRectF  # the lane headers' band, below the corner
    corner: QRectF  # where the bands meet, covered in plain fill

    def areas(self) -> list[QRectF]:
        """The scene areas the pins cover."""
        return [rect for rect in (self.stages, self.lanes, self.corner) if not rect.isEmpty()]

    def covers(self, pos: QPointF) -> bool:
        return any(rect.contains(pos) for rect in self.areas())


def pins_for(layout: MapLayout | None, visible: QRectF) -> Pins | None:
    """The pins for a view showing `visible`, or None when every header is in its place."""
    if layout is None or not layout.stages or not layout.lanes:
        return None
    stage_rects = [box.header for box in layout.stages.values()]
    lane_rects = [box.header for box in layout.lanes.values()]
    top, bottom = min(r.y for r in stage_rects), max(r.bottom for r in stage_rects)
    left, right = min(r.x for r in lane_rects), max(r.right for r in lane_rects)
    dx, dy = max(0.0, visible.left() - left), max(0.0, visible.top() - top)
    if dx == 0 and dy == 0:
        return None
    corner = QRectF(left + dx, top + dy, right - left, bottom - top)
    end_x = min(visible.right(), max(r.right for r in stage_rects))
    end_y = min(visible.bottom(), max(r.bottom for r in lane_rects))
    stages = QRectF(corner.right(), corner.top(), max(0.0, end_x - corner.right()), corner.height())
    lanes = QRectF(corner.left(), corner.bottom(), corner.width(), max(0.0, end_y - corner.bottom()))
    return Pins(dx, dy, stages, lanes, corner)


def header_point(pins: Pins, pos: QPointF) -> QPointF | None:
    """Where on the map the header drawn pinned at `pos` really is; None in the corner or off the bands."""
    if pins.lanes.contains(pos):
        return pos - QPointF(pins.dx, 0)
    if pins.stages.contains(pos):
        return pos - QPointF(0, pins.dy)
    return None


def paint(painter: QPainter, layout: MapLayout, pins: Pins, background: QColor, selected: set[str],
          clear: QRectF | None = None, marks: dict[str, tuple[Shape, ...]] | None = None) -> None:
    """The bands over the scene: each on the scene's background, its headers as HeaderItem draws them
    (with the selection frame) with their texts slid into sight (an emotions lane's legend only while
    its header is not slid) and the `marks` drawn on them (by header id), then the corner and the
    shadows; none over `clear` (an open text editor). Below the overview zoom the names would be a
    pixel or two high, so the headers show their fills alone."""
    pixel = 1 / painter.worldTransform().m11()
    texts = painter.worldTransform().m11() >= OVERVIEW_BELOW
    seen_x, seen_y = pins.corner.right(), pins.corner.bottom()
    painter.save()
    if clear is not None:
        bands, hole = QPainterPath(), QPainterPath()
        depth = SHADOW * pixel
        bands.addRect(pins.stages.united(pins.lanes).united(pins.corner).adjusted(0, 0, depth, depth))
        hole.addRect(clear)
        painter.setClipPath(bands.subtracted(hole), Qt.ClipOperation.IntersectClip)
    painter.fillRect(pins.stages, background)
    boxes = [b for b in layout.stages.values() if pins.stages.left() <= b.header.right
             and b.header.x <= pins.stages.right()]
    marks = marks or {}
    _headers(painter, [(b.stage_id, b.header, b.fill, _slid_with_marks(
        b.texts, marks.get(b.stage_id, ()), b.header, seen_x, texts)) for b in boxes], 0, pins.dy, selected)
    painter.fillRect(pins.lanes, background)
    boxes = [b for b in layout.lanes.values() if pins.lanes.top() <= b.header.bottom
             and b.header.y <= pins.lanes.bottom()]
    _headers(painter, [(b.lane_id, b.header, b.fill, (slid_down(b.texts, b.header, seen_y) + (
        b.legend if seen_y <= b.header.y else ()) if texts else ()) + marks.get(b.lane_id, ())) for b in boxes],
        pins.dx, 0, selected)
    painter.fillRect(pins.corner, background)
    if pins.dy:
        _shadow(painter, pins.corner.left(), pins.corner.bottom(), pins.stages.right(), pixel, vertical=True)
    if pins.dx:
        _shadow(painter, pins.corner.right(), pins.corner.top(), pins.lanes.bottom(), pixel, vertical=False)
    painter.restore()


def _slid_with_marks(lines: tuple[TextLine, ...], marks: tuple[Shape, ...], rect: Rect, seen_from: float,
                     texts: bool) -> tuple[Shape, ...]:
    """A stage header's lines and the lines of its marks slid across together (when `texts` are drawn at
    all), then the marks' other shapes."""
    notes = tuple(shape for shape in marks if isinstance(shape, TextLine))
    return (slid_across(lines + notes, rect, seen_from) if texts else ()) + tuple(
        shape for shape in marks if not isinstance(shape, TextLine))


def slid_across(lines: tuple[TextLine, ...], rect: Rect, seen_from: float) -> tuple[TextLine, ...]:
    """A stage header's lines when the view shows it from x = `seen_from` on: each line cut off on the
    left starts where the header comes into sight instead, shortened with an ellipsis to what the
    header's visible part holds; once its first few letters and the ellipsis fit no more, the line
    leaves with the header's right end."""
    if not lines or seen_from <= rect.x:
        return lines
    pad = min(line.x for line in lines) - rect.x
    start, end = seen_from + pad, rect.right - pad
    moved = []
    for line in lines:
        if line.x >= start:
            moved.append(line)
            continue
        style = TextStyle(line.size, line.bold)
        text = _fitted(line.text, style, end - start)
        if len(text.removesuffix(ELLIPSIS)) < min(_FEWEST_LETTERS, len(line.text)):
            text = _fitted(line.text, style, style.width(line.text[:_FEWEST_LETTERS] + ELLIPSIS))
            moved.append(line._replace(text=text, x=end - style.width(text)))
        else:
            moved.append(line._replace(text=text, x=start))
    return tuple(moved)


def slid_down(lines: tuple[TextLine, ...], rect: Rect, seen_from: float) -> tuple[TextLine, ...]:
    """A lane header's lines when the view shows it from y = `seen_from` down: moved down together to
    where it comes into sight, the lines that no longer fit above the header's bottom left out; the
    first line always stays, leaving with the header's bottom once it alone fits no more."""
    if not lines or seen_from <= rect.y:
        return lines
    top = min(line.y - line.size for line in lines)
    pad = top - rect.y
    end = rect.bottom - pad / 2
    first = lines[0]
    shift = max(0.0, min(seen_from - rect.y, end - (first.y + first.size / 4)))
    if not shift:
        return lines
    kept = [line for line in lines if line is first or line.y + line.size / 4 + shift <= end]
    return tuple(line._replace(y=line.y + shift) for line in kept)


def _fitted(text: str, style: TextStyle, width: float) -> str:
    """`text` if it fits in `width`, else its longest start that fits with an ellipsis ("" if none)."""
    if style.width(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if style.width(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def _headers(painter: QPainter, headers, dx: float, dy: float, selected: set[str]) -> None:
    """Each header's box, its lines kept inside it, and the selection's frame, moved by (dx, dy)."""
    painter.save()
    painter.translate(dx, dy)
    for element_id, rect, fill, lines in headers:
        P.draw_box(painter, header_box(rect, fill))
        if lines:
            painter.save()
            painter.setClipRect(P.qrect(rect), Qt.ClipOperation.IntersectClip)
            P.draw_shapes(painter, lines)
            painter.restore()
        if element_id in selected:  # framed as HeaderItem frames it
            painter.setPen(QPen(P.ACCENT, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(P.qrect(rect).adjusted(1, 1, -1, -1))
    painter.restore()


def _shadow(painter: QPainter, x: float, y: float, end: float, pixel: float, vertical: bool) -> None:
    """A grid-coloured line along the band's edge at (x, y) and a soft shadow fading away from it."""
    from PySide6.QtGui import QLinearGradient  # here: no band is pinned at start, and its class costs 1 ms

    depth = SHADOW * pixel
    if vertical:
        area, ramp = QRectF(x, y, end - x, depth), QLinearGradient(0, y, 0, y + depth)
    else:
        area, ramp = QRectF(x, y, depth, end - y), QLinearGradient(x, 0, x + depth, 0)
    ramp.setColorAt(0, _SHADOW_DARK)
    ramp.setColorAt(1, QColor(0, 0, 0, 0))
    painter.fillRect(area, ramp)
    pen = QPen(P.GRID, 0)
    painter.setPen(pen)
    if vertical:
        painter.drawLine(QPointF(x, y), QPointF(end, y))
    else:
        painter.drawLine(QPointF(x, y), QPointF(x, end))
