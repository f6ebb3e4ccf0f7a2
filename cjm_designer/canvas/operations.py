"""Edit operations on the selection: delete, duplicate, cut, copy, paste, select all.

Each is one undo command, whatever the number of cards it touches.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from ..editor import AddCards, RemoveElements, RemovePart
from ..editor.clipboard import MIME_TYPE, cards_from_json, cards_from_text, copy_payload
from ..model.document import fresh_id
from .items import HeaderItem
from .texts import tr


class Operations:
    """Mixed into MapScene."""

    def delete_selection(self) -> None:
        cards, links = self.selected_card_ids(), self.selected_link_ids()
        if cards or links:
            self.session.push(RemoveElements(self.session, cards, links))
            return
        headers = [i for i in self.selectedItems() if isinstance(i, HeaderItem)]
        if len(headers) == 1:
            header = headers[0]
            kind = "stage" if header.is_stage() else "lane"
            self.session.push(RemovePart(self.session, kind, header.element_id,
                                         text=tr("Delete stage") if kind == "stage" else tr("Delete lane")))

    def duplicate_selection(self) -> None:
        """Copies of the selected cards (and of the links among them), each right after its original."""
        ids = self.selected_card_ids()
        if not ids:
            return
        doc = self.session.doc
        taken = doc.ids()
        copies: dict[str, tuple] = {}
        for card_id in ids:  # in map order, so earlier copies in a cell shift the later ones by one each
            card = doc.card(card_id)
            cell = [c.id for c in doc.cards_in(card.stage, card.lane)]
            earlier = sum(1 for c, _ in copies.values() if (c.stage, c.lane) == (card.stage, card.lane))
            copy = card.model_copy(update={"id": fresh_id("card", taken)}, deep=True)
            copies[card_id] = (copy, cell.index(card_id) + 1 + earlier)
        links = [link.model_copy(update={"id": fresh_id("link", taken), "source": copies[link.source][0].id,
                                         "target": copies[link.target][0].id})
                 for link in doc.links if link.source in copies and link.target in copies]
        self.session.push(AddCards(self.session, list(copies.values()), links, text=tr("Duplicate")))
        self.select_cards([c.id for c, _ in copies.values()])

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
            self.session.push(RemoveElements(self.session, self.selected_card_ids(), text=tr("Cut")))

    def paste(self) -> None:
        """Paste cards (or lines of text as cards) at the end of the selected cell, or after the
        last selected card."""
        target = self._paste_target()
        if target is None:
            return
        stage_id, lane_id, index = target
        mime = QApplication.clipboard().mimeData()
        doc = self.session.doc
        cards, links = [], []
        if mime is not None and mime.hasFormat(MIME_TYPE):
            cards, links = cards_from_json(doc, bytes(mime.data(MIME_TYPE)), stage_id, lane_id)
        if not cards and mime is not None and mime.hasText():
            cards = cards_from_text(doc, mime.text(), stage_id, lane_id)
        if not cards:
            return
        self.session.push(AddCards(self.session, [(c, index + i) for i, c in enumerate(cards)], links,
                                   text=tr("Paste")))
        self.select_cards([c.id for c in cards])

    def _paste_target(self) -> tuple[str, str, int] | None:
        cell = self.selected_cell()
        doc = self.session.doc
        if cell is not None:
            return *cell, len(doc.cards_in(*cell))
        ids = self.selected_card_ids()
        if not ids:
            return None
        last = doc.card(ids[-1])
        return last.stage, last.lane, [c.id for c in doc.cards_in(last.stage, last.lane)].index(last.id) + 1

    def select_all(self) -> None:
        self.select_cards(self.layout.cards)
