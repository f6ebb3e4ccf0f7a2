"""No two actions share a shortcut, and none takes a key the canvas needs (issue 13: Ctrl+Shift+S was
both Save As and Add stage, and on the canvas neither happened)."""

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.ui.dialogs import shortcuts_table

# The keys the canvas handles itself (select_tool.py, text_edits.py, inline_editor.py): a shortcut on
# one of them would take it before the canvas sees it.
CANVAS_KEYS = ["Left", "Right", "Up", "Down", "Home", "End", "Ctrl+Up", "Ctrl+Down", "Tab", "Shift+Tab", "Return",
               "Enter", "Shift+Return", "F2", "Ins", "Esc", "Backspace", "Space"]
CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


@pytest.fixture
def window(open_window):
    window = open_window(load(templates_dir() / "five-stages.ru.cjm"))
    for dock in window.docks:  # the docks made on first show, with whatever actions they bring
        dock.content()
    return window


def owners(window) -> dict[str, list[QAction]]:
    """Every key sequence bound in the window (its menus, toolbars, docks and canvas, in any
    context), with the distinct actions bound to it."""
    found: dict[str, list[QAction]] = defaultdict(list)
    for action in {id(a): a for a in window.findChildren(QAction)}.values():
        for sequence in action.shortcuts():
            found[sequence.toString(QKeySequence.SequenceFormat.PortableText)].append(action)
    return found


def test_no_two_actions_share_a_shortcut(window):
    bound = owners(window)
    assert "Ctrl+Shift+S" in bound and "Alt+1" in bound  # the walk sees the window's and the canvas's actions
    assert {keys: [a.text() for a in actions] for keys, actions in bound.items() if len(actions) > 1} == {}


def test_no_shortcut_takes_a_key_of_the_canvas_or_of_typing(window):
    bound = owners(window)
    assert [keys for keys in CANVAS_KEYS if keys in bound] == []
    for keys in bound:
        combination = QKeySequence(keys)[0]
        plain = not combination.keyboardModifiers() & CHORDS
        assert not plain or combination.key() in (Qt.Key.Key_Delete,) or Qt.Key.Key_F1 <= combination.key() <= \
            Qt.Key.Key_F35, f"{keys} would be typed on the canvas"


def test_ctrl_shift_s_on_the_canvas_is_save_as_and_add_stage_has_its_own_keys(window, qtbot):
    window.save_as_action.triggered.disconnect()  # no file dialog: only that the action is reached
    saved = []
    window.save_as_action.triggered.connect(lambda: saved.append(True))
    window.view.setFocus()
    stages = len(window.session.doc.stages)
    QTest.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved == [True] and len(window.session.doc.stages) == stages
    QTest.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.session.doc.stages) == stages + 1
    assert window.actions_.add_stage.shortcut().toString() == "Ctrl+Shift+T"


def test_help_lists_the_canvas_keys_beside_the_actions(window):
    table = shortcuts_table(window.findChildren(QAction))
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Next or previous lane"] == "Ctrl+Down, Ctrl+Up"
    assert rows["Finish the card and start the next"] == "Tab"
    assert rows["Finish the text"] == "Enter"  # as the key is labelled, not Qt's "Return"
    assert rows["Emotion −2"] == "Alt+1" and rows["Add stage"] == "Ctrl+Shift+T"
