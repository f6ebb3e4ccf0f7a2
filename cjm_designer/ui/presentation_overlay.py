"""What a presentation (presentation.py) draws over the map on screen, in one widget above the view's
viewport: the veil beyond the step, or the dark around a spotlit card; the step's caption in a corner;
the keys, for a few seconds after the start; the countdown; a black screen.

It is a widget, not scene items: it covers the pinned header bands too, costs nothing per card on a
big map, and never reaches an export. It takes no clicks (they go to the map beneath) and draws every
text as plain text."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from ..canvas.presentation_steps import between
from ..layout.text import FAMILY


def tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


VEIL = QColor(255, 255, 255, 185)  # over what lies beyond the step: the next stages, still legible
SPOTLIGHT = QColor(15, 20, 30, 170)  # around a spotlit card
PILL = QColor(28, 32, 40, 200)
PILL_TEXT = QColor("#FFFFFF")
PILL_MUTED = QColor(255, 255, 255, 150)
AMBER, RED = QColor("#F59E0B"), QColor("#DC2626")
FLASH_SECONDS = 2.5  # the badge blinks this long once the time is up
HINT_SECONDS = 4.0  # the keys shown at the start, then faded out
PRESET_MINUTES = (1, 2, 3, 5, 10, 15, 20, 30)


class Countdown(QObject):
    """A time box for an exercise: `minutes` chosen among PRESET_MINUTES, then counted down. Read
    from a monotonic clock (`clock`, replaceable in tests): a busy or sleeping machine loses no time.
    `changed` is sent when what the badge shows changes (a second, a blink, a start or a stop)."""

    changed = Signal()

    def __init__(self, parent: QObject, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.minutes = 5
        self.shown = False  # the badge is on screen: counting, or showing the minutes it will count
        self._ends: float | None = None
        self._last: tuple | None = None
        self._ticks = QTimer(self)
        self._ticks.setInterval(100)
        self._ticks.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._ends is not None

    def start(self, seconds: float | None = None) -> None:
        self._ends = self.clock() + (self.minutes * 60 if seconds is None else seconds)
        self.shown = True
        self._ticks.start()
        self.tick()

    def stop(self) -> None:
        """Stop and take the badge off the screen."""
        self._ends, self.shown = None, False
        self._ticks.stop()
        self.tick()

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def adjust(self, step: int) -> None:
        """+1 or -1: a minute more or less while counting (not below none left); else the next or
        previous preset, shown on the badge, ready to start."""
        if self.running:
            self._ends = max(self._ends + 60 * step, self.clock())
        else:
            presets = PRESET_MINUTES
            at = presets.index(self.minutes) if self.minutes in presets else 0
            self.minutes = presets[min(max(at + step, 0), len(presets) - 1)]
            self.shown = True
        self.tick()

    def remaining(self) -> float:
        """Seconds left (the whole box while not started)."""
        return max(0.0, self._ends - self.clock()) if self._ends is not None else float(self.minutes * 60)

    def text(self) -> str:
        seconds = math.ceil(self.remaining())
        return f"{seconds // 60:02d}:{seconds % 60:02d}"

    def flashing(self) -> bool:
        """In the blink's bright phase: the time is up, for the first FLASH_SECONDS."""
        if self._ends is None:
            return False
        over = self.clock() - self._ends
        return 0 <= over < FLASH_SECONDS and int(over * 4) % 2 == 0

    def tick(self) -> None:
        shown = (self.shown, self.running, self.text(), self.flashing())
        if shown != self._last:
            self._last = shown
            self.changed.emit()


class Overlay(QWidget):
    """Lies over `view`'s viewport; the presentation sets what it shows and asks for repaints."""

    def __init__(self, view: QGraphicsView, countdown: Countdown):
        super().__init__(view)
        self.view, self.countdown = view, countdown
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lit: QRectF | None = None  # map area in full light; beyond it the veil
        self.veil = 0.0  # how strongly (0 to 1: a move fades it in and out)
        self.spot: QRectF | None = None  # map area of the spotlit card
        self._spot_from: QRectF | None = None  # where the light's move to it started
        self._spot_t = 1.0  # how far along that move
        self._spot_move = QVariantAnimation(self)
        self._spot_move.setStartValue(0.0)
        self._spot_move.setEndValue(1.0)
        self._spot_move.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._spot_move.valueChanged.connect(self._move_spot)
        self.blank = False
        self.caption, self.position = "", ""
        self.hint_opacity = 0.0
        self._hint = QVariantAnimation(self)
        self._hint.setDuration(600)
        self._hint.setStartValue(1.0)
        self._hint.setEndValue(0.0)
        self._hint.valueChanged.connect(self._fade_hint)
        self._hint_shown = QTimer(self)
        self._hint_shown.setSingleShot(True)
        self._hint_shown.setInterval(int(HINT_SECONDS * 1000))
        self._hint_shown.timeout.connect(self._hint.start)
        countdown.changed.connect(lambda: self.update(self._badge_rect()))
        self.follow_viewport()

    def follow_viewport(self) -> None:
        self.setGeometry(self.view.viewport().geometry())
        self.raise_()

    def set_spot(self, area: QRectF | None, duration: int = 0) -> None:
        """Light the map area `area` alone (None: nothing in particular). In `duration` ms the light
        glides there from the card lit before, or closes in on it from the edges of the screen."""
        self._spot_move.stop()
        shown = self._spot_shown()
        self.spot = area
        self._spot_from = shown if shown is not None else self.view.visible_scene_rect()
        self._spot_t = 1.0
        if area is not None and duration > 0:
            self._spot_t = 0.0
            self._spot_move.setDuration(duration)
            self._spot_move.start()
        self.update()

    def _move_spot(self, value) -> None:
        self._spot_t = float(value)
        self.update()

    def _spot_shown(self) -> QRectF | None:
        """The map area lit now, on the way to `spot`."""
        if self.spot is None or self._spot_t >= 1.0 or self._spot_from is None:
            return self.spot
        return between(self._spot_from, self.spot, self._spot_t)

    def show_hint(self) -> None:
        """The keys, for HINT_SECONDS, then faded out."""
        self._hint.stop()
        self.hint_opacity = 1.0
        self.update()
        self._hint_shown.start()

    def _fade_hint(self, value) -> None:
        self.hint_opacity = float(value)
        self.update()

    # -- sizes follow the screen: read at the back of a room ------------------------------------

    def _unit(self) -> float:
        """A type size, from the screen's height: 22 pixels on a 1080-line projector."""
        return max(12.0, self.height() / 49)

    def _font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setFamilies([FAMILY, *font.families()])  # the map's own type
        font.setPixelSize(round(self._unit() * scale))
        font.setBold(bold)
        return font

    def _badge_rect(self) -> QRect:
        metrics = QFontMetrics(self._font(2.2, bold=True))
        size = QSize(metrics.horizontalAdvance("00:00") + round(self._unit() * 1.6), metrics.height()
                     + round(self._unit() * 0.6))
        margin = round(self._unit())
        return QRect(self.width() - size.width() - margin, margin, size.width(), size.height())

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.blank:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
            return
        self._paint_veil(painter)
        self._paint_caption(painter)
        if self.hint_opacity > 0:
            self._paint_hint(painter)
        if self.countdown.shown:
            self._paint_badge(painter)

    def _on_screen(self, area: QRectF) -> QRectF:
        return QRectF(self.view.mapFromScene(area).boundingRect())

    def _paint_veil(self, painter: QPainter) -> None:
        screen = QPainterPath()
        screen.addRect(QRectF(self.rect()))
        spot = self._spot_shown()
        if spot is not None:
            hole = QPainterPath()
            pad = self._unit() * 0.5
            hole.addRoundedRect(self._on_screen(spot).adjusted(-pad, -pad, pad, pad), pad * 1.5, pad * 1.5)
            painter.fillPath(screen.subtracted(hole), SPOTLIGHT)
        elif self.lit is not None and self.veil > 0:
            hole = QPainterPath()
            hole.addRect(self._on_screen(self.lit))
            color = QColor(VEIL)
            color.setAlphaF(VEIL.alphaF() * self.veil)
            painter.fillPath(screen.subtracted(hole), color)

    def _pill(self, painter: QPainter, rect: QRectF, color: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)

    def _paint_caption(self, painter: QPainter) -> None:
        """Bottom left: the step's name and "3 / 8", small, half-transparent."""
        if not self.caption and not self.position:
            return
        unit = self._unit()
        name_font, count_font = self._font(0.9, bold=True), self._font(0.9)
        count = f"   {self.position}" if self.position else ""
        count_width = QFontMetrics(count_font).horizontalAdvance(count)
        name = QFontMetrics(name_font).elidedText(self.caption, Qt.TextElideMode.ElideRight,
                                                  int(self.width() * 0.5))
        width = QFontMetrics(name_font).horizontalAdvance(name) + count_width + unit * 1.4
        height = QFontMetrics(name_font).height() + unit * 0.6
        rect = QRectF(unit, self.height() - unit - height, width, height)
        painter.setOpacity(0.85)
        self._pill(painter, rect, PILL)
        text = rect.adjusted(unit * 0.7, 0, -unit * 0.7, 0)
        painter.setFont(name_font)
        painter.setPen(PILL_TEXT)
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        painter.setFont(count_font)
        painter.setPen(PILL_MUTED)
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count)
        painter.setOpacity(1.0)

    def _paint_hint(self, painter: QPainter) -> None:
        """Bottom middle, for a few seconds: how to move, and how to leave."""
        text = tr("→ next   ← back   L lanes   T timer   Enter spotlight   Esc leave")
        font = self._font(0.85)
        metrics = QFontMetrics(font)
        unit = self._unit()
        width, height = metrics.horizontalAdvance(text) + unit * 1.6, metrics.height() + unit * 0.6
        rect = QRectF((self.width() - width) / 2, self.height() - unit * 3.6 - height, width, height)
        painter.setOpacity(self.hint_opacity * 0.9)
        self._pill(painter, rect, PILL)
        painter.setFont(font)
        painter.setPen(PILL_TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setOpacity(1.0)

    def _paint_badge(self, painter: QPainter) -> None:
        """Top right: mm:ss. Dark while counting (dimmer before the start), amber in the last minute,
        red when the time is up, blinking at first."""
        countdown = self.countdown
        rect = QRectF(self._badge_rect())
        left = countdown.remaining()
        if countdown.running and left <= 0:
            fill, ink = (QColor(RED).lighter(135) if countdown.flashing() else RED), PILL_TEXT
        elif countdown.running and left <= 60:
            fill, ink = AMBER, QColor("#1F1300")
        else:
            fill, ink = PILL, PILL_TEXT if countdown.running else PILL_MUTED
        self._pill(painter, rect, fill)
        painter.setFont(self._font(2.2, bold=True))
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, countdown.text())
