"""Edit operations on the selection: delete, duplicate, cut, copy, paste, select all.

Each is one undo command, whatever the number of cards it touches.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from ..editor.clipboard import MIME_TYPE, copy_payload
from ..model.document import ElementKind
from .items import HeaderItem
from .texts import tr


class Operations:
    """Mixed into MapScene: the selection and the clipboard turned into the editor's operations."""

    def delete_selection(self) -> None:
        if self.edits.delete(self.selected_card_ids(), self.selected_link_ids()):
            return
        headers = [i for i in self.selectedItems() if isinstance(i, HeaderItem)]
        if len(headers) == 1:
            header = headers[0]
            if header.is_stage():
                self.edits.remove_part(ElementKind.STAGE, header.element_id, tr("Delete stage"))
            else:
                self.edits.remove_part(ElementKind.LANE, header.element_id, tr("Delete lane"))

    def duplicate_selection(self) -> None:
        """Copies of the selected cards (and of the links among them), each right after its original."""
        copies = self.edits.duplicate(self.selected_card_ids(), tr("Duplicate"))
        if copies:
            self.select_cards(copies)

    def copy_selection(self) -> bool:
        ids = self.selected_card_ids()
        if not ids:
            return False
        raw, text = copy_payload(self.session.doc, ids)
        mime = QMimeData()
        mime.setData(MIME_TYPE, raw)
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)
        return True

    def cut_selection(self) -> None:
        if self.copy_selection():
            self.edits.delete(self.selected_card_ids(), text=tr("Cut"))

    def paste(self) -> None:
        """Paste cards (or lines of text as cards) at the end of the selected cell, or after the
        last selected card."""
        place = self.edits.place_after(self.selected_cell(), self.selected_card_ids())
        mime = QApplication.clipboard().mimeData()
        if place is None or mime is None:
            return
        payload = bytes(mime.data(MIME_TYPE)) if mime.hasFormat(MIME_TYPE) else None
        pasted = self.edits.paste(place, payload, mime.text() if mime.hasText() else None, tr("Paste"))
        if pasted:
            self.select_cards(pasted)

    def select_all(self) -> None:
        self.select_cards(self.layout.cards)
