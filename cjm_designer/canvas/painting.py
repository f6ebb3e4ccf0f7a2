"""How the map's parts look on the canvas: fonts, colours, icons, and one function for each kind of
primitive the layout gives (layout/drawing.py), as export/pdf_map.py has for the PDF.

Fonts are the bundled TTFs the layout measured with, used without hinting or kerning so that Qt's
advances match the layout's; icons are the bundled Lucide SVGs, drawn as vectors in any colour.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPainterPath, QPen, QPolygonF

from ..layout import Rect, TextLine, palette
from ..layout.drawing import Box, Cubic, Dot, Icon, Line, Move, Path, PersonaPhoto, Polygon, Shape, Stroke
from ..layout.fonts import EMOJI_FAMILY, emoji_path
from ..layout.icons import icon_path
from ..layout.text import FAMILY, font_path, metrics

if TYPE_CHECKING:  # loaded with the first icon or photo drawn (see `Icons`)
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

INK = QColor(palette.INK)
GRID = QColor(palette.GRID)
ACCENT = QColor("#1E88E5")  # selection and drop marks: the canvas only


def load_fonts() -> None:
    """Make the bundled fonts known to Qt (once per process; needs a QGuiApplication)."""
    if FAMILY not in QFontDatabase.families():
        for bold in (False, True):
            QFontDatabase.addApplicationFont(str(font_path(bold)))


def load_fallback_font(text: str, bold: bool) -> None:
    """Make the bundled emoji font known to Qt when a line first has a character PT Sans lacks (a map
    without one never loads it); Qt then draws with the chain the layout measured with
    (layout/fonts.py): PT Sans, Noto Emoji, then its own fallback, fontconfig's, for the rest."""
    if not metrics(bold).chain.covers(text) and EMOJI_FAMILY not in QFontDatabase.families():
        QFontDatabase.addApplicationFont(str(emoji_path()))


BASE_SIZE = 100  # Qt font sizes are whole pixels: text is drawn at 100 px and scaled to its size
INVISIBLE_TEXT = 0.05  # device pixels: text of a smaller size gets no coverage at all from FreeType (see the tests)


@cache
def font(bold: bool = False) -> QFont:
    """The map font at 100 px, with the design metrics the layout measured with, and the emoji font
    after it."""
    result = QFont()
    result.setFamilies([FAMILY, EMOJI_FAMILY])
    result.setPixelSize(BASE_SIZE)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    result.setKerning(False)
    result.setBold(bold)
    return result


class Icons:
    """The bundled icons as a scene draws them: each file read once, and parsed once for each colour
    it is drawn in (Qt's SVG renderer fixes `currentColor` as it parses). A scene keeps one for its
    cards, the only items with icons."""

    def __init__(self):
        self._texts: dict[str, str] = {}
        self._renderers: dict[tuple[str, str], QSvgRenderer] = {}

    def renderer(self, name: str, color: str) -> QSvgRenderer:
        found = self._renderers.get((name, color))
        if found is None:
            text = self._texts.get(name)
            if text is None:
                text = self._texts[name] = icon_path(name).read_text("utf-8")
            from PySide6.QtCore import QByteArray  # QtSvg loads with the first icon: a map without cards has none
            from PySide6.QtSvg import QSvgRenderer

            data = QByteArray(text.replace("currentColor", color).encode("utf-8"))
            found = self._renderers[name, color] = QSvgRenderer(data)
        return found


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


# -- the layout's primitives (layout/drawing.py), one function each; items add only their overlays --

def draw_shapes(painter: QPainter, shapes: tuple[Shape, ...], icons: Icons | None = None) -> None:
    """The shapes in order; `icons` draws their icons (only a card's shapes have any)."""
    for shape in shapes:
        match shape:
            case Path():
                draw_path(painter, shape)
            case Polygon():
                draw_polygon(painter, shape)
            case Box():
                draw_box(painter, shape)
            case Icon():
                draw_icon(painter, shape, icons)
            case Dot():
                draw_dot(painter, shape)
            case TextLine():
                draw_text_line(painter, shape)


def pen(stroke: Stroke) -> QPen:
    """Qt counts dashes in pen widths, the layout in points; a hairline is Qt's cosmetic pen (width 0)."""
    result = QPen(QColor(stroke.color), stroke.width)
    if stroke.dashes:
        result.setDashPattern([d / stroke.width for d in stroke.dashes])
    return result


def qpath(commands) -> QPainterPath:
    result = QPainterPath()
    for command in commands:
        match command:
            case Move(to):
                result.moveTo(to.x, to.y)
            case Line(to):
                result.lineTo(to.x, to.y)
            case Cubic(c1, c2, to):
                result.cubicTo(c1.x, c1.y, c2.x, c2.y, to.x, to.y)
    return result


def draw_path(painter: QPainter, path: Path, exposed: QRectF | None = None) -> None:
    """The path stroked; with `exposed`, only its pieces there (see `_draw_exposed`)."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if exposed is None:
        painter.setPen(pen(path.stroke))
        painter.drawPath(qpath(path.commands))
    else:
        _draw_exposed(painter, pen(path.stroke), path.commands, exposed)


def draw_polygon(painter: QPainter, polygon: Polygon) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(polygon.fill))
    painter.drawPolygon(QPolygonF([QPointF(p.x, p.y) for p in polygon.points]))


def draw_box(painter: QPainter, box: Box) -> None:
    rect = qrect(box.rect)
    if box.stroke is None and box.radius == 0:
        fill_rect(painter, rect, QColor(box.fill))
        return
    painter.setPen(pen(box.stroke) if box.stroke else Qt.PenStyle.NoPen)
    if box.fill is None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        fill = QColor(box.fill)
        fill.setAlphaF(box.fill_alpha)
        painter.setBrush(fill)
    painter.drawRoundedRect(rect, box.radius, box.radius)


def fill_rect(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """`painter.fillRect(rect, color)` done as QPainter does it for a paint engine without a fill of its
    own, the same pixels and the same SVG: the first call of fillRect has PySide make QGradient's
    enums to choose among its overloads (1.4 ms of the start of a map with a pain point)."""
    pen, brush = painter.pen(), painter.brush()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRect(rect)
    painter.setBrush(brush)
    painter.setPen(pen)


def draw_icon(painter: QPainter, icon: Icon, icons: Icons) -> None:
    icons.renderer(icon.name, icon.color).render(painter, qrect(icon.rect))


def draw_dot(painter: QPainter, dot: Dot) -> None:
    painter.setPen(pen(dot.stroke))
    painter.setBrush(QColor(dot.fill) if dot.fill else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(dot.center.x, dot.center.y), dot.radius, dot.radius)


def draw_persona_photo(painter: QPainter, photo: PersonaPhoto, image: QImage) -> None:
    """The decoded `image` filling the photo's circle, its middle showing."""
    rect = qrect(photo.rect)
    scale = rect.width() / min(image.width(), image.height())
    width, height = image.width() * scale, image.height() * scale
    clip = QPainterPath()
    clip.addEllipse(rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    painter.drawImage(QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height), image)
    painter.restore()


def draw_text_line(painter: QPainter, line: TextLine) -> None:
    """The line with its baseline starting at (x, y), `size` scene units high (1 unit = 1 pt). A line
    too small to colour a pixel (the Overview's header texts on a big map) is not shaped at all."""
    if line.size * abs(painter.worldTransform().determinant()) ** 0.5 < INVISIBLE_TEXT:
        return
    painter.save()
    painter.setPen(QColor(line.color))
    painter.translate(line.x, line.y)
    scale = line.size / BASE_SIZE
    painter.scale(scale, scale)
    if not line.text.isascii():
        load_fallback_font(line.text, line.bold)
    painter.setFont(font(line.bold))
    painter.drawText(QPointF(0, 0), line.text)
    painter.restore()


def _draw_exposed(painter: QPainter, stroke: QPen, commands, exposed: QRectF) -> None:
    """Stroke only the pieces in `exposed` (widened by the stroke), straight pieces cut to it, each
    dash pattern continuing where the whole path would have it: a long dashed link costs what its
    visible part costs. A path wholly in `exposed` (every link in the Overview) is drawn in the same
    pieces without cutting them. A solid pen is set once and never given a dash offset: Qt would
    turn it into a dash pattern with no dashes, and the rounded corners went undrawn."""
    exposed = exposed.adjusted(-6, -6, 6, 6)
    whole = _inside(commands, exposed)
    width = stroke.widthF()
    dashed = stroke.style() != Qt.PenStyle.SolidLine
    if not dashed:
        painter.setPen(stroke)
    current, distance = QPointF(), 0.0
    for command in commands:
        match command:
            case Move(to):
                current = QPointF(to.x, to.y)
            case Line(to):
                end = QPointF(to.x, to.y)
                clipped = (current, end) if whole else _clip_axis_line(current, end, exposed)
                if clipped is not None:
                    if dashed:
                        stroke.setDashOffset((distance + QLineF(current, clipped[0]).length()) / width)
                        painter.setPen(stroke)
                    painter.drawLine(*clipped)
                if dashed:
                    distance += QLineF(current, end).length()
                current = end
            case Cubic(c1, c2, to):
                end = QPointF(to.x, to.y)
                if whole or QRectF(current, end).normalized().adjusted(-6, -6, 6, 6).intersects(exposed):
                    piece = QPainterPath(current)
                    piece.cubicTo(c1.x, c1.y, c2.x, c2.y, end.x(), end.y())
                    if dashed:
                        stroke.setDashOffset(distance / width)
                        painter.setPen(stroke)
                    painter.drawPath(piece)
                if dashed:
                    distance += _cubic_length(current, QPointF(c1.x, c1.y), QPointF(c2.x, c2.y), end)
                current = end


def _inside(commands, rect: QRectF) -> bool:
    """Whether every point of the commands (a curve stays within its control points) is in `rect`."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    for command in commands:
        for point in (command.c1, command.c2, command.to) if isinstance(command, Cubic) else (command.to,):
            if not (left <= point.x <= right and top <= point.y <= bottom):
                return False
    return True


def _cubic_length(a: QPointF, c1: QPointF, c2: QPointF, b: QPointF) -> float:
    """Near enough for a dash phase: halfway between the chord and the control polygon."""
    polygon = QLineF(a, c1).length() + QLineF(c1, c2).length() + QLineF(c2, b).length()
    return (QLineF(a, b).length() + polygon) / 2


def _clip_axis_line(a: QPointF, b: QPointF, rect: QRectF) -> tuple[QPointF, QPointF] | None:
    """The part of a horizontal or vertical segment inside `rect` (a slanted one is kept whole)."""
    if a.y() == b.y():
        if not rect.top() <= a.y() <= rect.bottom():
            return None
        lo, hi = max(min(a.x(), b.x()), rect.left()), min(max(a.x(), b.x()), rect.right())
        if lo > hi:
            return None
        forward = b.x() >= a.x()
        return (QPointF(lo if forward else hi, a.y()), QPointF(hi if forward else lo, a.y()))
    if a.x() == b.x():
        if not rect.left() <= a.x() <= rect.right():
            return None
        lo, hi = max(min(a.y(), b.y()), rect.top()), min(max(a.y(), b.y()), rect.bottom())
        if lo > hi:
            return None
        forward = b.y() >= a.y()
        return (QPointF(a.x(), lo if forward else hi), QPointF(a.x(), hi if forward else lo))
    return (a, b) if QRectF(a, b).normalized().intersects(rect) else None
