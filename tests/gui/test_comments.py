"""The Comments dock: the selected card's thread, adding a comment (one undo step), resolving and
reopening, resolved ones hidden unless asked, and a participant's comment arriving live."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gui.test_votes_panel import show, workshop_map


def texts(panel) -> list[str]:
    return [view.text.text() for view in panel.views]


def test_add_resolve_hide_reopen_and_delete(open_window):
    window = open_window(workshop_map())
    panel = show(window, "comments")
    assert not panel.add_button.isEnabled() and "Select one card" in panel.title.text()
    window.scene.select_cards(["p1"])
    assert panel.add_button.isEnabled() and panel.title.text() == "Comments on “Долго ждать замерщика”"
    panel.author.setText("Анна")
    panel.text.setPlainText("<b>Проверить</b> на интервью")
    QTest.keyClick(panel.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [comment] = window.session.doc.card("p1").comments
    assert (comment.author, comment.text) == ("Анна", "<b>Проверить</b> на интервью")
    assert texts(panel) == ["<b>Проверить</b> на интервью"]  # as typed: plain text
    assert panel.views[0].text.textFormat() == Qt.TextFormat.PlainText
    assert panel.text.toPlainText() == "" and window.session.undo_stack.count() == 1
    assert window.settings.value("comments/author") == "Анна"  # the next comment is signed alike
    dots = next(m for m in window.scene.layout.cards["p1"].markers if m.kind == "comments")
    assert dots.text == "1"

    panel.views[0].resolve_button.click()
    assert window.session.doc.card("p1").comments[0].resolved
    assert texts(panel) == [] and "1 resolved hidden" in panel.title.text()
    assert "comments" not in {m.kind for m in window.scene.layout.cards["p1"].markers}
    panel.show_resolved.setChecked(True)
    assert texts(panel) == ["<b>Проверить</b> на интервью"]
    assert panel.views[0].resolve_button.text() == "Reopen"
    panel.views[0].resolve_button.click()
    assert not window.session.doc.card("p1").comments[0].resolved
    panel.views[0].delete_button.click()
    assert window.session.doc.card("p1").comments == [] and texts(panel) == []
    window.session.undo_stack.undo()
    assert texts(panel) == ["<b>Проверить</b> на интервью"]


def test_a_participants_comment_shows_in_the_open_thread(open_window):
    window = open_window(workshop_map())
    panel = show(window, "comments")
    window.scene.select_cards(["i1"])
    window.scene.edits.add_comment("i1", "Гость", "Очень нужно!", from_room=True)
    QApplication.processEvents()
    assert texts(panel) == ["Очень нужно!"] and panel.views[0].header.text().startswith("Гость · ")
    window.scene.select_cards(["p1", "i1"])
    assert texts(panel) == [] and not panel.add_button.isEnabled()
