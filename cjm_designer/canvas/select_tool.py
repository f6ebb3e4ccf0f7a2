"""The scene's default tool: what a press, a double-click, a key or a right-click does when no gesture
is under way. It selects, and it starts the gestures: a card drag, a link from a card's handle, a
header drag, typing (see text_edits.py)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from .card_drag import CardDrag
from .header_drag import HeaderDrag
from .items import CardItem, CellItem, HeaderItem
from .link_connect import LinkConnect
from .menus import context_menu
from .text_edits import CardText, NewCard, Rename
from .tools import Tool

_DIRECTIONS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
_CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class SelectTool(Tool):
    """Installed for the scene's lifetime; it hears what the gesture under way does not take."""

    def mouse_press(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        scene, pos = self.scene, event.scenePos()
        item = scene.top_item(pos)
        if isinstance(item, HeaderItem):
            HeaderDrag(scene, item, pos).start()
        elif isinstance(item, CardItem):
            self._press_card(item, event)
        else:
            return False
        return True

    def _press_card(self, item: CardItem, event) -> None:
        """Ctrl+press toggles the card in the selection; a press on its handle starts a link, on the
        rest a drag of the selected cards (a press on an unselected card selects it alone first)."""
        scene, pos = self.scene, event.scenePos()
        if item.handle_rect().contains(item.mapFromScene(pos)) and not item.box.compact:
            LinkConnect(scene, item.card_id, pos).start()
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            item.setSelected(not item.isSelected())
        else:
            clicked = item if item.isSelected() else None
            if clicked is None:
                scene.select_only([item])
            items = [scene.card_items[card_id] for card_id in scene.selected_card_ids()]
            CardDrag(scene, items, pos, clicked).start()

    def mouse_double_click(self, event) -> bool:
        """On a card: edit its text; on a header: rename; on a cell: a new card where the pointer is."""
        scene, pos = self.scene, event.scenePos()
        item = scene.top_item(pos)
        if isinstance(item, CardItem):
            CardText(scene, item.card_id).start()
        elif isinstance(item, HeaderItem):
            Rename(scene, item).start()
        elif isinstance(item, CellItem):
            index = scene.layout.drop_index(item.stage_id, item.lane_id, pos.x(), pos.y())
            NewCard(scene, item.stage_id, item.lane_id, index).start()
        else:
            return False
        return True

    def context_menu(self, event) -> bool:
        menu = context_menu(self.scene, self.scene.top_item(event.scenePos()), event.scenePos())
        if menu is None:
            return False
        menu.exec(event.screenPos())
        return True

    def key_press(self, event) -> bool:
        """Delete deletes the selection; Enter or F2 edits the selected card; Enter or Insert starts a
        card in the selected cell, and so does typing a character; arrows move the selection; Escape
        clears it."""
        scene = self.scene
        key, text = event.key(), event.text()
        plain = not event.modifiers() & _CHORDS
        cards, cell = scene.selected_card_ids(), scene.selected_cell()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            scene.operations.delete()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and len(cards) == 1:
            CardText(scene, cards[0]).start()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert) and cell is not None:
            NewCard(scene, *cell).start()
        elif key in _DIRECTIONS and plain:
            self.navigate(*_DIRECTIONS[key])
        elif key == Qt.Key.Key_Escape:
            scene.clearSelection()
        elif cell is not None and plain and text and text.isprintable() and not text.isspace():
            NewCard(scene, *cell, text=text).start()
        else:
            return False
        return True

    def navigate(self, dx: int, dy: int) -> None:
        """Select the nearest card in a direction from the selected card (or the first card)."""
        scene = self.scene
        cards = scene.selected_card_ids()
        boxes = scene.layout.cards
        if not cards:
            if boxes:
                scene.select_cards([next(iter(boxes))])
            return
        here = boxes[cards[-1]].rect.center
        best, best_score = None, None
        for card_id, box in boxes.items():
            c = box.rect.center
            along = (c.x - here.x) * dx + (c.y - here.y) * dy
            if card_id == cards[-1] or along <= 1:
                continue
            across = abs((c.x - here.x) * dy) + abs((c.y - here.y) * dx)
            score = along + 2 * across
            if best_score is None or score < best_score:
                best, best_score = card_id, score
        if best is not None:
            scene.select_cards([best])
            r = boxes[best].rect
            scene.visibleRequested.emit(QRectF(r.x, r.y, r.w, r.h))
