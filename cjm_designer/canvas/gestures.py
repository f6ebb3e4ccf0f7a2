"""Mouse and keyboard on the map scene, turned into the editor's operations.

A drag of cards moves their items for feedback only and becomes one move of the editor's on release;
dragging from a card's handle to another card links them; typing opens an inline editor whose text
becomes one edit when finished. The editor (`scene.edits`) decides ids, places and no-ops.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from ..model.document import ElementKind
from .inline_editor import CANCEL, FINISH, NEXT, InlineEditor
from .items import CardItem, CellItem, HeaderItem, LinkItem
from .menus import context_menu
from .texts import tr


@dataclass
class _Drag:
    items: list[CardItem]
    start: QPointF
    origins: dict[str, QPointF] = field(default_factory=dict)
    active: bool = False
    target: tuple[str, str] | None = None
    before: str | None = None


class Gestures:
    """Mixed into MapScene (which provides session, layout and the item tables)."""

    def __init__(self):
        self._drag: _Drag | None = None
        self._link_source: str | None = None
        self._reselect: CardItem | None = None
        self.editor: InlineEditor | None = None

    # -- mouse ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.top_item(event.scenePos())
        if self.editor is not None and item is self.editor:
            QGraphicsScene.mousePressEvent(self, event)
            return
        if event.button() == Qt.MouseButton.LeftButton and isinstance(item, HeaderItem):
            self.press_header(item, event.scenePos())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and isinstance(item, CardItem):
            if item.handle_rect().contains(item.mapFromScene(event.scenePos())) and not item.box.compact:
                self._link_source = item.card_id
                self.link_preview.setLine(QLineF(event.scenePos(), event.scenePos()))
                self.link_preview.show()
            else:
                self._press_card(item, event)
            event.accept()
            return
        QGraphicsScene.mousePressEvent(self, event)

    def _press_card(self, item: CardItem, event: QGraphicsSceneMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            item.setSelected(not item.isSelected())
            return
        if item.isSelected():
            self._reselect = item
        else:
            self.select_only([item])
        chosen = {i.card_id for i in self.selectedItems() if isinstance(i, CardItem)}
        items = [self.card_items[c.id] for c in self.session.doc.cards if c.id in chosen]
        self._drag = _Drag(items, event.scenePos(), {i.card_id: i.pos() for i in items})

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.header_drag_active():
            self.move_header(event.scenePos())
            return
        drag = self._drag
        if self._link_source is None and drag is None:
            QGraphicsScene.mouseMoveEvent(self, event)
            return
        if drag is not None and not drag.active:
            delta = event.scenePos() - drag.start
            if abs(delta.x()) + abs(delta.y()) < 4:
                return
            drag.active = True
            self._reselect = None
            for item in drag.items:
                item.set_dragged(True)
        self.drag_to(event.scenePos())

    def dragging(self) -> bool:
        return (self._drag is not None and self._drag.active) or self._link_source is not None

    def drag_to(self, pos: QPointF) -> None:
        """Follow the pointer during a drag of cards or of a new link."""
        if self._link_source is not None:
            source = self.layout.cards[self._link_source].rect
            self.link_preview.setLine(QLineF(QPointF(source.right, source.center.y), pos))
            return
        drag = self._drag
        if drag is None or not drag.active:
            return
        delta = pos - drag.start
        for item in drag.items:
            item.setPos(drag.origins[item.card_id] + delta)
        self._show_drop_target(pos, drag)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.header_drag_active():
            self.release_header()
            return
        if self._link_source is not None:
            source, self._link_source = self._link_source, None
            self.link_preview.hide()
            target = self.card_at(event.scenePos())
            if target is not None and target.card_id != source:
                self.connect_cards(source, target.card_id)
            return
        drag, self._drag = self._drag, None
        if drag is None:
            QGraphicsScene.mouseReleaseEvent(self, event)
            return
        if drag.active:
            self._finish_drag(drag)
        elif self._reselect is not None:
            self.select_only([self._reselect])
        self._reselect = None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.top_item(event.scenePos())
        pos = event.scenePos()
        if isinstance(item, CardItem):
            self.edit_card(item.card_id)
        elif isinstance(item, HeaderItem):
            self.rename(item)
        elif isinstance(item, CellItem):
            index = self.layout.drop_index(item.stage_id, item.lane_id, pos.x(), pos.y())
            self.new_card(item.stage_id, item.lane_id, index)
        else:
            QGraphicsScene.mouseDoubleClickEvent(self, event)

    def top_item(self, pos: QPointF):
        for item in self.items(pos):
            if item is self.editor or isinstance(item, (CardItem, LinkItem, HeaderItem, CellItem)):
                return item
        return None

    # -- dragging cards -------------------------------------------------------------------------

    def _drop(self, pos: QPointF, drag: _Drag) -> tuple[tuple[str, str] | None, str | None, int]:
        """The cell under `pos`, the card (not dragged) the drop goes before, and its index."""
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is None:
            return None, None, 0
        dragged = {i.card_id for i in drag.items}
        index = self.layout.drop_index(*cell, pos.x(), pos.y(), ignore=dragged)
        rest = [c for c in self.layout.cell_cards.get(cell, []) if c not in dragged]
        return cell, (rest[index] if index < len(rest) else None), index

    def _show_drop_target(self, pos: QPointF, drag: _Drag) -> None:
        cell, before, _ = self._drop(pos, drag)
        if cell != drag.target:
            if drag.target in self.cell_items:
                self.cell_items[drag.target].set_drop_target(False)
            if cell is not None:
                self.cell_items[cell].set_drop_target(True)
        drag.target, drag.before = cell, before
        if cell is None:
            self.drop_marker.hide()
            return
        self.drop_marker.setRect(self._insertion_rect(cell, before, {i.card_id for i in drag.items}, 3))
        self.drop_marker.show()

    def _insertion_rect(self, cell: tuple[str, str], before: str | None, ignore: set[str], height: float) -> QRectF:
        """Where a card put into `cell` before card `before` (None: at the end) would go."""
        style = self.style
        rect = self.layout.cells[cell]
        gap = style.card_gap
        if before is not None:
            card = self.layout.cards[before].rect
            return QRectF(card.x, card.y - gap / 2 - height / 2, card.w, height)
        rest = [self.layout.cards[c].rect for c in self.layout.cell_cards.get(cell, []) if c not in ignore]
        x = rect.x + style.cell_padding
        y = max((r.bottom for r in rest), default=rect.y + style.cell_padding - gap / 2) + gap / 2
        return QRectF(x, y - height / 2, style.card_width, height)

    def _finish_drag(self, drag: _Drag) -> None:
        self.drop_marker.hide()
        if drag.target in self.cell_items:
            self.cell_items[drag.target].set_drop_target(False)
        for item in drag.items:
            item.set_dragged(False)  # back on its box: a move then places it anew, a no-op leaves it
        if drag.target:
            self.edits.move_cards([item.card_id for item in drag.items], *drag.target, drag.before)

    # -- commands from gestures -----------------------------------------------------------------

    def connect_cards(self, source: str, target: str) -> None:
        link_id = self.edits.connect(source, target, tr("Connect cards"))
        if link_id is not None:
            self.clearSelection()
            self.link_items[link_id].setSelected(True)

    def new_card(self, stage_id: str, lane_id: str, index: int | None = None, text: str = "") -> None:
        """Open the editor where a new card goes in cell (stage, lane); finishing adds the card."""
        cards = self.layout.cell_cards.get((stage_id, lane_id), [])
        index = len(cards) if index is None else index
        before = cards[index] if index < len(cards) else None
        slot = self._insertion_rect((stage_id, lane_id), before, set(), 0)
        rect = QRectF(slot.x(), slot.y() - (self.style.card_gap / 2 if before else 0), self.style.card_width, 40)

        def done(outcome: str, typed: str) -> None:
            self._close_editor()
            card_id = self.edits.add_card(stage_id, lane_id, index, typed) if outcome != CANCEL else None
            if card_id is not None:
                self.select_cards([card_id])
                if outcome == NEXT:
                    self.new_card(stage_id, lane_id, index + 1)

        self._open_editor(rect, text, done)

    def edit_card(self, card_id: str) -> None:
        """Edit a card's title (first line) and text in place; one command when finished."""
        card = self.session.doc.card(card_id)
        box = self.layout.cards[card_id].rect
        initial = card.title + (f"\n{card.text}" if card.text else "")

        def done(outcome: str, typed: str) -> None:
            self._close_editor()
            if outcome == CANCEL:
                return
            self.edits.set_card_text(card_id, typed, tr("Edit card"))
            self.select_cards([card_id])
            if outcome == NEXT:
                cell = self.layout.cell_cards[(card.stage, card.lane)]
                self.new_card(card.stage, card.lane, cell.index(card_id) + 1)

        self._open_editor(QRectF(box.x, box.y, max(box.w, self.style.card_width), box.h), initial, done)

    def rename(self, header: HeaderItem) -> None:
        kind = ElementKind.STAGE if header.is_stage() else ElementKind.LANE
        element = self.session.doc.element(kind, header.element_id)
        rect = header.mapRectToScene(header.boundingRect())

        def done(outcome: str, typed: str) -> None:
            self._close_editor()
            name = " ".join(typed.split())[:200]
            if outcome != CANCEL and name:
                self.edits.set_fields(kind, {element.id: {"name": name}},
                                      tr("Rename stage") if kind == ElementKind.STAGE else tr("Rename lane"))

        self._open_editor(QRectF(rect.x() + 4, rect.y() + 4, rect.width() - 8, 30), element.name, done,
                          select_all=True)

    def edit_link_label(self, link_id: str) -> None:
        link = self.session.doc.link(link_id)
        path = self.layout.links[link_id]
        if path.label_rect is not None:
            r = path.label_rect
            anchor = QPointF(r.x, r.y)
        else:
            middle = path.points[len(path.points) // 2]
            anchor = QPointF(middle.x - 60, middle.y - 12)

        def done(outcome: str, typed: str) -> None:
            self._close_editor()
            text = " ".join(typed.split())[:200]
            if outcome != CANCEL:
                self.edits.set_fields(ElementKind.LINK, {link_id: {"label": text}}, tr("Edit link label"))

        self._open_editor(QRectF(anchor.x(), anchor.y(), 130, 24), link.label, done, select_all=True)

    def contextMenuEvent(self, event) -> None:
        menu = context_menu(self, self.top_item(event.scenePos()), event.scenePos())
        if menu is not None:
            menu.exec(event.screenPos())

    def _open_editor(self, rect: QRectF, text: str, done, select_all: bool = False) -> None:
        self._close_editor()
        self.editor = InlineEditor(rect, text, done, select_all=select_all)
        self.addItem(self.editor)
        self.editor.start()
        self.visibleRequested.emit(rect)

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None and editor.scene() is self:
            self.removeItem(editor)

    # -- keyboard -------------------------------------------------------------------------------

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab reaches the scene, not its focus item: in the editor it finishes and goes on."""
        if self.editor is not None:
            self.editor.finish(NEXT if forward else FINISH)
            return True
        return QGraphicsScene.focusNextPrevChild(self, forward)

    def keyPressEvent(self, event) -> None:
        if self.editor is not None:
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):  # when the scene has no focus item
                self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            else:
                QGraphicsScene.keyPressEvent(self, event)
            return
        key, text = event.key(), event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        cards, cell = self.selected_card_ids(), self.selected_cell()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and len(cards) == 1:
            self.edit_card(cards[0])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert) and cell is not None:
            self.new_card(*cell)
        elif key in _DIRECTIONS and plain:
            self.navigate(*_DIRECTIONS[key])
        elif key == Qt.Key.Key_Escape:
            self.clearSelection()
        elif cell is not None and plain and text and text.isprintable() and not text.isspace():
            self.new_card(*cell, text=text)
        else:
            event.ignore()
            return
        event.accept()

    def navigate(self, dx: int, dy: int) -> None:
        """Select the nearest card in a direction from the selected card (or the first card)."""
        cards = self.selected_card_ids()
        boxes = self.layout.cards
        if not cards:
            if boxes:
                self.select_cards([next(iter(boxes))])
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
            self.select_cards([best])
            r = boxes[best].rect
            self.visibleRequested.emit(QRectF(r.x, r.y, r.w, r.h))


_DIRECTIONS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
