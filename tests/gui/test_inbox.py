"""The Inbox: participants' cards arrive with no undo step; accepting or discarding any number is one;
a card whose cell is gone asks where to go; the dock lists them with a count on its tab; the autosave
copy holds them."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QInputDialog

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps, load
from cjm_designer.model import InboxCard, ModelError
from cjm_designer.ui import inbox as inbox_module
from cjm_designer.ui.main_window import MainWindow

from .conftest import small_map

RECEIVED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def sent(card_id: str, title: str, stage: str = "s0", lane: str = "buyer", author: str = "Оля") -> InboxCard:
    return InboxCard(id=card_id, stage=stage, lane=lane, title=title, author=author, received=RECEIVED)


def double_click(widget, point) -> None:
    """A click and then a double-click, each let go, as a mouse sends them."""
    button, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(widget, button, keys, point)
    QTest.mouseDClick(widget, button, keys, point)
    QTest.mouseRelease(widget, button, keys, point)


@pytest.fixture
def editor():
    return Editor(DocumentSession(small_map()))


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes(dumps(small_map()))
    window = MainWindow(load(path), path, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_arrivals_are_listed_but_not_undone(editor):
    session = editor.session
    changes = []
    session.changed.connect(changes.append)
    kept = editor.receive_inbox_cards([sent("in-1", "Нет доставки"), sent("in-2", "Дорого", "s1", "seller")])
    assert kept == ["in-1", "in-2"] and [c.title for c in editor.doc.inbox] == ["Нет доставки", "Дорого"]
    assert len(changes) == 1 and changes[0].kinds == {"inbox"}  # one notification for a burst
    assert session.undo_stack.count() == 0 and not session.undo_stack.isClean()  # modified, nothing to undo


def test_an_arrival_whose_id_is_taken_gets_a_fresh_one_and_one_whose_cell_went_is_not_kept(editor):
    kept = editor.receive_inbox_cards([sent("a", "Same id as a card"), sent("in-9", "Gone", "s-gone")])
    assert len(kept) == 1 and kept[0].startswith("inbox-")
    assert editor.doc.inbox_card(kept[0]).title == "Same id as a card"


def test_accepting_one_is_one_undo_step_putting_it_at_the_end_of_its_cell(editor):
    doc = editor.doc
    editor.receive_inbox_cards([sent("in-1", "Нет доставки\nНа сайте не нашёл"), sent("in-2", "Дорого")])
    [card_id] = editor.accept_inbox(["in-1"])
    card = doc.card(card_id)
    assert [c.id for c in doc.cards_in("s0", "buyer")] == ["a", "b", card_id]
    assert (card.title, card.text, card.note) == ("Нет доставки", "На сайте не нашёл", "From Оля")
    assert [c.id for c in doc.inbox] == ["in-2"] and editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert [c.id for c in doc.inbox] == ["in-1", "in-2"] and card_id not in {c.id for c in doc.cards}
    editor.session.undo_stack.redo()
    assert doc.card(card_id).title == "Нет доставки" and [c.id for c in doc.inbox] == ["in-2"]


def test_an_undo_keeps_what_arrived_after_the_step(editor):
    doc = editor.doc
    editor.receive_inbox_cards([sent("in-1", "First")])
    editor.discard_inbox(["in-1"])
    editor.receive_inbox_cards([sent("in-2", "Later")])
    editor.session.undo_stack.undo()
    assert [c.id for c in doc.inbox] == ["in-1", "in-2"]


def test_accept_all_and_discard_are_one_step_each(editor):
    doc = editor.doc
    editor.receive_inbox_cards([sent(f"in-{i}", f"Card {i}", ("s0", "s1", "s2")[i % 3]) for i in range(6)])
    assert editor.discard_inbox(["in-0", "in-1"]) and [c.id for c in doc.inbox][:1] == ["in-2"]
    ids = editor.accept_inbox([c.id for c in doc.inbox])
    assert len(ids) == 4 and doc.inbox == [] and editor.session.undo_stack.count() == 2
    editor.session.undo_stack.undo()
    assert len(doc.inbox) == 4 and not set(ids) & {c.id for c in doc.cards}
    editor.session.undo_stack.undo()
    assert [c.id for c in doc.inbox] == [f"in-{i}" for i in range(6)]
    assert not editor.discard_inbox([])


def test_a_card_whose_cell_is_gone_needs_a_cell(editor):
    doc = editor.doc
    editor.receive_inbox_cards([sent("in-1", "Звонок", "s2", "mood")])
    editor.remove_part("stage", "s2")
    assert editor.homeless_inbox(["in-1"]) == ["in-1"]
    with pytest.raises(ModelError):
        editor.accept_inbox(["in-1"])
    assert editor.doc.inbox_card("in-1")  # nothing changed
    [card_id] = editor.accept_inbox(["in-1"], ("s1", "seller"))
    assert (doc.card(card_id).stage, doc.card(card_id).lane) == ("s1", "seller")


def test_the_dock_lists_the_cards_with_their_count_on_its_tab(window, qtbot):
    dock = next(d for d in window.docks if d.name == "inbox")
    assert dock.windowTitle() == "Inbox"
    panel = window.inbox
    window.scene.edits.receive_inbox_cards([sent("in-1", "Нет доставки"), sent("in-2", "Дорого", "s1", "seller", "")])
    assert dock.windowTitle() == "Inbox (2)"
    rows = [panel.list.item(r).text().rsplit(" · ", 1)[0] for r in range(panel.list.count())]
    assert rows == ["Нет доставки\nОля · Осознание / Покупатель", "Дорого\nanonymous · Изучение / Продавец"]
    assert panel.list.item(1).background().color() == inbox_module.FLASH  # just arrived
    assert window.session.undo_stack.count() == 0


def inked_bands(image, rect) -> list[tuple[int, int]]:
    """The runs of pixel rows inside `rect` that hold text (any pixel much darker than the row's first)."""
    bands, start = [], None
    for y in range(rect.top(), rect.bottom()):
        ground = image.pixelColor(rect.left() + 1, y).lightness()
        inked = any(image.pixelColor(x, y).lightness() < ground - 80 for x in range(rect.left(), rect.right(), 2))
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            if bands and start - bands[-1][1] <= 1:  # a descender a row apart is its line's
                start = bands.pop()[0]
            bands.append((start, y))
            start = None
    return bands


def test_a_row_shows_the_card_s_text_over_who_sent_it_where_to_and_when(window, qtbot):
    panel = window.inbox
    window.scene.edits.receive_inbox_cards([sent("in-1", "Нет доставки"), sent("in-2", "Дорого", "s2", "seller")])
    window.scene.edits.remove_part("stage", "s2")
    panel._end_flash()
    window._show_dock("inbox")
    qtbot.waitUntil(panel.list.isVisible)
    image = panel.list.viewport().grab().toImage()
    first = panel.list.visualItemRect(panel.list.item(0))
    metrics = panel.list.fontMetrics()
    assert first.height() >= 2 * metrics.lineSpacing()
    assert len(inked_bands(image, first)) == 2  # two lines of text, one above the other
    second = panel.list.visualItemRect(panel.list.item(1))  # its stage is gone: drawn red
    reds = [image.pixelColor(x, y) for x in range(second.left(), second.right(), 2)
            for y in range(second.top(), second.bottom())]
    assert any(c.red() > 150 and c.green() < 90 and c.blue() < 90 for c in reds)


def test_the_dock_accepts_discards_and_edits(window, qtbot, monkeypatch):
    doc, panel, stack = window.session.doc, window.inbox, window.session.undo_stack
    window.scene.edits.receive_inbox_cards([sent(f"in-{i}", f"Card {i}") for i in range(4)])
    panel.list.item(0).setSelected(True)
    panel.accept_button.click()
    assert doc.cards_in("s0", "buyer")[-1].title == "Card 0" and stack.count() == 1
    window.docks[5].show()
    window.docks[5].raise_()
    qtbot.waitExposed(panel.list)
    double_click(panel.list.viewport(), panel.list.visualItemRect(panel.list.item(0)).center())
    qtbot.waitUntil(lambda: stack.count() == 2)
    assert doc.cards_in("s0", "buyer")[-1].title == "Card 1"
    panel.list.item(0).setSelected(True)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args: ("Edited\nwith text", True))
    panel.edit_button.click()
    card = doc.cards_in("s0", "buyer")[-1]
    assert (card.title, card.text, card.note) == ("Edited", "with text", "From Оля") and stack.count() == 3
    stack.undo()  # the edit and the accept are one step
    assert doc.inbox[0].id == "in-2" and doc.cards_in("s0", "buyer")[-1].title == "Card 1"
    panel.list.item(0).setSelected(True)
    panel.discard_button.click()
    assert [c.id for c in doc.inbox] == ["in-3"]
    panel.accept_all_button.click()
    assert doc.inbox == [] and window.docks[5].windowTitle() == "Inbox"


def test_accepting_a_card_whose_stage_is_gone_asks_for_a_cell(window, monkeypatch):
    doc, panel = window.session.doc, window.inbox
    window.scene.edits.receive_inbox_cards([sent("in-1", "Звонок", "s2", "mood")])
    window.scene.edits.remove_part("stage", "s2")
    assert "\nОля · (stage removed) · " in panel.list.item(0).text()
    monkeypatch.setattr(inbox_module.CellDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    panel.accept(["in-1"])
    assert [c.id for c in doc.inbox] == ["in-1"]  # cancelled: nothing changed

    def choose(dialog):
        assert (dialog.stage.count(), dialog.lane.currentData()) == (2, "mood")  # its lane is still there
        dialog.stage.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(inbox_module.CellDialog, "exec", choose)
    [card_id] = panel.accept(["in-1"])
    assert (doc.card(card_id).stage, doc.card(card_id).lane) == ("s1", "mood") and doc.inbox == []


def test_a_received_card_is_in_the_autosave_copy(window):
    autosaver = window.files.autosaver
    window.scene.edits.receive_inbox_cards([sent("in-1", "Не потеряется")])
    assert autosaver.save_if_needed()
    assert [c.title for c in load(autosaver.copy).inbox] == ["Не потеряется"]
    window.scene.edits.receive_inbox_cards([sent("in-2", "И эта")])  # no undo step, yet a new copy
    assert autosaver.save_if_needed()
    assert [c.title for c in load(autosaver.copy).inbox] == ["Не потеряется", "И эта"]
    assert not autosaver.save_if_needed()


def test_keys_in_the_list_accept_and_discard_not_the_map(window, qtbot):
    doc, panel = window.session.doc, window.inbox
    window.scene.edits.receive_inbox_cards([sent(f"in-{i}", f"Card {i}") for i in range(3)])
    window.scene.select_cards(["a"])  # the canvas's Delete would delete it
    window.docks[5].show()
    window.docks[5].raise_()
    window.activateWindow()
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    panel.list.item(0).setSelected(True)
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [c.id for c in doc.inbox] == ["in-1", "in-2"] and doc.card("a")
    panel.list.item(0).setSelected(True)
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert [c.id for c in doc.inbox] == ["in-2"] and doc.cards_in("s0", "buyer")[-1].title == "Card 1"
