"""Dragging the selected cards to a cell and a place in it.

The items follow the pointer for feedback only; the release is one move of the editor's, which
decides whether anything moves. Whatever it decides, the items go back to their boxes first: a drop
that changes nothing leaves them where the layout has them, with their opacity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from .insertion import insertion_rect
from .items import CardItem
from .tools import PointerDrag

if TYPE_CHECKING:
    from .scene import MapScene


class CardDrag(PointerDrag):
    """From a press on a card to the release. `items` are the selected cards in map order; a press
    and release without moving is a click, which selects `clicked` alone (a press on a card already
    selected keeps the selection for a drag until then)."""

    def __init__(self, scene: MapScene, items: list[CardItem], origin: QPointF, clicked: CardItem | None):
        super().__init__(scene, origin)
        self.items = items
        self.clicked = clicked
        self.origins = {item.card_id: item.pos() for item in items}
        self.target: tuple[str, str] | None = None  # the cell under the pointer
        self.before: str | None = None  # the card (not dragged) the drop goes before; None: the cell's end

    def activate(self) -> None:
        super().activate()
        for item in self.items:
            item.set_dragged(True)

    def drag_to(self, pos: QPointF) -> None:
        scene = self.scene
        delta = pos - self.origin
        for item in self.items:
            item.setPos(self.origins[item.card_id] + delta)
        cell, before = self._drop(pos)
        if cell != self.target:
            self._mark_cell(False)
            self.target = cell
            self._mark_cell(True)
        self.before = before
        if cell is None:
            scene.drop_marker.hide()
            return
        scene.drop_marker.setRect(insertion_rect(scene.layout, scene.style, cell, before, self._dragged(), 3))
        scene.drop_marker.show()

    def mouse_release(self, event) -> bool:
        self.end()
        if self.active and self.target is not None:
            self.edits.move_cards([item.card_id for item in self.items], *self.target, self.before)
        elif not self.active and self.clicked is not None:
            self.scene.select_only([self.clicked])
        return True

    def end(self) -> None:
        """The marker goes, and the items back onto their boxes (a move then places them anew)."""
        self.scene.drop_marker.hide()
        self._mark_cell(False)
        for item in self.items:
            item.set_dragged(False)
        super().end()

    def _dragged(self) -> set[str]:
        return {item.card_id for item in self.items}

    def _drop(self, pos: QPointF) -> tuple[tuple[str, str] | None, str | None]:
        """The cell under `pos` and the card (not dragged) the drop goes before."""
        layout = self.scene.layout
        cell = layout.cell_at(pos.x(), pos.y())
        if cell is None:
            return None, None
        dragged = self._dragged()
        index = layout.drop_index(*cell, pos.x(), pos.y(), ignore=dragged)
        rest = [c for c in layout.cell_cards.get(cell, []) if c not in dragged]
        return cell, (rest[index] if index < len(rest) else None)

    def _mark_cell(self, on: bool) -> None:
        cell = self.scene.cell_items.get(self.target) if self.target is not None else None
        if cell is not None:
            cell.set_drop_target(on)
