"""The context menus of cards, cells, links and headers, with the same actions as the keyboard: each
entry calls one operation of the editor's or of the selection's (operations.py), or starts one gesture
(typing: text_edits.py)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QMenu

from ..model import LaneKind, LinkKind
from ..model.document import ElementKind
from ..model.vocab import LANE_KIND_LABELS, LINK_KIND_LABELS, label
from .items import CardItem, CellItem, HeaderItem, LinkItem
from .text_edits import CardText, LinkLabel, NewCard, Rename
from .texts import tr, ui_language
from .tools import Tool

_EMOTION_ORDER = (2, 1, 0, -1, -2)  # top to bottom, as the curve runs


class ContextMenus(Tool):
    """The scene's right-click, handed over by its select tool (`scene.context_menus`, made on first use),
    and the insertion of a stage or lane with its name open for typing, which Add stage and Add lane
    (actions.py) share with the headers' menus."""

    def context_menu(self, event) -> bool:
        menu = self.menu(self.scene.top_item(event.scenePos()), event.scenePos())
        if menu is None:
            return False
        menu.exec(event.screenPos())
        return True

    def menu(self, item: QGraphicsItem | None, pos: QPointF) -> QMenu | None:
        """The menu for `item` under the pointer at `pos` (it selects the item), or None where there is
        nothing to offer."""
        scene = self.scene
        menu = QMenu()
        if isinstance(item, CardItem):
            if not item.isSelected():
                scene.select_only([item])
            self._card_menu(menu, item)
        elif isinstance(item, LinkItem):
            scene.select_only([item])
            self._link_menu(menu, item)
        elif isinstance(item, HeaderItem):
            scene.select_only([item])
            self._header_menu(menu, item)
        elif isinstance(item, CellItem):
            scene.select_only([item])
            index = scene.layout.drop_index(item.stage_id, item.lane_id, pos.x(), pos.y())
            menu.addAction(tr("New card"), lambda: NewCard(scene, item.stage_id, item.lane_id, index).start())
            menu.addAction(tr("Paste"), scene.operations.paste)
        else:
            return None
        return menu

    def insert_stage(self, stage_id: str | None, before: bool = False) -> None:
        """A new stage next to `stage_id` (after the last without one), its name open for typing."""
        new_id = self.edits.add_stage_after(stage_id, tr("New stage"), tr("Add stage"), before=before)
        Rename(self.scene, self.scene.stage_items[new_id]).start()

    def insert_lane(self, lane_id: str | None, before: bool = False) -> None:
        """A new lane next to `lane_id` (after the last without one), its name open for typing."""
        new_id = self.edits.add_lane_after(lane_id, tr("New lane"), text=tr("Add lane"), before=before)
        Rename(self.scene, self.scene.lane_items[new_id]).start()

    def _card_menu(self, menu: QMenu, item: CardItem) -> None:
        scene, operations = self.scene, self.scene.operations
        card = scene.session.doc.card(item.card_id)
        ids = scene.selected_card_ids()
        if len(ids) == 1:
            menu.addAction(tr("Edit text"), lambda: CardText(scene, card.id).start())
        menu.addAction(tr("Duplicate"), operations.duplicate)
        menu.addAction(tr("Cut"), operations.cut)
        menu.addAction(tr("Copy"), operations.copy)
        menu.addAction(tr("Delete"), operations.delete)
        menu.addSeparator()
        emotions = menu.addMenu(tr("Emotion"))
        names = {-2: tr("Very negative"), -1: tr("Negative"), 0: tr("Neutral"), 1: tr("Positive"),
                 2: tr("Very positive")}
        for value in _EMOTION_ORDER:
            action = emotions.addAction(f"{value:+d}  {names[value]}" if value else f"0  {names[0]}")
            action.setCheckable(True)
            action.setChecked(card.emotion == value)
            action.triggered.connect(lambda _=False, v=value: operations.mark(ids, "emotion", v, tr("Set emotion")))
        clear = emotions.addAction(tr("Not set"))
        clear.triggered.connect(lambda: operations.mark(ids, "emotion", None, tr("Set emotion")))
        pain = menu.addAction(tr("Pain point"))
        pain.setCheckable(True)
        pain.setChecked(card.pain)
        pain.triggered.connect(lambda on: operations.mark(ids, "pain", on, tr("Mark pain point")))

    def _link_menu(self, menu: QMenu, item: LinkItem) -> None:
        scene = self.scene
        link = scene.session.doc.link(item.link_id)
        self._kind_menu(menu.addMenu(tr("Kind")), ElementKind.LINK, link, LinkKind, LINK_KIND_LABELS,
                        tr("Change link kind"))
        menu.addAction(tr("Edit label"), lambda: LinkLabel(scene, link.id).start())
        menu.addAction(tr("Delete"), scene.operations.delete)

    def _kind_menu(self, menu: QMenu, part: ElementKind, element, kinds, labels: dict, text: str) -> None:
        """One checkable entry a kind; picking one sets the element's `kind` in one undo step."""
        for kind in kinds:
            action = menu.addAction(label(labels, kind, ui_language()))
            action.setCheckable(True)
            action.setChecked(element.kind == kind)
            action.triggered.connect(
                lambda _=False, k=kind: self.edits.set_fields(part, {element.id: {"kind": k}}, text))

    def _header_menu(self, menu: QMenu, item: HeaderItem) -> None:
        scene = self.scene
        doc = scene.session.doc
        stage, element_id = item.is_stage(), item.element_id
        kind = ElementKind.STAGE if stage else ElementKind.LANE
        index = doc.index_of(kind, element_id)
        menu.addAction(tr("Rename"), lambda: Rename(scene, item).start())
        if stage:
            menu.addAction(tr("Insert stage before"), lambda: self.insert_stage(element_id, before=True))
            menu.addAction(tr("Insert stage after"), lambda: self.insert_stage(element_id))
        else:
            menu.addAction(tr("Insert lane above"), lambda: self.insert_lane(element_id, before=True))
            menu.addAction(tr("Insert lane below"), lambda: self.insert_lane(element_id))
            self._kind_menu(menu.addMenu(tr("Lane kind")), ElementKind.LANE, doc.lane(element_id), LaneKind,
                            LANE_KIND_LABELS, tr("Change lane kind"))
        back = menu.addAction(tr("Move left") if stage else tr("Move up"),
                              lambda: self.edits.move_part(kind, element_id, index - 1))
        back.setEnabled(index > 0)
        forward = menu.addAction(tr("Move right") if stage else tr("Move down"),
                                 lambda: self.edits.move_part(kind, element_id, index + 1))
        forward.setEnabled(index < len(doc.parts(kind)) - 1)
        menu.addSeparator()
        menu.addAction(tr("Delete stage") if stage else tr("Delete lane"), scene.operations.delete)
