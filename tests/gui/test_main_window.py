"""The main window around the canvas: modified marker, saving, and asking before closing."""

from PySide6.QtWidgets import QMessageBox

from cjm_designer.io import load
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui.main_window import MainWindow


def open_window(qtbot, path):
    window = MainWindow(load(path), path)
    qtbot.addWidget(window)
    window.show()
    return window


def test_edit_marks_modified_and_save_clears_it(qtbot, tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "three-stages.ru.cjm").read_bytes())
    window = open_window(qtbot, path)
    assert not window.isWindowModified() and window.windowTitle().startswith("map.cjm")
    card = window.session.doc.cards[0]
    assert window.scene.edits.set_fields(ElementKind.CARD, {card.id: {"title": "Новый заголовок"}})
    assert window.isWindowModified()
    assert window.files.save()
    assert not window.isWindowModified()
    saved = load(path)
    assert saved.cards[0].title == "Новый заголовок"
    assert saved.meta.modified is not None
    assert (tmp_path / "map.cjm~").exists()
    window.session.undo_stack.undo()
    assert window.isWindowModified()  # back past the saved state


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, tmp_path, boxes):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "blank.en.cjm").read_bytes())
    window = open_window(qtbot, path)
    assert window.scene.edits.rename(ElementKind.STAGE, window.session.doc.stages[0].id, "Found")
    boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert len(boxes.shown) == 1 and window.isVisible()
    assert window.close()  # answered Discard
    assert load(path).stages[0].name != "Found"


def test_a_failed_save_says_so_and_keeps_the_changes(qtbot, tmp_path, boxes):
    path = tmp_path / "gone" / "map.cjm"
    window = MainWindow(load(templates_dir() / "blank.en.cjm"), path)
    qtbot.addWidget(window)
    assert window.scene.edits.rename(ElementKind.STAGE, window.session.doc.stages[0].id, "X")
    assert not window.files.save()
    assert "does not exist" in boxes.texts[0]
    assert window.isWindowModified() or window.files.modified()


def test_file_names_show_bidi_controls_as_marks_and_no_accelerator(qtbot, tmp_path):
    path = tmp_path / "R&D \u202egnp.cjm"
    path.write_bytes((templates_dir() / "blank.en.cjm").read_bytes())
    window = open_window(qtbot, path)
    assert window.windowTitle().startswith("R&D [U+202E]gnp.cjm") and "\u202e" not in window.windowTitle()
    window.settings.set_value("files/recent", [])
    window.settings.add_recent(path)
    window.recent_menu.aboutToShow.emit()
    (action,) = window.recent_menu.actions()
    assert action.text() == str(path.resolve()).replace("&", "&&").replace("\u202e", "[U+202E]")
    action.trigger()  # opens the file it names, the shown text aside
    assert window.session.path == path
