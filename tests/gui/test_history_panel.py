"""The History panel and File → Save Snapshot: a snapshot saved from the menu is listed, restoring one
is one undo step, opening one gives a read-only window that cannot be saved over the map, copying one
gives a new map; a damaged one is marked, cannot be opened, and is announced when the map opens."""

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from cjm_designer.io import dumps, load, save
from cjm_designer.io.snapshots import take_snapshot
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui import snapshot_dialog
from cjm_designer.ui.document_files import WINDOWS


@pytest.fixture
def map_path(tmp_path):
    path = tmp_path / "map.cjm"
    doc = load(templates_dir() / "three-stages.en.cjm")
    doc.meta.author = "Anna"
    save(doc, path)
    return path


@pytest.fixture
def window(open_window, map_path):
    return open_window(load(map_path), map_path)


@pytest.fixture
def named(monkeypatch):
    """The Save Snapshot dialog answered with the next of `names` (OK), or cancelled when none is left."""
    names = []

    def answer(dialog):
        if not names:
            return 0
        dialog.name_field.setText(names.pop(0))
        return 1

    monkeypatch.setattr(snapshot_dialog.SnapshotDialog, "exec", answer)
    return names


def test_the_action_saves_a_snapshot_that_the_panel_lists(window, named):
    assert window.save_snapshot_action.shortcut().toString() == "Ctrl+Alt+S"
    assert window.save_snapshot_action in window.file_menu.actions()
    named.append("As-is")
    window.save_snapshot_action.trigger()
    [snapshot] = window.session.doc.snapshots
    assert (snapshot.name, snapshot.author) == ("As-is", "Anna")
    assert window.session.undo_stack.text(0) == "Save snapshot “As-is”"
    panel = window.history
    assert panel.isVisible() and panel.list.count() == 1
    assert panel.list.item(0).text().startswith("As-is\n") and "Anna" in panel.list.item(0).text()
    window.save_snapshot_action.trigger()  # cancelled: nothing saved
    assert len(window.session.doc.snapshots) == 1 and window.session.undo_stack.count() == 1
    named.append("Later")
    panel.save_button.click()
    assert panel.list.item(0).text().startswith("Later\n")  # newest first
    window.session.undo_stack.undo()
    assert panel.list.count() == 1


def test_the_proposed_name_is_the_date_and_a_name_taken_cannot_be_chosen(window, qtbot):
    dialog = snapshot_dialog.SnapshotDialog(window, "Save Snapshot", "Snapshot 2026-12-02 22:40", {"As-is"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled() and dialog.name() == "Snapshot 2026-12-02 22:40"
    dialog.name_field.setText("As-is")
    assert not ok.isEnabled() and dialog.problem.text()
    dialog.name_field.setText("  ")
    assert not ok.isEnabled()


def test_restore_is_one_undo_step_after_asking(window, named, boxes):
    named.append("As-is")
    window.save_snapshot_action.trigger()
    kept = dumps(window.session.doc)
    window.scene.edits.delete([window.session.doc.cards[0].id])
    changed, steps = dumps(window.session.doc), window.session.undo_stack.count()
    panel = window.history
    panel.list.setCurrentRow(0)
    assert not panel.restore_snapshot()  # the question answered No: nothing changes
    assert dumps(window.session.doc) == changed
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert panel.restore_snapshot()
    assert "As-is" in boxes.texts[-1]
    assert dumps(window.session.doc) == kept and window.session.undo_stack.count() == steps + 1
    assert len(window.scene.layout.cards) == len(window.session.doc.cards)  # the canvas rebuilt
    window.session.undo_stack.undo()
    assert dumps(window.session.doc) == changed


def test_open_gives_a_read_only_window_that_cannot_save_over_the_map(window, named, boxes, map_path, monkeypatch):
    named.append("As-is")
    window.save_snapshot_action.trigger()
    window.scene.edits.delete([window.session.doc.cards[0].id])
    shown = window.history.open_snapshot()
    assert shown in WINDOWS and shown.files.read_only and shown.session.path is None
    assert shown.windowTitle().startswith("map.cjm @ As-is (read-only)")
    assert len(shown.session.doc.cards) == len(window.session.doc.cards) + 1 and shown.session.doc.snapshots == []
    on_disk = map_path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(map_path), ""))
    assert shown.files.save() is False
    assert "read-only" in boxes.texts[-1] and map_path.read_bytes() == on_disk


def test_copy_to_a_new_map_gives_an_untitled_window(window, named):
    named.append("As-is")
    window.save_snapshot_action.trigger()
    copy = window.history.copy_to_new_map()
    assert copy in WINDOWS and copy.session.path is None and not copy.files.read_only
    assert copy.windowTitle().startswith("Untitled")
    assert dumps(copy.session.doc) == dumps(window.session.doc.model_copy(update={"snapshots": []}))


def test_rename_and_delete(window, named, boxes):
    named.extend(["As-is", "Как есть"])
    window.save_snapshot_action.trigger()
    panel = window.history
    assert panel.rename_snapshot()
    assert window.session.doc.snapshots[0].name == "Как есть" and panel.list.item(0).text().startswith("Как есть\n")
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert panel.delete_snapshot()
    assert window.session.doc.snapshots == [] and panel.list.count() == 0
    assert not panel.open_button.isEnabled() and not panel.delete_button.isEnabled()


def test_a_damaged_snapshot_is_marked_announced_and_cannot_be_opened(open_window, map_path, boxes):
    doc = load(map_path)
    doc.add_snapshot(take_snapshot(doc, "Broken", "Anna", datetime(2026, 12, 1, tzinfo=UTC)))
    doc.add_snapshot(take_snapshot(doc, "Fine", "Anna", datetime(2026, 12, 2, tzinfo=UTC)))
    data = json.loads(dumps(doc))
    data["snapshots"][0]["map"]["cards"][3]["stage"] = "nowhere"
    map_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    window = open_window(load(map_path), map_path)
    message = window.statusBar().currentMessage()
    assert "map.cjm@Broken: cards[3].stage" in message
    panel = window.history
    assert [panel.list.item(i).text().split("\n")[0] for i in range(2)] == ["Fine", "Broken"]
    panel.list.setCurrentRow(1)
    assert "damaged" in panel.list.item(1).text() and "cards[3].stage" in panel.list.item(1).toolTip()
    assert not panel.open_button.isEnabled() and not panel.restore_button.isEnabled()
    assert panel.rename_button.isEnabled()
    assert panel.open_snapshot() is None and "map.cjm@Broken" in boxes.texts[-1]
    window.files.save()
    assert json.loads(map_path.read_bytes())["snapshots"][0]["map"] == data["snapshots"][0]["map"]


def test_a_snapshot_whose_own_fields_are_damaged_is_listed_damaged_and_cannot_be_renamed(open_window, map_path):
    doc = load(map_path)
    doc.add_snapshot(take_snapshot(doc, "Broken", "Anna", datetime(2026, 12, 1, tzinfo=UTC)))
    data = json.loads(dumps(doc))
    data["snapshots"][0]["created"] = 1733011200  # seconds, not a date
    map_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    window = open_window(load(map_path), map_path)
    assert "map.cjm@Broken: created: must be an ISO 8601 date" in window.statusBar().currentMessage()
    panel = window.history
    assert panel.list.item(0).text() == "Broken\nAnna · damaged" and "created:" in panel.list.item(0).toolTip()
    assert not panel.open_button.isEnabled() and not panel.rename_button.isEnabled()
    assert panel.delete_button.isEnabled()
    window.files.save()
    assert json.loads(map_path.read_bytes())["snapshots"] == data["snapshots"]


def click_step(panel, qtbot, row):
    """A click on row `row` of the undo steps' list (row 0: the map as opened)."""
    view, step = panel.undo_view, panel.undo_view.model().index(row, 0)
    view.scrollTo(step)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(step).center())


def current_step(panel):
    return panel.undo_view.currentIndex().row()


def test_a_jump_in_the_undo_steps_is_one_notification_and_one_relayout(window, qtbot):
    session, edits = window.session, window.scene.edits
    window.findChild(QDockWidget, "dock-history").raise_()
    panel = window.history
    qtbot.waitUntil(panel.undo_view.isVisible)
    maps = [dumps(session.doc)]
    for card in session.doc.cards[:4]:
        edits.set_fields(ElementKind.CARD, {card.id: {"title": f"Шаг {len(maps)}"}})
        maps.append(dumps(session.doc))
    edits.delete([session.doc.cards[-1].id])
    maps.append(dumps(session.doc))
    assert session.undo_stack.count() == 5 and current_step(panel) == 5
    heard, relayouts = [], []
    session.changed.connect(heard.append)
    window.scene.laidOut.connect(lambda: relayouts.append(1))

    click_step(panel, qtbot, 1)  # four steps back, one of them a deletion
    assert session.undo_stack.index() == 1 and dumps(session.doc) == maps[1]
    assert (len(heard), len(relayouts)) == (1, 1) and heard[0].structure
    assert current_step(panel) == 1 and len(window.scene.layout.cards) == len(session.doc.cards)

    click_step(panel, qtbot, 4)  # three forward
    assert session.undo_stack.index() == 4 and dumps(session.doc) == maps[4]
    assert (len(heard), len(relayouts)) == (2, 2) and not heard[1].structure
    assert heard[1].ids == {card.id for card in session.doc.cards[1:4]} and heard[1].fields == {"title"}
    assert current_step(panel) == 4

    panel.undo_view.setFocus()
    qtbot.keyClick(panel.undo_view, Qt.Key.Key_Home)  # keys choose a step too: back to the map as opened
    assert session.undo_stack.index() == 0 and dumps(session.doc) == maps[0]
    assert (len(heard), len(relayouts)) == (3, 3) and current_step(panel) == 0

    session.undo_stack.redo()  # Edit → Redo: the list follows the stack
    assert current_step(panel) == 1 and (len(heard), len(relayouts)) == (4, 4)
    session.mark_saved()  # the list is rebuilt to show the clean step: the current row stays
    assert current_step(panel) == 1 and session.undo_stack.cleanIndex() == 1
