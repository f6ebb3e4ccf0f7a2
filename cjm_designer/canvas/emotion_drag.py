"""Dragging an emotion point up or down by its dot: the card's emotion, −2 … +2.

While it is dragged the dot stands at the level nearest the pointer, the lane's curve runs through it
and a tag beside it says the level; the release sets the card's emotion, one undo step of the editor's
(none when the level is the card's own), and Escape puts everything back. The levels are the layout's
(EmotionCurve.levels): the gesture only reads them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from ..layout import EmotionCurve, Rect, palette
from ..layout.drawing import EMOTION_EDGE, Box, Dot, Shape
from ..layout.geometry import Point, TextLine
from ..layout.text import TextStyle
from ..model.document import ElementKind
from . import painting as P
from .card_marks import signed
from .items import CardItem
from .texts import tr
from .tools import PointerDrag

if TYPE_CHECKING:
    from .scene import MapScene

TAG_TEXT = TextStyle(9, bold=True)
TAG_PAD, TAG_GAP = 3.0, 5.0  # the tag's padding around its text, and its distance from the dot
TAG_Z = 6  # above the dragged point


class LevelTag(QGraphicsItem):
    """The level a dragged emotion point would take: its dot in that level's colour and a tag beside
    it saying the level, white on the accent colour."""

    def __init__(self):
        super().__init__()
        self.shapes: tuple[Shape, ...] = ()
        self._bounds = QRectF()
        self.setZValue(TAG_Z)

    def show_level(self, level: int, center: QPointF, size: float) -> None:
        """The dot `size` wide at `center` in the colour of `level`, and the tag right of it."""
        text = signed(level)
        height = TAG_TEXT.size + 2 * TAG_PAD
        left, middle = center.x() + size / 2 + TAG_GAP, center.y()
        rect = Rect(left, middle - height / 2, TAG_TEXT.width(text) + 2 * TAG_PAD, height)
        baseline = middle + TAG_TEXT.size * 0.35  # the digits' middle on the plate's
        self.prepareGeometryChange()
        self.shapes = (Dot(Point(center.x(), middle), size / 2 - 0.5, palette.EMOTION_COLORS[level], EMOTION_EDGE),
                       Box(rect, P.ACCENT.name(), None, height / 2),
                       TextLine(text, rect.x + TAG_PAD, baseline, TAG_TEXT.size, True, "#FFFFFF"))
        shown = Rect(center.x() - size / 2, rect.y, rect.right - center.x() + size / 2, height)
        self._bounds = P.qrect(shown).adjusted(-1, -1, 1, 1)  # with the antialiased rims
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        P.draw_shapes(painter, self.shapes)


class EmotionDrag(PointerDrag):
    """From a press on the dot of the emotion point `item` (see CardItem.on_dot) to the release; the
    press selects the point alone."""

    scroll_axes = Qt.Orientation.Vertical

    def __init__(self, scene: MapScene, item: CardItem, origin: QPointF):
        super().__init__(scene, origin)
        self.item = item
        box = item.box
        marker = box.markers[0]
        self.dot = QPointF(box.rect.x + marker.rect.center.x, box.rect.y + marker.rect.center.y)  # its centre
        self.grip = origin.y() - self.dot.y()  # from the dot's centre to where the press took it
        self.curve_item = scene.curve_items[box.lane_id]
        self.curve = self.curve_item.curve_of(item.card_id)  # the map's own or a persona's
        self.level: int | None = None  # the level shown, once dragged
        self.tag = LevelTag()

    def start(self) -> None:
        super().start()
        self.scene.select_only([self.item])

    def activate(self) -> None:
        super().activate()
        self.item.set_dragged(True)
        self.scene.addItem(self.tag)

    def drag_to(self, pos: QPointF) -> None:
        levels = self.curve_item.curve.levels  # y of -2 … +2
        index = min(range(len(levels)), key=lambda i: abs(levels[i] - (pos.y() - self.grip)))
        if index - 2 == self.level:
            return
        self.level, y = index - 2, levels[index]
        rect = self.item.box.rect
        self.item.setPos(rect.x, rect.y + y - self.dot.y())
        self.curve_item.show_dragged(self._curve_through(y))
        self.tag.show_level(self.level, QPointF(self.dot.x(), y), self.item.box.markers[0].rect.w)

    def _curve_through(self, y: float) -> EmotionCurve:
        """The point's curve with this point at height `y`, on the curve now even if it had no emotion:
        the points in the order the layout joins them (stage by stage, each cell's cards in order)."""
        layout, card_id, curve = self.scene.layout, self.item.card_id, self.curve
        points = []
        for other in curve.card_ids:
            box = layout.cards[other]
            dot = box.markers[0]
            if other == card_id:
                points.append(Point(self.dot.x(), y))
            elif dot.value is not None:
                points.append(Point(box.rect.x + dot.rect.center.x, box.rect.y + dot.rect.center.y))
        return replace(curve, points=tuple(points))

    def mouse_release(self, event) -> bool:
        self.end()
        if self.level is not None:
            self.edits.set_fields(ElementKind.CARD, {self.item.card_id: {"emotion": self.level}}, tr("Set emotion"))
        return True

    def end(self) -> None:
        """The tag and the dragged curve go, and the point back onto its box (a new emotion then
        places it anew)."""
        self.item.set_dragged(False)
        self.curve_item.show_dragged(None)
        if self.tag.scene() is not None:
            self.scene.removeItem(self.tag)
        super().end()
