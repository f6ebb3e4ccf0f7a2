"""Frozen panes: the stage headers pinned to the top of the view and the lane headers to its left once
the map is scrolled past them, drawn over the scene by the view (never by an export, which renders
the scene) from the scene's layout, so that a reader always knows the stage and lane in view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen

from ..layout import MapLayout, Rect, TextLine
from ..layout.drawing import header_box
from . import painting as P
from .items import OVERVIEW_BELOW

SHADOW = 6  # pixels of the soft shadow under and right of a pinned band
_SHADOW_DARK = QColor(0, 0, 0, 46)


@dataclass(frozen=True)
class Pins:
    """How far the headers are moved to stay in view, and where they are drawn (scene units)."""

    dx: float  # the lane headers' shift to the right (0: in place)
    dy: float  # the stage headers' shift down (0: in place)
    stages: QRectF  # the band the pinned stage headers cover; empty when in place
    lanes: QRectF  # drawn whenever anything is pinned, in place if dx is 0, to keep tall lanes' names in sight
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
    stages = QRectF(visible.left(), top + dy, visible.width(), bottom - top) if dy else QRectF()
    lanes = QRectF(left + dx, visible.top(), right - left, visible.height())
    return Pins(dx, dy, stages, lanes, QRectF(left + dx, top + dy, right - left, bottom - top))


def header_point(pins: Pins, pos: QPointF) -> QPointF | None:
    """Where on the map the header drawn pinned at `pos` really is; None in the corner or off the bands."""
    if pins.corner.contains(pos):
        return None
    if pins.lanes.contains(pos):
        return pos - QPointF(pins.dx, 0)
    if pins.stages.contains(pos):
        return pos - QPointF(0, pins.dy)
    return None


def paint(painter: QPainter, layout: MapLayout, pins: Pins, background: QColor, selected: set[str]) -> None:
    """The bands over the scene: each on the scene's background, its headers as HeaderItem draws them
    (with the selection frame), then the corner and the shadows. Below the overview zoom the names
    would be a pixel or two high, so the headers show their fills alone."""
    pixel = 1 / painter.worldTransform().m11()
    texts = painter.worldTransform().m11() >= OVERVIEW_BELOW
    painter.save()
    if pins.dy:
        painter.fillRect(pins.stages, background)
        boxes = [b for b in layout.stages.values() if pins.stages.left() <= b.header.right
                 and b.header.x <= pins.stages.right()]
        _headers(painter, [(b.stage_id, b.header, b.fill, b.texts) for b in boxes], 0, pins.dy, texts, selected)
    painter.fillRect(pins.lanes, background)
    boxes = [b for b in layout.lanes.values() if pins.lanes.top() <= b.header.bottom
             and b.header.y <= pins.lanes.bottom()]
    seen_from = pins.corner.bottom()
    _headers(painter, [(b.lane_id, b.header, b.fill, _lowered(b.texts, b.header, seen_from)) for b in boxes],
             pins.dx, 0, texts, selected)
    painter.fillRect(pins.corner, background)
    if pins.dy:
        _shadow(painter, pins.stages.left(), pins.stages.bottom(), pins.stages.right(), pixel, vertical=True)
    if pins.dx:
        _shadow(painter, pins.lanes.right(), pins.lanes.top(), pins.lanes.bottom(), pixel, vertical=False)
    painter.restore()


def _lowered(lines: tuple[TextLine, ...], rect: Rect, seen_from: float) -> tuple[TextLine, ...]:
    """A tall lane's name moved down from the top of its header to where the view shows the header
    (from `seen_from`), as far as the header's bottom allows, so that its name stays in sight."""
    if not lines:
        return lines
    top = min(line.y - line.size for line in lines)
    bottom = max(line.y + line.size / 4 for line in lines)
    pad = top - rect.y
    shift = max(0.0, min(seen_from - rect.y, rect.bottom - pad / 2 - bottom))
    return tuple(line._replace(y=line.y + shift) for line in lines) if shift else lines


def _headers(painter: QPainter, headers, dx: float, dy: float, texts: bool, selected: set[str]) -> None:
    painter.save()
    painter.translate(dx, dy)
    for element_id, rect, fill, lines in headers:
        P.draw_box(painter, header_box(rect, fill))
        if texts:
            P.draw_shapes(painter, lines)
        if element_id in selected:
            pen = QPen(P.ACCENT, 2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(P.qrect(rect))
    painter.restore()


def _shadow(painter: QPainter, x: float, y: float, end: float, pixel: float, vertical: bool) -> None:
    """A grid-coloured line along the band's edge at (x, y) and a soft shadow fading away from it."""
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
