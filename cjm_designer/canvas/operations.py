"""The operations on the scene's selection: the Edit menu's (delete, duplicate, cut, copy, paste, select
all) and the keys that mark cards (card_marks.py lists them).

Each is one call of the editor's, one undo step whatever the number of cards it touches; what it
makes is selected.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from ..editor.clipboard import MIME_TYPE, copy_payload
from ..model.document import ElementKind
from .items import HeaderItem
from .texts import tr

if TYPE_CHECKING:
    from .scene import MapScene


class SelectionOperations:
    """The scene's selection and the clipboard turned into the editor's operations (`scene.operations`);
    the mark keys act on the selected cards, else on the current card."""

    def __init__(self, scene: MapScene):
        self._scene = weakref.ref(scene)  # held by the scene, it does not hold it (see tools.Tool.scene)
        self.edits = scene.edits

    @property
    def scene(self) -> MapScene:
        return self._scene()

    def delete(self) -> None:
        """The selected cards and links; else the one selected stage or lane, with its cards."""
        scene = self.scene
        if self.edits.delete(scene.selected_card_ids(), scene.selected_link_ids()):
            return
        headers = [i for i in scene.selectedItems() if isinstance(i, HeaderItem)]
        if len(headers) == 1:
            header = headers[0]
            if header.is_stage():
                self.edits.remove_part(ElementKind.STAGE, header.element_id, tr("Delete stage"))
            else:
                self.edits.remove_part(ElementKind.LANE, header.element_id, tr("Delete lane"))

    def duplicate(self) -> None:
        """Copies of the selected cards (and of the links among them), each right after its original."""
        copies = self.edits.duplicate(self.scene.selected_card_ids(), tr("Duplicate"))
        if copies:
            self.scene.select_cards(copies)

    def copy(self) -> bool:
        """The selected cards onto the clipboard, as cards and as lines of text; False when none is."""
        ids = self.scene.selected_card_ids()
        if not ids:
            return False
        raw, text = copy_payload(self.scene.session.doc, ids)
        mime = QMimeData()
        mime.setData(MIME_TYPE, raw)
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        if self.copy():
            self.edits.delete(self.scene.selected_card_ids(), text=tr("Cut"))

    def paste(self) -> None:
        """Cards (or lines of text as cards) at the end of the selected cell, or after the last
        selected card; with nothing selected, where a typed card would go (the current place)."""
        scene = self.scene
        place = self.edits.place_after(scene.selected_cell(), scene.selected_card_ids()) or scene.current.place()
        mime = QApplication.clipboard().mimeData()
        if place is None or mime is None:
            return
        payload = bytes(mime.data(MIME_TYPE)) if mime.hasFormat(MIME_TYPE) else None
        pasted = self.edits.paste(place, payload, mime.text() if mime.hasText() else None, tr("Paste"))
        if pasted:
            scene.select_cards(pasted)

    def select_all(self) -> None:
        self.scene.select_cards(self.scene.layout.cards)

    def marked_cards(self) -> list[str]:
        """The cards a mark key sets: the selected ones, else the current card."""
        scene = self.scene
        selected = scene.selected_card_ids()
        if selected:
            return selected
        card = scene.current.card
        return [card] if card is not None else []

    def set_emotion(self, value: int | None) -> None:
        self.mark(self.marked_cards(), "emotion", value, tr("Set emotion"))

    def set_quality(self, value: int | None) -> None:
        self.mark(self.marked_cards(), "quality", value, tr("Set contact quality"))

    def toggle_pain(self) -> None:
        """Every marked card a pain point, or none when each is one already."""
        ids, doc = self.marked_cards(), self.scene.session.doc
        self.mark(ids, "pain", not all(doc.card(card_id).pain for card_id in ids), tr("Mark pain point"))

    def mark(self, card_ids: list[str], field: str, value, text: str) -> None:
        """One field of the cards `card_ids` set to `value`, in one undo step named `text` (the mark keys,
        and the cards' context menu)."""
        if card_ids:
            self.edits.set_fields(ElementKind.CARD, {card_id: {field: value} for card_id in card_ids}, text)
