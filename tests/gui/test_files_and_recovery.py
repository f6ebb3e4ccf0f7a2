"""Files in the window: open, errors, recent files, new from a template, autosave and recovery."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cjm_designer.editor import AddCards
from cjm_designer.io import CjmError, load, loads
from cjm_designer.model import Card
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.autosave import pending_recoveries
from cjm_designer.ui.document_files import load_error_text
from cjm_designer.ui.main_window import MainWindow
from cjm_designer.ui.recovery import offer_recovery
from cjm_designer.ui.settings import Settings, recovery_dir
from cjm_designer.ui.template_gallery import TemplateGallery


@pytest.fixture(autouse=True)
def quiet():
    """Clean recovery and recent files."""
    for path in recovery_dir().iterdir():
        path.unlink()
    Settings().set_value("files/recent", [])
    yield
    for window in list(mw.WINDOWS):
        window.session.undo_stack.setClean()
        window.close()


def crash(window):
    """The process dies: the window never closes, and the system lets go of its locks."""
    mw.WINDOWS.remove(window)
    window.files.autosave_timer.stop()
    window.files.disk.stop()
    window.files.autosaver.lock.release()


def copy_template(tmp_path, name="three-stages.ru.cjm"):
    path = tmp_path / name
    path.write_bytes((templates_dir() / name).read_bytes())
    return path


def test_flow_new_from_template_add_card_save_and_reopen(qtbot, tmp_path, monkeypatch):
    start = MainWindow(load(templates_dir() / "blank.en.cjm"))
    qtbot.addWidget(start)
    monkeypatch.setattr(TemplateGallery, "exec", lambda self: setattr(self, "chosen", "five-stages") or True)
    start.files.new_from_template()
    window = mw.WINDOWS[-1]
    assert window is not start and window.session.doc.stages[0].name in ("Осознанность", "Awareness", "Осведомленность")
    stage, lane = window.session.doc.stages[0].id, window.session.doc.lanes[0].id
    card = Card(id="card-new", stage=stage, lane=lane, title="Реклама в поиске")
    window.session.push(AddCards(window.session, [(card, None)]))
    assert window.scene.edits.set_fields(ElementKind.CARD, {"card-new": {"channel": "search_ads"}})
    path = tmp_path / "карта.cjm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.files.save()
    reopened = window.files.open_path(path)
    assert reopened is window  # already open: raised, not opened twice
    again = MainWindow(load(path), path)
    qtbot.addWidget(again)
    assert again.session.doc.card("card-new").channel == "search_ads"
    assert again.session.doc.cards == window.session.doc.cards
    assert Settings().recent_files() == [str(path.resolve())]


def test_opening_a_broken_file_shows_the_error_and_keeps_the_window(qtbot, tmp_path, boxes):
    good = copy_template(tmp_path)
    window = MainWindow(load(good), good)
    qtbot.addWidget(window)
    broken = tmp_path / "broken.cjm"
    broken.write_text('{"format": "cjm", "version": 1, "cards": [')
    assert window.files.open_path(broken) is None
    said, line = boxes.texts[0].split("\n\n")
    assert said.startswith("The file “broken.cjm” did not open: there is a mistake in it. The details below say where")
    assert line.startswith(f"{broken}: line 1") and boxes.shown[0].textFormat() == Qt.TextFormat.PlainText
    assert window.session.path == good and mw.WINDOWS == [window]


def test_a_load_error_says_what_happened_in_the_interface_language(tmp_path):
    newer = tmp_path / "newer.cjm"
    newer.write_text('{"format": "cjm", "version": 999}')
    with pytest.raises(CjmError) as raised:
        load(newer)
    assert load_error_text(raised.value).startswith("The file “newer.cjm” was written by another version")
    with pytest.raises(CjmError) as raised:
        load(tmp_path / "gone.cjm")
    said, line = load_error_text(raised.value).split("\n\n")
    assert said == "The file “gone.cjm” could not be opened as a map. The details are below."
    assert line == f"{tmp_path / 'gone.cjm'}: cannot read: No such file or directory"


def test_a_pristine_window_is_replaced_by_the_opened_map(qtbot, tmp_path):
    path = copy_template(tmp_path)
    blank = MainWindow(load(templates_dir() / "blank.en.cjm"))
    qtbot.addWidget(blank)
    blank.show()
    opened = blank.files.open_path(path)
    assert opened is not blank and mw.WINDOWS == [opened]


def test_autosave_writes_a_copy_elsewhere_and_a_save_removes_it(qtbot, tmp_path):
    path = copy_template(tmp_path)
    original = path.read_bytes()
    window = MainWindow(load(path), path)
    qtbot.addWidget(window)
    assert not window.files.autosaver.save_if_needed()  # nothing unsaved
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Черновик"}})
    assert window.files.autosaver.save_if_needed()
    assert not window.files.autosaver.save_if_needed()  # nothing new since
    assert path.read_bytes() == original  # never over the user's file
    copy = window.files.autosaver.copy
    assert copy.parent == recovery_dir() and loads(copy.read_bytes()).meta.title == "Черновик"
    assert json.loads(copy.with_suffix(".json").read_text())["original"] == str(path)
    window.changeEvent(QEvent(QEvent.Type.ActivationChange))  # leaving the window saves at once too
    assert window.files.save()
    assert not copy.exists() and not copy.with_suffix(".json").exists()


def test_after_a_crash_the_next_start_offers_the_work_back(qtbot, tmp_path):
    path = copy_template(tmp_path)
    window = MainWindow(load(path), path)
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Несохранённое"}})
    window.files.autosaver.save_if_needed()
    assert pending_recoveries() == []  # the window lives: its copy is not anyone's to recover
    crash(window)
    assert [r.original for r in pending_recoveries()] == [path]

    asked = []
    recovered = offer_recovery(choose=lambda parent, found: asked.append(found) or "recover")
    assert len(asked[0]) == 1
    (restored,) = recovered
    qtbot.addWidget(restored)
    assert restored.session.doc.meta.title == "Несохранённое"
    assert restored.session.path == path and restored.files.modified()
    assert pending_recoveries() == []  # the recovered window owns the copy now
    assert load(path).meta.title != "Несохранённое"  # the file itself is untouched until saved
    window.session.undo_stack.setClean()


def test_discarding_and_postponing_recovery(qtbot, tmp_path):
    path = copy_template(tmp_path)
    window = MainWindow(load(path), path)
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "X"}})
    window.files.autosaver.save_if_needed()
    crash(window)
    assert offer_recovery(choose=lambda p, f: "later") == [] and len(pending_recoveries()) == 1
    assert offer_recovery(choose=lambda p, f: "discard") == [] and pending_recoveries() == []
    window.session.undo_stack.setClean()


def test_template_gallery_shows_every_template_with_a_preview(qtbot):
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    names = [gallery.list.item(i).text() for i in range(gallery.list.count())]
    assert len(names) == 5 and not gallery.list.item(0).icon().isNull()
    gallery.language_box.setCurrentIndex(0)
    assert "Пустая карта" in [gallery.list.item(i).text() for i in range(gallery.list.count())]
    gallery.accept()
    assert gallery.chosen == "blank"


def test_a_recovered_copy_stays_until_the_work_is_saved(qtbot, tmp_path):
    path = copy_template(tmp_path)
    window = MainWindow(load(path), path)
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Восстановленное"}})
    window.files.autosaver.save_if_needed()
    copy = window.files.autosaver.copy
    crash(window)
    (restored,) = offer_recovery(choose=lambda parent, found: "recover")
    qtbot.addWidget(restored)
    assert copy.exists() and restored.files.autosaver.copy == copy  # a crash now would lose nothing
    crash(restored)  # and it does: the copy is offered again
    (again,) = offer_recovery(choose=lambda parent, found: "recover")
    qtbot.addWidget(again)
    assert again.session.doc.meta.title == "Восстановленное"
    assert again.files.save()
    assert not copy.exists() and pending_recoveries() == []
    assert load(path).meta.title == "Восстановленное"


def test_a_recovered_copy_discarded_on_close_is_gone(qtbot, tmp_path, boxes):
    path = copy_template(tmp_path)
    window = MainWindow(load(path), path)
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Лишнее"}})
    window.files.autosaver.save_if_needed()
    copy = window.files.autosaver.copy
    crash(window)
    (restored,) = offer_recovery(choose=lambda parent, found: "recover")
    boxes.answers.append(QMessageBox.StandardButton.Discard)
    assert restored.close()
    assert not copy.exists() and pending_recoveries() == []


def test_an_unreadable_copy_is_reported_once_with_its_path(qtbot, tmp_path, boxes):
    path = copy_template(tmp_path)
    window = MainWindow(load(path), path)
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Битое"}})
    window.files.autosaver.save_if_needed()
    copy = window.files.autosaver.copy
    crash(window)
    copy.write_bytes(b'{"format": "cjm", "version": 1, "cards": [')
    assert offer_recovery(choose=lambda parent, found: "recover") == []
    aside = copy.with_name(copy.name + ".unreadable")
    assert len(boxes.shown) == 1 and str(aside) in boxes.texts[0]
    assert aside.read_bytes().endswith(b'"cards": [')
    assert pending_recoveries() == []  # not offered again at the next start
    assert offer_recovery(choose=lambda parent, found: pytest.fail("asked again")) == []
    assert len(boxes.shown) == 1


def test_an_unwritable_state_folder_leaves_the_window_working_with_autosave_off(qtbot, tmp_path, monkeypatch):
    state = tmp_path / "state"
    state.write_text("a file where the state folder should be")  # unwritable even for root
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    path = copy_template(tmp_path)
    window = MainWindow(load(path), path)
    qtbot.addWidget(window)
    assert "Autosave is off" in window.statusBar().currentMessage()
    assert str(state) in window.statusBar().currentMessage()
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Без автосохранения"}})
    assert not window.files.autosaver.save_if_needed()
    assert pending_recoveries() == [] and offer_recovery(choose=lambda p, f: pytest.fail("asked")) == []
    assert window.files.save() and load(path).meta.title == "Без автосохранения"


def test_the_program_starts_with_an_unwritable_state_folder(tmp_path):
    state = tmp_path / "state"
    state.write_text("")
    path = copy_template(tmp_path)
    shot = tmp_path / "shot.png"
    env = dict(os.environ, XDG_STATE_HOME=str(state))
    done = subprocess.run([sys.executable, "-m", "cjm_designer", str(path), "--screenshot", str(shot)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and shot.read_bytes().startswith(b"\x89PNG")
