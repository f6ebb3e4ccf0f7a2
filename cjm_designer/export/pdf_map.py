"""The map drawn with reportlab as the canvas draws it: the layout's primitives (layout/drawing.py)
for the title, cells, headers, emotion curves, cards and links, each kind by one function here.

Coordinates are the layout's (points, y downwards); the caller sets up the page transform and the
clip. Only the parts that meet the `area` asked for are drawn, so a sheet of a tiled export holds
(and lets a reader select and search) only what it shows.
"""

from __future__ import annotations

from PIL import Image
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..layout import MapLayout, Rect, TextLine
from ..layout.comparison import Mark
from ..layout.drawing import (
    Box,
    Cubic,
    Dot,
    Icon,
    Line,
    Move,
    Path,
    PersonaPhoto,
    Polygon,
    Shape,
    Stroke,
    cell_box,
    header_box,
    photo_shapes,
)
from ..model import Persona
from .pdf_icons import Icons
from .pdf_persona import persona_photos
from .pdf_text import TextWriter

PRINTED_HAIRLINE = 0.5  # a PDF's own hairline (width 0) would be a device pixel: too faint in print
SQUARE_CAP = 2  # as Qt ends lines and dashes: square, half the width beyond
PHOTO_PIXELS_PER_POINT = 2  # the title's photo is embedded at twice its drawn size: sharp in print, small


class MapDrawing:
    """Draws parts of one map; what every sheet needs (cards by id, link extents, the title's photo
    decoded from `personas`) is worked out once."""

    def __init__(self, pdf: Canvas, layout: MapLayout, icons: Icons, personas: list[Persona],
                 marks: tuple[Mark, ...] = ()):
        self.pen, self.layout, self.icons = Pen(pdf), layout, icons
        self.marks = marks  # a comparison's, drawn over the map (layout/comparison.py)
        self._links = [(path, path.bounds()) for path in layout.links.values()]
        self._photo = None if layout.title_photo is None else title_image(layout.title_photo, personas)

    def draw(self, area: Rect | None = None) -> None:
        """The parts of the map that meet `area` (all of it when None)."""
        pen, layout, icons = self.pen, self.layout, self.icons
        pen.forget()
        area = area or Rect(0, 0, layout.width, layout.height)
        if layout.title_rect.intersects(area):
            photo = layout.title_photo
            if photo is not None and photo.rect.intersects(area):
                if self._photo is not None:
                    draw_persona_photo(pen, photo, self._photo)
                draw_shapes(pen, icons, photo_shapes(photo, self._photo is not None))
            draw_shapes(pen, icons, layout.title_texts())
        for (_, lane_id), cell in layout.cells.items():
            if cell.intersects(area):
                draw_box(pen, cell_box(cell, layout.lanes[lane_id].cell_fill))
        for box in (*layout.stages.values(), *layout.lanes.values()):
            if box.header.intersects(area):
                draw_shapes(pen, icons, (header_box(box.header, box.fill),) + box.texts)
        for lane in layout.lanes.values():
            if lane.legend and lane.header.intersects(area):
                draw_shapes(pen, icons, lane.legend)
        for curve in layout.curves:
            if curve.row.intersects(area):
                draw_shapes(pen, icons, curve.shapes)
        for card_id, _ in layout.cards_touching(area):
            draw_shapes(pen, icons, layout.cards[card_id].drawing.shapes)
        links = [path.drawing for path, bounds in self._links if bounds.intersects(area)]
        for link in links:  # every line before any label, so that no line runs over a label
            draw_shapes(pen, icons, link.lines)
        for link in links:
            draw_shapes(pen, icons, link.plate)
        for mark in self.marks:
            if mark.area.intersects(area):
                draw_shapes(pen, icons, mark.shapes)


class Pen:
    """What the page's graphics state holds, as last written (None: not known), so that a map, which
    sets the same few colours and widths over and over, writes a change only when it is one. Dashes
    are solid again after each dashed shape, as the icons and dots placed later expect."""

    def __init__(self, pdf: Canvas):
        self.pdf, self.text = pdf, TextWriter(pdf)
        self._color: str | None = None
        self._width: float | None = None
        self._dashed: bool | None = None
        self._cap: int | None = None

    def forget(self) -> None:
        """Nothing is known of the state (a new page)."""
        self._color = self._width = self._dashed = self._cap = None
        self.text.forget()

    def fill(self, color: str) -> None:
        change = self.text.fill(color)
        if change:
            self.pdf.addLiteral(change)

    def stroke(self, stroke: Stroke) -> None:
        write = self.pdf.addLiteral
        if stroke.color != self._color:
            self._color = stroke.color
            rgb = HexColor(stroke.color)
            write(f"{fp_str(rgb.red, rgb.green, rgb.blue)} RG")
        width = stroke.width or PRINTED_HAIRLINE
        if width != self._width:
            self._width = width
            write(f"{fp_str(width)} w")
        if stroke.dashes:
            write(f"[{fp_str(*stroke.dashes)}] 0 d")
            self._dashed = True
        else:
            self.undash()

    def undash(self) -> None:
        if self._dashed is not False:
            self._dashed = False
            self.pdf.addLiteral("[] 0 d")

    def cap(self, cap: int) -> None:
        if cap != self._cap:
            self._cap = cap
            self.pdf.addLiteral(f"{cap} J")


# -- the layout's primitives (layout/drawing.py), one function each ---------------------------------

def draw_shapes(pen: Pen, icons: Icons, shapes: tuple[Shape, ...]) -> None:
    """The shapes in order, their text last and in one text object (text never lies under a shape of
    the same part of the map, so this draws what the canvas draws); dots in a row (a card's emotion
    and quality) as one form."""
    lines: list[TextLine] = []
    dots: list[Dot] = []
    for shape in shapes:
        if type(shape) is Dot:
            dots.append(shape)
            continue
        if dots:
            draw_dots(icons, dots)
            dots = []
        match shape:
            case Path():
                draw_path(pen, shape)
            case Polygon():
                draw_polygon(pen, shape)
            case Box():
                draw_box(pen, shape)
            case Icon():
                draw_icon(icons, shape)
            case TextLine():
                lines.append(shape)
    if dots:
        draw_dots(icons, dots)
    if lines:
        draw_text_lines(pen, lines)


def draw_path(pen: Pen, path: Path) -> None:
    drawn = pen.pdf.beginPath()
    for command in path.commands:
        match command:
            case Move(to):
                drawn.moveTo(to.x, to.y)
            case Line(to):
                drawn.lineTo(to.x, to.y)
            case Cubic(c1, c2, to):
                drawn.curveTo(c1.x, c1.y, c2.x, c2.y, to.x, to.y)
    pen.stroke(path.stroke)
    pen.cap(SQUARE_CAP)
    pen.pdf.drawPath(drawn, stroke=1, fill=0)
    if path.stroke.dashes:
        pen.undash()


def draw_polygon(pen: Pen, polygon: Polygon) -> None:
    drawn = pen.pdf.beginPath()
    first, *rest = polygon.points
    drawn.moveTo(first.x, first.y)
    for point in rest:
        drawn.lineTo(point.x, point.y)
    drawn.close()
    pen.fill(polygon.fill)
    pen.pdf.drawPath(drawn, stroke=0, fill=1)


def draw_box(pen: Pen, box: Box) -> None:
    pdf, r = pen.pdf, box.rect
    see_through = box.fill is not None and box.fill_alpha < 1
    if box.fill is not None:
        pen.fill(box.fill)
    if see_through:
        pdf.setFillAlpha(box.fill_alpha)
    if box.stroke is not None:
        pen.stroke(box.stroke)
    stroke, fill = int(box.stroke is not None), int(box.fill is not None)
    if box.radius:
        pdf.roundRect(r.x, r.y, r.w, r.h, box.radius, stroke=stroke, fill=fill)
    else:
        pdf.rect(r.x, r.y, r.w, r.h, stroke=stroke, fill=fill)
    if see_through:
        pdf.setFillAlpha(1)
    if box.stroke is not None and box.stroke.dashes:
        pen.undash()


def draw_icon(icons: Icons, icon: Icon) -> None:
    icons.draw(icon.name, icon.rect.x, icon.rect.y, icon.rect.w, icon.color)


def title_image(photo: PersonaPhoto, personas: list[Persona]) -> ImageReader | None:
    """The middle square of the persona's photo at PHOTO_PIXELS_PER_POINT (never enlarged), to be
    embedded once; None when it cannot be decoded (the persona pages note why)."""
    persona = next((persona for persona in personas if persona.id == photo.persona_id), None)
    image = persona_photos([persona])[0].get(persona.id) if persona is not None else None
    if image is None:
        return None
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    square = image.crop((left, top, left + side, top + side))
    pixels = round(photo.rect.w * PHOTO_PIXELS_PER_POINT)
    return ImageReader(square.resize((pixels, pixels), Image.Resampling.LANCZOS) if side > pixels else square)


def draw_persona_photo(pen: Pen, photo: PersonaPhoto, image: ImageReader) -> None:
    """The photo's middle square filling its circle."""
    pdf, r = pen.pdf, photo.rect
    pdf.saveState()
    clip = pdf.beginPath()
    clip.circle(r.center.x, r.center.y, r.w / 2)
    pdf.clipPath(clip, stroke=0, fill=0)
    pdf.translate(r.x, r.bottom)
    pdf.scale(1, -1)  # the page's y runs down; an image's up
    pdf.drawImage(image, 0, 0, r.w, r.h, mask="auto")
    pdf.restoreState()


def draw_dots(icons: Icons, dots: list[Dot]) -> None:
    """Dots in a row are stamped as one form: the same row recurs on many cards (an emotion and five
    quality dots, so many filled), so it goes into the file once and each card places it once. The
    form is keyed by how the dots look and where they lie from the first, to a thousandth of a point."""
    origin = dots[0].center
    looks = tuple((round(dot.center.x - origin.x, 3), round(dot.center.y - origin.y, 3), dot.radius, dot.fill,
                   dot.stroke) for dot in dots)

    def box() -> tuple[float, float, float, float]:
        reach = [(x, y, radius + (edge.width or PRINTED_HAIRLINE) / 2) for x, y, radius, _, edge in looks]
        return (min(x - r for x, _, r in reach), min(y - r for _, y, r in reach),
                max(x + r for x, _, r in reach), max(y + r for _, y, r in reach))

    def draw(form: Canvas) -> None:
        for x, y, radius, fill, edge in looks:
            form.setStrokeColor(HexColor(edge.color))
            form.setLineWidth(edge.width or PRINTED_HAIRLINE)
            if fill is not None:
                form.setFillColor(HexColor(fill))
            form.circle(x, y, radius, stroke=1, fill=int(fill is not None))

    icons.stamp(looks, origin.x, origin.y, box, draw)


def draw_text_lines(pen: Pen, lines: list[TextLine]) -> None:
    pen.text.draw(lines, 0, 0)
