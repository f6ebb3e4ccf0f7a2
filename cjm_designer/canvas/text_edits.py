"""Typing on the canvas: a new card, a card's text, a stage's or lane's name, a link's label.

Each is an interaction from opening an inline editor over its place to finishing it, and its text
becomes one edit of the editor's (`commit`). Enter or a press elsewhere finishes, Escape cancels, Tab
finishes and goes on to a new card after it in the same cell (see inline_editor.py).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from ..editor.clipboard import split_typed
from ..model.document import ElementKind
from .current_cell import clear_of_pins
from .inline_editor import CANCEL, FINISH, NEXT, InlineEditor
from .insertion import insertion_rect
from .items import HeaderItem
from .texts import tr
from .tools import Interaction

if TYPE_CHECKING:
    from .scene import MapScene

UNDO_TITLE = 40  # characters of a new card's title shown in its undo step's name


def add_card_text(title: str) -> str:
    """The name of the undo step that adds a card, with its title (cut short) so that a history of
    typed cards tells them apart: Add card “Зашёл на сайт”."""
    if not title:
        return tr("Add card")
    shown = title if len(title) <= UNDO_TITLE else title[: UNDO_TITLE - 1] + "…"
    return tr("Add card “%1”").replace("%1", shown)


class InlineEdit(Interaction, ABC):
    """One inline editor on `rect`, starting with `text`; with `select_all` the first key typed
    replaces the text (renaming). Another gesture starting meanwhile finishes it, as a press elsewhere
    does: what was typed is kept."""

    select_all = False
    in_cell = False  # over a cell's cards: scrolled into view clear of the pinned headers

    def __init__(self, scene: MapScene, rect: QRectF, text: str):
        super().__init__(scene)
        self.rect, self.text = rect, text
        self.item = InlineEditor(rect, text, self._done, select_all=self.select_all)

    def start(self) -> None:
        super().start()
        self.scene.addItem(self.item)
        self.item.start()
        self.scene.visibleRequested.emit(clear_of_pins(self.scene.layout, self.rect) if self.in_cell else self.rect)

    def finish(self, outcome: str) -> None:
        """End with FINISH, CANCEL or NEXT, as the keys of the editor do."""
        self.item.finish(outcome)

    def cancel(self) -> None:
        self.finish(CANCEL)

    def interrupt(self) -> None:
        self.finish(FINISH)

    def end(self) -> None:
        if self.item.scene() is self.scene:
            self.scene.removeItem(self.item)
        super().end()

    def _done(self, outcome: str, typed: str) -> None:
        self.end()
        self.commit(outcome, typed)

    @abstractmethod
    def commit(self, outcome: str, typed: str) -> None:
        """Turn the text typed into an edit (none on CANCEL)."""

    def mouse_press(self, event) -> bool:
        """A press in the editor is the editor's; elsewhere it finishes the text and then does what
        it does without an editor open."""
        if self.scene.top_item(event.scenePos()) is self.item:
            return False
        self.finish(FINISH)
        return self.scene.tool.mouse_press(event)

    def key_press(self, event) -> bool:
        """Keys are the editor's, but Tab when the scene has no focus item (then it reaches the scene)."""
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return self.focus_next(event.key() == Qt.Key.Key_Tab)
        return False

    def focus_next(self, forward: bool) -> bool:
        self.finish(NEXT if forward else FINISH)
        return True


class NewCard(InlineEdit):
    """A card typed where it will go: at `index` of the cell (a place the editor gave, or where the
    pointer is; its end when None); finishing adds it and selects it, Tab opens the next one after it."""

    in_cell = True

    def __init__(self, scene: MapScene, stage_id: str, lane_id: str, index: int | None = None, text: str = ""):
        cards = scene.layout.cell_cards.get((stage_id, lane_id), [])
        self.cell = (stage_id, lane_id)
        self.index = scene.edits.place_after(self.cell, [])[2] if index is None else index
        before = cards[self.index] if self.index < len(cards) else None
        style = scene.style
        slot = insertion_rect(scene.layout, style, self.cell, before, set(), 0)
        top = slot.y() - (style.card_gap / 2 if before else 0)
        super().__init__(scene, QRectF(slot.x(), top, slot.width(), 40), text)

    def commit(self, outcome: str, typed: str) -> None:
        if outcome == CANCEL:
            return
        card_id = self.edits.add_card(*self.cell, self.index, typed, add_card_text(split_typed(typed)[0]))
        if card_id is not None:
            self.scene.select_cards([card_id])
            if outcome == NEXT:
                NewCard(self.scene, *self.edits.place_after(None, [card_id])).start()


class CardText(InlineEdit):
    """A card's title (the first line) and text, edited over the card."""

    in_cell = True

    def __init__(self, scene: MapScene, card_id: str):
        card = scene.session.doc.card(card_id)
        self.card_id = card_id
        box = scene.layout.cards[card_id].rect
        rect = QRectF(box.x, box.y, max(box.w, scene.style.card_width), box.h)
        super().__init__(scene, rect, card.title + (f"\n{card.text}" if card.text else ""))

    def commit(self, outcome: str, typed: str) -> None:
        if outcome == CANCEL:
            return
        scene = self.scene
        self.edits.set_card_text(self.card_id, typed, tr("Edit card"))
        scene.select_cards([self.card_id])
        if outcome == NEXT:
            NewCard(scene, *self.edits.place_after(None, [self.card_id])).start()


class Rename(InlineEdit):
    """A stage's or lane's name, typed over its header."""

    select_all = True

    def __init__(self, scene: MapScene, header: HeaderItem):
        self.kind = ElementKind.STAGE if header.is_stage() else ElementKind.LANE
        self.element_id = header.element_id
        rect = header.mapRectToScene(header.boundingRect())
        name = scene.session.doc.element(self.kind, self.element_id).name
        super().__init__(scene, QRectF(rect.x() + 4, rect.y() + 4, rect.width() - 8, 30), name)

    def commit(self, outcome: str, typed: str) -> None:
        if outcome != CANCEL:
            self.edits.rename(self.kind, self.element_id, typed,
                              tr("Rename stage") if self.kind == ElementKind.STAGE else tr("Rename lane"))


class LinkLabel(InlineEdit):
    """A link's label, typed where it is shown (or at the link's middle point)."""

    select_all = True

    def __init__(self, scene: MapScene, link_id: str):
        self.link_id = link_id
        path = scene.layout.links[link_id]
        if path.label_rect is not None:
            anchor = QPointF(path.label_rect.x, path.label_rect.y)
        else:
            middle = path.points[len(path.points) // 2]
            anchor = QPointF(middle.x - 60, middle.y - 12)
        super().__init__(scene, QRectF(anchor.x(), anchor.y(), 130, 24), scene.session.doc.link(link_id).label)

    def commit(self, outcome: str, typed: str) -> None:
        if outcome != CANCEL:
            self.edits.set_link_label(self.link_id, typed, tr("Edit link label"))
