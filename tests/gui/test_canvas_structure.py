"""Stages, lanes and links on the canvas: reorder and resize by dragging headers, menus, shortcuts."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction

from cjm_designer.canvas.actions import CanvasActions
from cjm_designer.editor import AddPart
from cjm_designer.model import LaneKind, Link, LinkKind


def header_point(canvas, kind, element_id, dx=0.5, dy=0.5):
    box = (canvas.scene.layout.stages if kind == "stage" else canvas.scene.layout.lanes)[element_id].header
    return canvas.at(box.x + box.w * dx, box.y + box.h * dy)


def test_drag_a_stage_header_to_reorder(canvas):
    target = canvas.scene.layout.stages["s2"].header
    canvas.drag(header_point(canvas, "stage", "s0"), canvas.at(target.right - 2, target.center.y))
    assert [s.id for s in canvas.doc.stages] == ["s1", "s2", "s0"]
    canvas.session.undo_stack.undo()
    assert [s.id for s in canvas.doc.stages] == ["s0", "s1", "s2"]


def test_drag_a_lane_header_to_reorder(canvas):
    top = canvas.scene.layout.lanes["buyer"].header
    canvas.drag(header_point(canvas, "lane", "mood"), canvas.at(top.center.x, top.y + 2))
    assert [lane.id for lane in canvas.doc.lanes] == ["mood", "buyer", "seller"]


def test_drag_header_edges_to_resize(canvas):
    stage = canvas.scene.layout.stages["s1"].header
    start = canvas.at(stage.right - 2, stage.center.y)
    canvas.drag(start, start + canvas.at(150, 0) - canvas.at(0, 0))
    assert canvas.doc.stage("s1").width == round(canvas.scene.layout.stages["s1"].column.w)
    assert canvas.scene.layout.stages["s1"].column.w > stage.w + 100
    lane = canvas.scene.layout.lanes["seller"].header
    start = canvas.at(lane.center.x, lane.bottom - 2)
    canvas.drag(start, start + canvas.at(0, 80) - canvas.at(0, 0))
    assert canvas.scene.layout.lanes["seller"].row.h >= lane.h + 70
    assert canvas.session.undo_stack.count() == 2
    canvas.session.undo_stack.undo()
    canvas.session.undo_stack.undo()
    assert canvas.doc.stage("s1").width is None and canvas.doc.lane("seller").height is None


def trigger(scene, item, text, pos=QPointF()):
    menu = scene.context_menus.menu(item, pos)  # kept alive until the action has run
    menu_action(menu, text).trigger()


def menu_action(menu, text) -> QAction:
    for action in menu.actions():
        if action.text() == text:
            return action
        if action.menu():
            found = menu_action(action.menu(), text)
            if found:
                return found
    return None


def test_header_menus_add_rename_move_and_change_kind(canvas):
    scene = canvas.scene
    menu = scene.context_menus.menu(scene.stage_items["s1"], QPointF())
    menu_action(menu, "Insert stage after").trigger()
    assert len(canvas.doc.stages) == 4 and canvas.doc.stages[2].name == "New stage"
    assert scene.editor is not None  # the new stage's name is open for typing
    canvas.keys("Покупка")
    canvas.key(Qt.Key.Key_Return)
    assert canvas.doc.stages[2].name == "Покупка"
    menu = scene.context_menus.menu(scene.lane_items["seller"], QPointF())
    menu_action(menu, "Pain points").trigger()
    assert canvas.doc.lane("seller").kind == LaneKind.PAIN_POINTS
    menu = scene.context_menus.menu(scene.lane_items["buyer"], QPointF())
    assert not menu_action(menu, "Move up").isEnabled()
    menu_action(menu, "Move down").trigger()
    assert [lane.id for lane in canvas.doc.lanes] == ["seller", "buyer", "mood"]
    menu = scene.context_menus.menu(scene.lane_items["mood"], QPointF())
    menu_action(menu, "Delete lane").trigger()
    assert [lane.id for lane in canvas.doc.lanes] == ["seller", "buyer"]
    assert canvas.session.undo_stack.count() == 5


def test_card_and_link_menus(canvas):
    scene = canvas.scene
    canvas.click(canvas.card_center("a"))
    canvas.click(canvas.card_center("c"), Qt.KeyboardModifier.ControlModifier)
    menu = scene.context_menus.menu(scene.card_items["a"], QPointF())
    menu_action(menu, "+2  Very positive").trigger()
    assert canvas.doc.card("a").emotion == 2 and canvas.doc.card("c").emotion == 2
    assert canvas.session.undo_stack.count() == 1  # several cards, one step
    trigger(scene, scene.card_items["a"], "Pain point", QPointF())
    assert canvas.doc.card("a").pain and canvas.doc.card("c").pain
    canvas.session.push(AddPart(canvas.session, Link(id="k", source="a", target="d")))
    menu = scene.context_menus.menu(scene.link_items["k"], QPointF())
    menu_action(menu, "Call").trigger()
    assert canvas.doc.link("k").kind == LinkKind.CALL
    trigger(scene, scene.link_items["k"], "Edit label", QPointF())
    canvas.keys("Перезвонить")
    canvas.key(Qt.Key.Key_Return)
    assert canvas.doc.link("k").label == "Перезвонить"
    assert scene.layout.links["k"].label_rect is not None
    trigger(scene, scene.link_items["k"], "Delete", QPointF())
    assert canvas.doc.links == []


def test_cell_menu_starts_a_card(canvas):
    scene = canvas.scene
    cell = scene.cell_items[("s2", "seller")]
    trigger(scene, cell, "New card", QPointF(0, 0))
    canvas.keys("Счёт")
    canvas.key(Qt.Key.Key_Return)
    assert canvas.cell_titles("s2", "seller") == ["Счёт"]


def test_shortcuts_undo_redo_duplicate_select_all_and_zoom(canvas):
    CanvasActions(canvas.view)
    canvas.click(canvas.card_center("d"))
    canvas.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert canvas.cell_titles("s1", "seller") == ["Звонит", "Звонит"]
    canvas.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.cell_titles("s1", "seller") == ["Звонит"]
    canvas.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert canvas.cell_titles("s1", "seller") == ["Звонит", "Звонит"]
    canvas.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.scene.selected_card_ids()) == len(canvas.doc.cards)
    canvas.key(Qt.Key.Key_Delete)
    assert canvas.doc.cards == []
    canvas.key(Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert canvas.view.zoom() > 1
    canvas.key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert canvas.view.zoom() == 1


def test_typing_in_the_editor_is_not_taken_by_shortcuts(canvas):
    CanvasActions(canvas.view)
    canvas.double_click(canvas.card_center("a"))
    canvas.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # selects the editor's text
    canvas.key(Qt.Key.Key_Delete)  # deletes it, not the card
    canvas.keys("Першит в горле")
    canvas.key(Qt.Key.Key_Return)
    assert canvas.doc.card("a").title == "Першит в горле"
    assert len(canvas.doc.cards) == 4
