"""Add lane (Ctrl+Shift+L) from the keyboard (issue 13): the kind follows the name typed, the arrows
or a letter pick another, Enter adds the lane after the current one as one undo step, and its cell
becomes current."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cjm_designer.model import LaneKind
from cjm_designer.model.vocab import LANE_KIND_LABELS, label
from cjm_designer.templates import new_map
from cjm_designer.ui.add_lane_dialog import AddLaneDialog
from tests.gui.key_driving import Keys, when_open

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
keys_ = Keys()
press, type_text = keys_.press, keys_.type


def add_lane_by_keys(qtbot, keys) -> AddLaneDialog:
    """Ctrl+Shift+L on the canvas, then `keys(dialog)` once the dialog has the focus."""
    seen = []
    when_open(AddLaneDialog, keys, lambda dialog: QApplication.focusWidget() is dialog.name_edit, seen)
    press(Qt.Key.Key_L, CTRL_SHIFT)
    assert seen and not seen[0].isVisible()
    return seen[0]


@pytest.fixture
def window(open_window, qtbot):
    window = open_window(new_map("five-stages", "ru", structure=True))
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    return window


def test_the_kind_follows_the_name_and_enter_adds_the_lane_after_the_current_one(window, qtbot):
    doc, stack = window.session.doc, window.session.undo_stack
    current = window.scene.current.spot
    assert current.lane == doc.lanes[0].id

    def keys(dialog):
        type_text("Эмоции")
        assert dialog.kind() == LaneKind.EMOTIONS
        press(Qt.Key.Key_Backspace)
        type_text("и")
        press(Qt.Key.Key_Return)

    add_lane_by_keys(qtbot, keys)
    lane = doc.lanes[1]
    assert (lane.name, lane.kind) == ("Эмоции", LaneKind.EMOTIONS) and len(doc.lanes) == 10
    assert stack.count() == 1
    stack.undo()
    assert [x.id for x in doc.lanes].count(lane.id) == 0


def test_the_arrows_pick_a_kind_the_name_then_leaves(window, qtbot):
    doc = window.session.doc

    def keys(dialog):
        type_text("Клиент")
        assert dialog.kind() == LaneKind.TOUCHPOINTS  # the name says no kind
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Down)
        type_text(" — Боли")  # a name of a kind, typed after the user picked one
        press(Qt.Key.Key_Return)

    add_lane_by_keys(qtbot, keys)
    lane = doc.lanes[1]
    assert (lane.name, lane.kind) == ("Клиент — Боли", LaneKind.THOUGHTS)
    assert window.scene.current.spot.cell == (doc.stages[0].id, lane.id)
    assert window.focusWidget() is window.view  # typing goes on in the new lane


def test_a_letter_in_the_list_jumps_to_a_kind_and_an_empty_name_takes_its_label(window, qtbot):
    doc = window.session.doc
    window.scene.current.select(type(window.scene.current.spot)(doc.stages[2].id, doc.lanes[3].id))

    def keys(dialog):
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.kinds
        type_text(label(LANE_KIND_LABELS, LaneKind.EMOTIONS, dialog.language)[0])
        press(Qt.Key.Key_Return)

    dialog = add_lane_by_keys(qtbot, keys)
    lane = doc.lanes[4]
    assert lane.kind == LaneKind.EMOTIONS and lane.name == label(LANE_KIND_LABELS, LaneKind.EMOTIONS, dialog.language)


def test_escape_adds_nothing(window, qtbot):
    add_lane_by_keys(qtbot, lambda dialog: press(Qt.Key.Key_Escape))
    assert len(window.session.doc.lanes) == 9 and window.session.undo_stack.count() == 0
