"""The scene's default tool: what a press, a double-click, a key or a right-click does when no gesture
is under way. It selects, and it starts the gestures: a card drag, a link from a card's handle, a
header drag, typing (see text_edits.py). The gestures' modules and the context menus load when first
used: the first frame needs none of them (with their Qt classes, about 2 ms of every start)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .items import CardItem, CellItem, HeaderItem
from .navigation import Move
from .tools import Tool

_MOVES = {Qt.Key.Key_Left: Move.LEFT, Qt.Key.Key_Right: Move.RIGHT, Qt.Key.Key_Up: Move.UP,
          Qt.Key.Key_Down: Move.DOWN, Qt.Key.Key_Home: Move.FIRST_STAGE, Qt.Key.Key_End: Move.LAST_STAGE}
_LANE_MOVES = {Qt.Key.Key_Up: Move.LANE_UP, Qt.Key.Key_Down: Move.LANE_DOWN}
_EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
_CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class SelectTool(Tool):
    """Installed for the scene's lifetime; it hears what the gesture under way does not take."""

    def mouse_press(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        from .header_drag import HeaderDrag

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
        """Ctrl+press toggles the card in the selection; a press on its handle starts a link, on an
        emotion point's dot a drag of its level, on the rest a drag of the selected cards (a press on
        an unselected card selects it alone first)."""
        from .card_drag import CardDrag
        from .emotion_drag import EmotionDrag
        from .link_connect import LinkConnect

        scene, pos = self.scene, event.scenePos()
        if item.handle_rect().contains(item.mapFromScene(pos)) and not item.box.compact:
            LinkConnect(scene, item.card_id, pos).start()
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            item.setSelected(not item.isSelected())
        elif item.on_dot(pos):
            EmotionDrag(scene, item, pos).start()
        else:
            clicked = item if item.isSelected() else None
            if clicked is None:
                scene.select_only([item])
            items = [scene.card_items[card_id] for card_id in scene.selected_card_ids()]
            CardDrag(scene, items, pos, clicked).start()

    def mouse_double_click(self, event) -> bool:
        """On a card: edit its text; on a header: rename; on a cell: a new card where the pointer is."""
        from .text_edits import CardText, NewCard, Rename

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
        return self.scene.context_menus.context_menu(event)

    def key_press(self, event) -> bool:
        """The canvas's keys (see navigation.py for where the arrows go): arrows, Home and End, and
        Ctrl+Up/Down move the current cell; typing a character starts a new card there, after the
        current card; Enter or F2 edits the current card (renames a selected stage or lane), Enter on
        an empty place or Insert anywhere starts a card; Delete deletes the selection; Escape clears
        it."""
        from .text_edits import CardText, NewCard, Rename

        scene = self.scene
        current = scene.current
        spot = current.spot  # None only on a map without cells
        key, text, modifiers = event.key(), event.text(), event.modifiers()
        chords = modifiers & _CHORDS
        headers = [i for i in scene.selectedItems() if isinstance(i, HeaderItem)]
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            scene.operations.delete()
        elif key in _EDIT_KEYS and len(headers) == 1:
            Rename(scene, headers[0]).start()
        elif key == Qt.Key.Key_Escape:
            scene.clearSelection()
        elif spot is None:
            return False
        elif key in _EDIT_KEYS and spot.card is not None:
            CardText(scene, spot.card).start()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert):
            NewCard(scene, *current.place()).start()
        elif key in _MOVES and not modifiers & ~Qt.KeyboardModifier.KeypadModifier:
            current.go(_MOVES[key])
        elif key in _LANE_MOVES and chords == Qt.KeyboardModifier.ControlModifier:
            current.go(_LANE_MOVES[key])
        elif not chords and text and text.isprintable() and not text.isspace():
            NewCard(scene, *current.place(), text=text).start()
        else:
            return False
        return True
