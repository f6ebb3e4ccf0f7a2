"""The scene's context menus object: a right-click reaches it through the select tool, and it inserts a
stage or lane where the editor says (next to the header, or after the last for Add stage and Add lane),
its name open for typing."""

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from cjm_designer.canvas.actions import CanvasActions
from tests.gui.test_canvas_structure import menu_action


def test_a_right_click_on_a_card_opens_its_menu_through_the_select_tool(canvas):
    shown = []

    def close_menu():
        menu = QApplication.activePopupWidget()
        shown.append([action.text() for action in menu.actions()])
        menu.close()

    QTimer.singleShot(0, close_menu)  # the menu's own loop runs it
    point = canvas.card_center("c")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, canvas.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(canvas.view.viewport(), event)
    assert shown and shown[0][:5] == ["Edit text", "Duplicate", "Cut", "Copy", "Delete"]
    assert canvas.scene.selected_card_ids() == ["c"]


def test_insert_before_and_above_go_where_the_editor_puts_them(canvas):
    scene = canvas.scene
    menu = scene.context_menus.menu(scene.stage_items["s1"], QPointF())  # kept alive until the action has run
    menu_action(menu, "Insert stage before").trigger()
    assert [stage.id for stage in canvas.doc.stages][::2] == ["s0", "s1"] and len(canvas.doc.stages) == 4
    assert canvas.doc.stages[1].name == "New stage" and canvas.session.undo_stack.undoText() == "Add stage"
    canvas.key(Qt.Key.Key_Escape)  # the name stays "New stage"
    menu = scene.context_menus.menu(scene.lane_items["buyer"], QPointF())
    menu_action(menu, "Insert lane above").trigger()
    assert [lane.name for lane in canvas.doc.lanes] == ["New lane", "Покупатель", "Продавец", "Эмоции"]
    assert scene.editor is not None  # its name open for typing
    canvas.keys("Каналы")
    canvas.key(Qt.Key.Key_Return)
    assert canvas.doc.lanes[0].name == "Каналы" and canvas.session.undo_stack.count() == 3


def test_add_stage_and_add_lane_go_after_the_last_with_their_names_open(canvas):
    actions = CanvasActions(canvas.view)
    actions.add_stage.trigger()
    assert canvas.doc.stages[-1].name == "New stage" and canvas.scene.editor is not None
    canvas.keys("Покупка")
    canvas.key(Qt.Key.Key_Return)
    actions.add_lane.trigger()
    canvas.key(Qt.Key.Key_Escape)
    assert canvas.doc.stages[-1].name == "Покупка" and canvas.doc.lanes[-1].name == "New lane"
    assert canvas.session.undo_stack.count() == 3  # add stage, rename it, add lane
