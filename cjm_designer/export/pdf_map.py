"""The map drawn with reportlab from the layout, as the canvas draws it: cells, headers, cards with
their icons and markers, the emotion curve and the links.

Coordinates are the layout's (points, y downwards); the caller sets up the page transform and the
clip. Only the parts that meet the `area` asked for are drawn, so a sheet of a tiled export holds
(and lets a reader select and search) only what it shows.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from ..layout import MapLayout, Rect, TextLine, palette
from ..layout.icons import DEVICE_ICONS, MARKER_ICONS, channel_icon
from ..layout.palette import EMOTION_COLORS, LINK_STYLES
from ..model import JourneyMap
from .pdf_icons import Icons
from .pdf_text import draw_lines

INK, MUTED, GRID = HexColor(palette.INK), HexColor(palette.MUTED), HexColor(palette.GRID)
DOT_EDGE = HexColor("#455A64")


class MapDrawing:
    """Draws parts of one map; what every sheet needs (cards by id, link extents) is worked out once."""

    def __init__(self, pdf: Canvas, doc: JourneyMap, layout: MapLayout, icons: Icons):
        self.pdf, self.doc, self.layout, self.icons = pdf, doc, layout, icons
        self._links = [(path, path.bounds()) for path in layout.links.values()]

    def draw(self, area: Rect | None = None) -> None:
        """The parts of the map that meet `area` (all of it when None)."""
        pdf, layout, icons = self.pdf, self.layout, self.icons
        area = area or Rect(0, 0, layout.width, layout.height)
        if layout.title_rect.intersects(area):
            draw_lines(pdf, layout.title, layout.title_rect.x, layout.title_rect.y)
        for (_, lane_id), cell in layout.cells.items():
            if cell.intersects(area):
                _box(pdf, cell, fill=HexColor(layout.lanes[lane_id].cell_fill), stroke=GRID)
        for box in layout.stages.values():
            if box.header.intersects(area):
                _box(pdf, box.header, fill=HexColor(box.fill), stroke=GRID)
                draw_lines(pdf, box.lines, box.header.x, box.header.y)
        for box in layout.lanes.values():
            if box.header.intersects(area):
                _box(pdf, box.header, fill=HexColor(box.fill), stroke=GRID)
                draw_lines(pdf, box.lines, box.header.x, box.header.y)
        for curve in layout.curves:
            if curve.row.intersects(area):
                _curve(pdf, curve)
        for card_id, _ in layout.cards_touching(area):
            box = layout.cards[card_id]
            _card(pdf, box, box.fill, icons)
        for path, bounds in self._links:
            if bounds.intersects(area):
                _link(pdf, path, path.kind)


def _curve(pdf: Canvas, curve) -> None:
    pdf.setLineWidth(0.8)
    for value, y in zip(range(-2, 3), curve.levels):
        pdf.setStrokeColor(GRID if value else MUTED)
        pdf.setDash([1, 2] if value else [4, 3])
        pdf.line(curve.row.x, y, curve.row.right, y)
    pdf.setDash()
    if len(curve.points) >= 2:
        pdf.setStrokeColor(HexColor(palette.CURVE))
        pdf.setLineWidth(2)
        pdf.drawPath(_smooth(pdf, curve.points), stroke=1, fill=0)


def _card(pdf: Canvas, box, fill: str, icons: Icons) -> None:
    r = box.rect
    if box.compact:  # a point of the emotion curve with its title under it
        dot = box.markers[0]
        _emotion(pdf, icons, Rect(r.x + dot.rect.x, r.y + dot.rect.y, dot.rect.w, dot.rect.h), dot.value)
        draw_lines(pdf, box.lines, r.x, r.y)
        return
    pdf.setFillColor(HexColor(fill))
    pdf.setStrokeColor(HexColor(palette.card_border(fill)))
    pdf.setLineWidth(1)
    pdf.roundRect(r.x, r.y, r.w, r.h, 5, stroke=1, fill=1)
    draw_lines(pdf, box.lines, r.x, r.y)
    for marker in box.markers:
        m = Rect(r.x + marker.rect.x, r.y + marker.rect.y, marker.rect.w, marker.rect.h)
        if marker.kind in ("channel", "owner", "kpi", "metrics"):
            color = palette.MUTED
            if marker.kind == "kpi" and marker.value is not None:
                color = palette.KPI_MET if marker.value else palette.KPI_MISSED
            name = channel_icon(str(marker.value)) if marker.kind == "channel" else MARKER_ICONS[marker.kind]
            icons.draw(name, m.x, m.y, 12, color)
            draw_lines(pdf, (TextLine(marker.text, 16, 10, 9),), m.x, m.y, HexColor(color))
        elif marker.kind == "device":
            icons.draw(DEVICE_ICONS[str(marker.value)], m.x, m.y, 12, palette.MUTED)
        elif marker.kind == "pain":
            icons.draw(MARKER_ICONS["pain"], m.x, m.y, 12, palette.PAIN)
        elif marker.kind == "emotion":
            _emotion(pdf, icons, m, marker.value)
        elif marker.kind == "quality":
            _quality(pdf, icons, m, int(marker.value))


def _emotion(pdf: Canvas, icons: Icons, rect: Rect, emotion: int | None) -> None:
    """A dot coloured from red (-2) to green (+2); hollow when the emotion is not set."""
    def draw(form: Canvas) -> None:
        form.setStrokeColor(DOT_EDGE)
        form.setLineWidth(1)
        radius = rect.w / 2
        if emotion is not None:
            form.setFillColor(HexColor(EMOTION_COLORS[emotion]))
        form.circle(radius, radius, radius - 0.5, stroke=1, fill=0 if emotion is None else 1)

    icons.stamp(f"emotion-{emotion}-{rect.w:g}", rect.x, rect.y, (rect.w, rect.w), draw)


def _quality(pdf: Canvas, icons: Icons, rect: Rect, quality: int) -> None:
    """Five small dots, `quality` of them filled, as on the canvas."""
    def draw(form: Canvas) -> None:
        form.setStrokeColor(MUTED)
        form.setFillColor(MUTED)
        form.setLineWidth(0.8)
        for i in range(5):
            form.circle(i * 5.4 + 2, 6, 2, stroke=1, fill=1 if i < quality else 0)

    icons.stamp(f"quality-{quality}", rect.x, rect.y, (28, 10), draw)


def _link(pdf: Canvas, path, kind: str) -> None:
    color_name, dashes = LINK_STYLES.get(kind, LINK_STYLES["flow"])
    color = HexColor(color_name)
    pdf.setStrokeColor(color)
    pdf.setLineWidth(1.4)
    pdf.setDash(dashes or [])
    pdf.drawPath(_rounded(pdf, path.points), stroke=1, fill=0)
    pdf.setDash()
    _arrow(pdf, path.points[-2], path.points[-1], color)
    if path.label_rect is not None:
        label = path.label_rect
        pdf.setFillColor(white)
        pdf.setStrokeColor(color)
        pdf.setLineWidth(0.8)
        pdf.roundRect(label.x, label.y, label.w, label.h, 3, stroke=1, fill=1)
        draw_lines(pdf, path.label, 0, 0)


def _rounded(pdf: Canvas, points):
    """The polyline with its corners rounded as the canvas rounds them (radius 6, or half the shorter
    side), each corner's quadratic curve written as the equal cubic."""
    drawn = pdf.beginPath()
    drawn.moveTo(points[0].x, points[0].y)
    for before, corner, after in zip(points, points[1:], points[2:]):
        radius = min(6.0, math.dist(before, corner) / 2, math.dist(corner, after) / 2)
        start, end = _towards(corner, before, radius), _towards(corner, after, radius)
        drawn.lineTo(*start)
        drawn.curveTo(start[0] + 2 / 3 * (corner.x - start[0]), start[1] + 2 / 3 * (corner.y - start[1]),
                      end[0] + 2 / 3 * (corner.x - end[0]), end[1] + 2 / 3 * (corner.y - end[1]), *end)
    drawn.lineTo(points[-1].x, points[-1].y)
    return drawn


def _towards(corner, other, radius: float) -> tuple[float, float]:
    length = math.dist(corner, other) or 1
    return corner.x + (other.x - corner.x) * radius / length, corner.y + (other.y - corner.y) * radius / length


def _smooth(pdf: Canvas, points):
    """The Catmull-Rom curve through the points, as the canvas draws it."""
    path = pdf.beginPath()
    path.moveTo(points[0].x, points[0].y)
    for i in range(len(points) - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        path.curveTo(p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6,
                     p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6, p2.x, p2.y)
    return path


def _arrow(pdf: Canvas, before, tip, color: Color) -> None:
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    size = 7
    pdf.setFillColor(color)
    head = pdf.beginPath()
    head.moveTo(tip.x, tip.y)
    head.lineTo(tip.x - size * math.cos(angle - 0.45), tip.y - size * math.sin(angle - 0.45))
    head.lineTo(tip.x - size * math.cos(angle + 0.45), tip.y - size * math.sin(angle + 0.45))
    head.close()
    pdf.drawPath(head, stroke=0, fill=1)


def _box(pdf: Canvas, rect: Rect, fill: Color, stroke: Color) -> None:
    pdf.setFillColor(fill)
    pdf.setStrokeColor(stroke)
    pdf.setLineWidth(0.5)
    pdf.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)
