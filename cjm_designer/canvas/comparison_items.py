"""A comparison of two maps on the canvas (layout/comparison.py): a scene that shows the comparison's
layout, its marks drawn over the map as items, and that lets cards be selected and looked at but
changes nothing. Its session holds a copy of the later map with the removed cards put back; the maps
compared are never touched."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from ..bulk import collector_paused
from ..editor import DocumentSession
from ..layout.comparison import Comparison, Mark
from ..model.plain import visible_bidi
from . import painting as P
from .items import CardItem
from .scene import MapScene
from .tools import Tool

MARK_Z = 4.5  # over cards, links and link labels, as the PDF draws the marks last


class MarkItem(QGraphicsItem):
    """One mark's shapes; resting the pointer on it tells what changed there (plain text)."""

    def __init__(self, mark: Mark):
        super().__init__()
        self.mark = mark
        area = mark.area
        self._bounds = QRectF(area.x - 4, area.y - 4, area.w + 8, area.h + 8)
        self.setZValue(MARK_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if mark.tip:
            self.setToolTip(_plain_tip(mark.tip))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        P.draw_shapes(painter, self.mark.shapes)


class ComparisonScene(MapScene):
    """Shows `comparison.layout` and its marks; a click selects a card, and nothing edits."""

    def __init__(self, comparison: Comparison, parent=None):
        self.comparison = comparison  # read by `sync`, which the scene's construction calls
        self.on_headers: dict[str, tuple] = {}
        for mark in comparison.marks:
            if mark.header:
                self.on_headers[mark.header] = self.on_headers.get(mark.header, ()) + mark.shapes
        super().__init__(DocumentSession(comparison.doc), comparison.style, parent)
        self.tool = LookTool(self)
        self.mark_items = [MarkItem(mark) for mark in comparison.marks]
        for item in self.mark_items:
            self.addItem(item)

    def sync(self) -> None:
        """The comparison's own layout (its later curves without the removed points), never one made
        from the session's map."""
        with collector_paused():
            self._sync(self.comparison.layout)

    def realize_cards(self, card_ids) -> None:
        """Cards as usual, without the hover handle that starts a link."""
        made = [card_id for card_id in card_ids if card_id not in self.card_items]
        super().realize_cards(made)
        for card_id in made:
            self.card_items[card_id].setAcceptHoverEvents(False)

    def header_marks(self) -> dict[str, tuple]:
        """The stage notes and the outlines of headers added or changed, which the view draws on the headers
        it pins as well, so that a stage's change stays in sight while its cards are scrolled to."""
        return self.on_headers

    def card_tip(self, card_id: str) -> str:
        """What a pointer resting on the card is told: its marks' tips."""
        return "\n".join(mark.tip for mark in self.comparison.marks if mark.card_id == card_id and mark.tip)


class LookTool(Tool):
    """Selects the card under a click (the window shows its changes) and takes every other gesture,
    so that no drag, typing, menu or key changes the map shown."""

    def mouse_press(self, event) -> bool:
        if event.button() == Qt.MouseButton.LeftButton:
            item = next((i for i in self.scene.items(event.scenePos()) if isinstance(i, CardItem)), None)
            self.scene.select_only([item] if item is not None else [])
        return True

    def mouse_move(self, event) -> bool:
        return True

    def mouse_release(self, event) -> bool:
        return True

    def mouse_double_click(self, event) -> bool:
        return True

    def key_press(self, event) -> bool:
        return True

    def context_menu(self, event) -> bool:
        return True


def _plain_tip(text: str) -> str:
    """The tip as written: escaped and wrapped as rich text, so that Qt's guess can only find our
    markup (as ui/messages.plain_tooltip does for the window's tips)."""
    import html

    return "<p style='white-space:pre'>" + html.escape(visible_bidi(text), quote=False).replace("\n", "<br>") + "</p>"
