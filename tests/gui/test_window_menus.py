"""The window's menus: every menu of the issue, preferences, shortcuts, quit, new card, map properties."""

import pytest
from PySide6.QtWidgets import QMessageBox

from cjm_designer.io import load
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.dialogs import Preferences, shortcuts_table
from cjm_designer.ui.main_window import quit_all
from cjm_designer.ui.settings import Settings


@pytest.fixture
def window(open_window):
    return open_window(load(templates_dir() / "five-stages.en.cjm"))


def test_menus_and_tooltips(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Insert", "Map", "Workshop", "Help"]
    for action in window.actions_.__dict__.values():
        if hasattr(action, "toolTip") and action.shortcut().toString():
            assert action.toolTip()


def test_shortcuts_table_lists_the_real_shortcuts(window):
    from PySide6.QtGui import QAction

    table = shortcuts_table(window.findChildren(QAction))
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Undo"] and "Ctrl+Z" in rows["Undo"]
    assert "Ctrl+S" in rows["Save"] and "Ctrl+D" in rows["Duplicate"]


def test_preferences_are_kept(window):
    dialog = Preferences(window.settings, window)
    dialog.autosave.setValue(120)
    dialog.template.setCurrentIndex(dialog.template.findData("five-stages"))
    dialog.accept()
    fresh = Settings()
    assert fresh.autosave_seconds() == 120 and fresh.default_template() == "five-stages"
    fresh.set_value("files/default_template", "blank")
    fresh.set_value("autosave/seconds", 60)


def test_new_card_action_and_map_properties(window):
    card = window.session.doc.cards[0]
    window.scene.select_cards([card.id])
    window.new_card()
    assert window.scene.editor is not None
    window.scene.editor.setPlainText("Из меню")
    window.scene.editor.finish("finish")
    titles = [c.title for c in window.session.doc.cards_in(card.stage, card.lane)]
    assert titles[titles.index(card.title) + 1] == "Из меню"
    window._show_map_properties()
    assert window.inspector.heading.text() == "Map"


def test_quit_stops_at_the_first_cancel(window, boxes):
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "changed"}})
    boxes.answers.append(QMessageBox.StandardButton.Cancel)
    quit_all()
    assert window in mw.WINDOWS and window.isVisible()


def test_every_action_has_a_tooltip_with_its_shortcut(window):
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        if action.text() and action.shortcut().toString():
            assert action.shortcut().toString() in action.toolTip().replace("⌘", "Ctrl+"), action.text()


def test_docks_behind_the_inspector_are_made_when_first_shown(open_window, monkeypatch, qapp):
    monkeypatch.setattr(mw.MainWindow, "_restore_layout", lambda self: None)  # the docks of a first start
    window = open_window(load(templates_dir() / "five-stages.en.cjm"))
    qapp.processEvents()
    docks = {dock.objectName(): dock for dock in window.docks}
    assert [name for name, dock in docks.items() if dock.widget() is not None] == ["dock-inspector", "dock-overview"]
    docks["dock-history"].raise_()
    qapp.processEvents()
    assert docks["dock-history"].widget().undo_view.emptyLabel() == "Map opened"
    personas = len(window.session.doc.personas)
    window.add_persona_action.trigger()  # Insert → Add persona: the dock is made, shown, and the persona added
    assert docks["dock-personas"].widget() is window.personas and window.personas.isVisible()
    assert len(window.session.doc.personas) == personas + 1
    assert window.personas.add_button.text() == "Add persona"
    assert docks["dock-analytics"].widget() is None
