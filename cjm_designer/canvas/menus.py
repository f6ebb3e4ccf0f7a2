"""Context menus of cards, cells, links and headers, with the same actions as the keyboard: each
entry starts a text edit, runs an operation on the selection, or calls the editor."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from ..model import LaneKind, LinkKind
from ..model.document import ElementKind
from ..model.vocab import LANE_KIND_LABELS, LINK_KIND_LABELS, label
from .items import CardItem, CellItem, HeaderItem, LinkItem
from .text_edits import CardText, LinkLabel, NewCard, Rename
from .texts import tr, ui_language


def context_menu(scene, item, pos: QPointF) -> QMenu | None:
    """The menu for `item` under the pointer at `pos`, or None where there is nothing to offer."""
    menu = QMenu()
    if isinstance(item, CardItem):
        if not item.isSelected():
            scene.select_only([item])
        _card_menu(scene, menu, item)
    elif isinstance(item, LinkItem):
        scene.select_only([item])
        _link_menu(scene, menu, item)
    elif isinstance(item, HeaderItem):
        scene.select_only([item])
        _header_menu(scene, menu, item)
    elif isinstance(item, CellItem):
        scene.select_only([item])
        index = scene.layout.drop_index(item.stage_id, item.lane_id, pos.x(), pos.y())
        menu.addAction(tr("New card"), lambda: NewCard(scene, item.stage_id, item.lane_id, index).start())
        menu.addAction(tr("Paste"), scene.operations.paste)
    else:
        return None
    return menu


def _card_menu(scene, menu: QMenu, item: CardItem) -> None:
    session = scene.session
    card = session.doc.card(item.card_id)
    ids = scene.selected_card_ids()
    if len(ids) == 1:
        menu.addAction(tr("Edit text"), lambda: CardText(scene, card.id).start())
    operations = scene.operations
    menu.addAction(tr("Duplicate"), operations.duplicate)
    menu.addAction(tr("Cut"), operations.cut)
    menu.addAction(tr("Copy"), operations.copy)
    menu.addAction(tr("Delete"), operations.delete)
    menu.addSeparator()
    emotions = menu.addMenu(tr("Emotion"))
    names = {-2: tr("Very negative"), -1: tr("Negative"), 0: tr("Neutral"), 1: tr("Positive"), 2: tr("Very positive")}
    for value in (2, 1, 0, -1, -2):
        action = emotions.addAction(f"{value:+d}  {names[value]}" if value else f"0  {names[0]}")
        action.setCheckable(True)
        action.setChecked(card.emotion == value)
        action.triggered.connect(lambda _=False, v=value: _set_each(scene, ids, "emotion", v, tr("Set emotion")))
    clear = emotions.addAction(tr("Not set"))
    clear.triggered.connect(lambda: _set_each(scene, ids, "emotion", None, tr("Set emotion")))
    pain = menu.addAction(tr("Pain point"))
    pain.setCheckable(True)
    pain.setChecked(card.pain)
    pain.triggered.connect(lambda on: _set_each(scene, ids, "pain", on, tr("Mark pain point")))


def _set_each(scene, card_ids: list[str], field: str, value, text: str) -> None:
    """One field of several cards in one undo step."""
    scene.edits.set_fields(ElementKind.CARD, {card_id: {field: value} for card_id in card_ids}, text)


def _link_menu(scene, menu: QMenu, item: LinkItem) -> None:
    session = scene.session
    link = session.doc.link(item.link_id)
    _kind_menu(menu.addMenu(tr("Kind")), scene, ElementKind.LINK, link, LinkKind, LINK_KIND_LABELS,
               tr("Change link kind"))
    menu.addAction(tr("Edit label"), lambda: LinkLabel(scene, link.id).start())
    menu.addAction(tr("Delete"), scene.operations.delete)


def _kind_menu(menu: QMenu, scene, part: ElementKind, element, kinds, labels: dict, text: str) -> None:
    """One checkable entry a kind; picking one sets the element's `kind` in one undo step."""
    for kind in kinds:
        action = menu.addAction(label(labels, kind, ui_language()))
        action.setCheckable(True)
        action.setChecked(element.kind == kind)
        action.triggered.connect(lambda _=False, k=kind: scene.edits.set_fields(part, {element.id: {"kind": k}}, text))


def _header_menu(scene, menu: QMenu, item: HeaderItem) -> None:
    doc = scene.session.doc
    stage = item.is_stage()
    kind = ElementKind.STAGE if stage else ElementKind.LANE
    items = doc.parts(kind)
    index = doc.index_of(kind, item.element_id)
    menu.addAction(tr("Rename"), lambda: Rename(scene, item).start())
    if stage:
        menu.addAction(tr("Insert stage before"), lambda: add_part(scene, ElementKind.STAGE, index))
        menu.addAction(tr("Insert stage after"), lambda: add_part(scene, ElementKind.STAGE, index + 1))
    else:
        menu.addAction(tr("Insert lane above"), lambda: add_part(scene, ElementKind.LANE, index))
        menu.addAction(tr("Insert lane below"), lambda: add_part(scene, ElementKind.LANE, index + 1))
        _kind_menu(menu.addMenu(tr("Lane kind")), scene, ElementKind.LANE, doc.lane(item.element_id), LaneKind,
                   LANE_KIND_LABELS, tr("Change lane kind"))
    back = menu.addAction(tr("Move left") if stage else tr("Move up"),
                          lambda: scene.edits.move_part(kind, item.element_id, index - 1))
    back.setEnabled(index > 0)
    forward = menu.addAction(tr("Move right") if stage else tr("Move down"),
                             lambda: scene.edits.move_part(kind, item.element_id, index + 1))
    forward.setEnabled(index < len(items) - 1)
    menu.addSeparator()
    menu.addAction(tr("Delete stage") if stage else tr("Delete lane"), scene.operations.delete)


def add_part(scene, kind: ElementKind, index: int) -> None:
    """A new stage or lane at `index`, with its name open for typing."""
    if kind == ElementKind.STAGE:
        stage_id = scene.edits.add_stage(index, tr("New stage"), tr("Add stage"))
        Rename(scene, scene.stage_items[stage_id]).start()
    else:
        lane_id = scene.edits.add_lane(index, tr("New lane"), text=tr("Add lane"))
        Rename(scene, scene.lane_items[lane_id]).start()
