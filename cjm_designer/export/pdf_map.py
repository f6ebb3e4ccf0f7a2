"""The map drawn with reportlab as the canvas draws it: the layout's primitives (layout/drawing.py)
for the title, cells, headers, emotion curves, cards and links, each kind by one function here.

Coordinates are the layout's (points, y downwards); the caller sets up the page transform and the
clip. Only the parts that meet the `area` asked for are drawn, so a sheet of a tiled export holds
(and lets a reader select and search) only what it shows.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..layout import MapLayout, Rect, TextLine
from ..layout.drawing import Box, Cubic, Dot, Icon, Line, Move, Path, Polygon, Shape, Stroke, cell_box, header_box
from .pdf_icons import Icons
from .pdf_text import draw_lines

PRINTED_HAIRLINE = 0.5  # a PDF's own hairline (width 0) would be a device pixel: too faint in print


class MapDrawing:
    """Draws parts of one map; what every sheet needs (cards by id, link extents) is worked out once."""

    def __init__(self, pdf: Canvas, layout: MapLayout, icons: Icons):
        self.pdf, self.layout, self.icons = pdf, layout, icons
        self._links = [(path, path.bounds()) for path in layout.links.values()]

    def draw(self, area: Rect | None = None) -> None:
        """The parts of the map that meet `area` (all of it when None)."""
        pdf, layout, icons = self.pdf, self.layout, self.icons
        area = area or Rect(0, 0, layout.width, layout.height)
        if layout.title_rect.intersects(area):
            draw_shapes(pdf, icons, layout.title_texts())
        for (_, lane_id), cell in layout.cells.items():
            if cell.intersects(area):
                draw_box(pdf, cell_box(cell, layout.lanes[lane_id].cell_fill))
        for box in (*layout.stages.values(), *layout.lanes.values()):
            if box.header.intersects(area):
                draw_shapes(pdf, icons, (header_box(box.header, box.fill),) + box.texts)
        for curve in layout.curves:
            if curve.row.intersects(area):
                draw_shapes(pdf, icons, curve.shapes)
        for card_id, _ in layout.cards_touching(area):
            draw_shapes(pdf, icons, layout.cards[card_id].drawing.shapes)
        for path, bounds in self._links:
            if bounds.intersects(area):
                draw_shapes(pdf, icons, path.drawing.shapes)


# -- the layout's primitives (layout/drawing.py), one function each ---------------------------------

def draw_shapes(pdf: Canvas, icons: Icons, shapes: tuple[Shape, ...]) -> None:
    """The shapes in order, their text last and in one text object (text never lies under a shape of
    the same part of the map, so this draws what the canvas draws)."""
    lines = []
    for shape in shapes:
        match shape:
            case Path():
                draw_path(pdf, shape)
            case Polygon():
                draw_polygon(pdf, shape)
            case Box():
                draw_box(pdf, shape)
            case Icon():
                draw_icon(icons, shape)
            case Dot():
                draw_dot(icons, shape)
            case TextLine():
                lines.append(shape)
    if lines:
        draw_text_lines(pdf, lines)


def draw_path(pdf: Canvas, path: Path) -> None:
    drawn = pdf.beginPath()
    for command in path.commands:
        match command:
            case Move(to):
                drawn.moveTo(to.x, to.y)
            case Line(to):
                drawn.lineTo(to.x, to.y)
            case Cubic(c1, c2, to):
                drawn.curveTo(c1.x, c1.y, c2.x, c2.y, to.x, to.y)
    _stroke(pdf, path.stroke)
    pdf.setLineCap(2)  # as Qt ends lines and dashes: square, half the width beyond
    pdf.drawPath(drawn, stroke=1, fill=0)
    if path.stroke.dashes:
        pdf.setDash()


def draw_polygon(pdf: Canvas, polygon: Polygon) -> None:
    drawn = pdf.beginPath()
    first, *rest = polygon.points
    drawn.moveTo(first.x, first.y)
    for point in rest:
        drawn.lineTo(point.x, point.y)
    drawn.close()
    pdf.setFillColor(HexColor(polygon.fill))
    pdf.drawPath(drawn, stroke=0, fill=1)


def draw_box(pdf: Canvas, box: Box) -> None:
    r = box.rect
    see_through = box.fill is not None and box.fill_alpha < 1
    if box.fill is not None:
        pdf.setFillColor(HexColor(box.fill))
    if see_through:
        pdf.setFillAlpha(box.fill_alpha)
    if box.stroke is not None:
        _stroke(pdf, box.stroke)
    stroke, fill = int(box.stroke is not None), int(box.fill is not None)
    if box.radius:
        pdf.roundRect(r.x, r.y, r.w, r.h, box.radius, stroke=stroke, fill=fill)
    else:
        pdf.rect(r.x, r.y, r.w, r.h, stroke=stroke, fill=fill)
    if see_through:
        pdf.setFillAlpha(1)
    if box.stroke is not None and box.stroke.dashes:
        pdf.setDash()


def draw_icon(icons: Icons, icon: Icon) -> None:
    icons.draw(icon.name, icon.rect.x, icon.rect.y, icon.rect.w, icon.color)


def draw_dot(icons: Icons, dot: Dot) -> None:
    """A dot is stamped: the same dot recurs on many cards, so it goes into the file once."""
    edge = dot.stroke
    half = dot.radius + edge.width / 2

    def draw(form: Canvas) -> None:
        _stroke(form, edge)
        if dot.fill is not None:
            form.setFillColor(HexColor(dot.fill))
        form.circle(half, half, dot.radius, stroke=1, fill=int(dot.fill is not None))

    icons.stamp((dot.radius, dot.fill, edge), dot.center.x - half, dot.center.y - half, (2 * half, 2 * half), draw)


def draw_text_lines(pdf: Canvas, lines: list[TextLine]) -> None:
    draw_lines(pdf, lines, 0, 0)


def _stroke(pdf: Canvas, stroke: Stroke) -> None:
    pdf.setStrokeColor(HexColor(stroke.color))
    pdf.setLineWidth(stroke.width or PRINTED_HAIRLINE)
    if stroke.dashes:
        pdf.setDash(list(stroke.dashes))
