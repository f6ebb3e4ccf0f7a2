"""How the map's parts look on the canvas: fonts, colours, icons and the drawing of layout boxes.

Fonts are the bundled TTFs the layout measured with, used without hinting or kerning so that Qt's
advances match the layout's; icons are the bundled Lucide SVGs, drawn as vectors in any colour.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from ..layout import Marker, Rect, TextLine, palette
from ..layout.icons import DEVICE_ICONS, MARKER_ICONS, channel_icon, icon_path
from ..layout.palette import EMOTION_COLORS
from ..layout.text import FAMILY, font_path

INK = QColor(palette.INK)
MUTED = QColor(palette.MUTED)
GRID = QColor(palette.GRID)
ACCENT = QColor("#1E88E5")  # selection and drop marks: the canvas only
PAIN = QColor(palette.PAIN)
KPI_MET = QColor(palette.KPI_MET)
KPI_MISSED = QColor(palette.KPI_MISSED)



def load_fonts() -> None:
    """Make the bundled fonts known to Qt (once per process; needs a QGuiApplication)."""
    if FAMILY not in QFontDatabase.families():
        for bold in (False, True):
            QFontDatabase.addApplicationFont(str(font_path(bold)))


BASE_SIZE = 100  # Qt font sizes are whole pixels: text is drawn at 100 px and scaled to its size


@cache
def font(bold: bool = False) -> QFont:
    """The map font at 100 px, with the design metrics the layout measured with."""
    result = QFont(FAMILY)
    result.setPixelSize(BASE_SIZE)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    result.setKerning(False)
    result.setBold(bold)
    return result


def draw_text(painter: QPainter, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
    """`text` with its baseline starting at (x, y), `size` scene units high (1 unit = 1 pt)."""
    painter.save()
    painter.translate(x, y)
    scale = size / BASE_SIZE
    painter.scale(scale, scale)
    painter.setFont(font(bold))
    painter.drawText(QPointF(0, 0), text)
    painter.restore()


def draw_lines(painter: QPainter, lines: tuple[TextLine, ...], color: QColor = INK) -> None:
    """The lines in `color`, or each in its own when it has one."""
    for line in lines:
        if line.text:
            painter.setPen(QColor(line.color) if line.color else color)
            draw_text(painter, line.x, line.y, line.text, line.size, line.bold)


@cache
def _svg(name: str, color: str) -> QSvgRenderer:
    text = icon_path(name).read_text("utf-8").replace("currentColor", color)
    return QSvgRenderer(QByteArray(text.encode("utf-8")))


def draw_icon(painter: QPainter, name: str, rect: QRectF, color: QColor = MUTED) -> None:
    _svg(name, color.name()).render(painter, rect)


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def draw_markers(painter: QPainter, markers: tuple[Marker, ...]) -> None:
    """The marker rows of a card, each sign in its layout rectangle (relative to the card)."""
    for marker in markers:
        r = qrect(marker.rect)
        icon = QRectF(r.x(), r.y(), 12, 12)
        if marker.kind in ("channel", "owner", "kpi", "metrics"):
            color = MUTED
            if marker.kind == "kpi" and marker.value is not None:
                color = KPI_MET if marker.value else KPI_MISSED
            name = channel_icon(str(marker.value)) if marker.kind == "channel" else MARKER_ICONS[marker.kind]
            draw_icon(painter, name, icon, color)
            painter.setPen(color)
            draw_text(painter, r.x() + 16, r.y() + 10, marker.text, 9)
        elif marker.kind == "device":
            draw_icon(painter, DEVICE_ICONS[str(marker.value)], icon, MUTED)
        elif marker.kind == "pain":
            draw_icon(painter, MARKER_ICONS["pain"], icon, PAIN)
        elif marker.kind == "emotion":
            draw_emotion(painter, r, marker.value)
        elif marker.kind == "quality":
            draw_quality(painter, r, int(marker.value))


def draw_emotion(painter: QPainter, rect: QRectF, emotion: int | None) -> None:
    """A dot coloured from red (-2) to green (+2); hollow when the emotion is not set."""
    painter.setPen(QPen(QColor("#455A64"), 1))
    painter.setBrush(QColor(EMOTION_COLORS[emotion]) if emotion is not None else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def draw_quality(painter: QPainter, rect: QRectF, quality: int) -> None:
    """Five small dots, `quality` of them filled."""
    painter.setPen(QPen(MUTED, 0.8))
    for i in range(5):
        painter.setBrush(MUTED if i < quality else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(rect.x() + i * 5.4, rect.y() + 4, 4, 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
