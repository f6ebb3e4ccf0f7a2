"""Autosave copies and open files belong to their process: another instance neither offers nor
deletes a live window's copy, and warns before opening a file a live instance has open. The other
instance is a real second process, killed to play a crash."""

import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cjm_designer.io import load
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.autosave import Recovery, pending_recoveries
from cjm_designer.ui.recovery import offer_recovery
from cjm_designer.ui.settings import recovery_dir

AUTOSAVING = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from cjm_designer.editor import DocumentSession, Editor
    from cjm_designer.io import load
    from cjm_designer.model.document import ElementKind
    from cjm_designer.ui.autosave import Autosaver

    app = QCoreApplication([])
    session = DocumentSession(load(sys.argv[1]), Path(sys.argv[1]))
    assert Editor(session).set_fields(ElementKind.META, {"": {"title": "Work of the other window"}})
    saver = Autosaver(session)
    assert saver.save_if_needed()
    print(saver.copy, flush=True)
    sys.stdin.read()  # alive until killed
""")

HOLDING_OPEN = textwrap.dedent("""
    import sys
    from pathlib import Path
    from cjm_designer.ui.open_files import note_open

    note_open(Path(sys.argv[1]), object())
    print("open", flush=True)
    sys.stdin.read()
""")


@pytest.fixture(autouse=True)
def clean():
    for path in recovery_dir().iterdir():
        path.unlink()
    yield
    for window in list(mw.WINDOWS):
        window.session.undo_stack.setClean()
        window.close()


@pytest.fixture
def other_process():
    """Starts a second python process running a script on a file; it lives until killed."""
    started = []

    def start(script, path):
        process = subprocess.Popen([sys.executable, "-c", script, str(path)], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True)
        started.append(process)
        line = process.stdout.readline().strip()
        assert line, "the other process did not start"
        return process, line

    yield start
    for process in started:
        process.kill()
        process.wait(timeout=30)


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "three-stages.ru.cjm").read_bytes())
    return path


def test_a_live_instances_copy_is_neither_offered_nor_deleted(map_file, other_process):
    process, copy_name = other_process(AUTOSAVING, map_file)
    copy = recovery_dir() / copy_name.rsplit("/", 1)[-1]
    assert copy.exists()
    assert pending_recoveries() == []
    assert offer_recovery(choose=lambda parent, found: pytest.fail("offered a live window's copy")) == []
    assert copy.exists()

    process.kill()  # the other instance crashes: now its work is for this one to recover
    process.wait(timeout=30)
    (found,) = pending_recoveries()
    assert found.copy == copy and found.original == map_file
    assert load(found.copy).meta.title == "Work of the other window"


def test_discarding_never_deletes_a_live_instances_copy(map_file, other_process):
    process, copy_name = other_process(AUTOSAVING, map_file)
    copy = recovery_dir() / copy_name.rsplit("/", 1)[-1]
    Recovery(copy, map_file, "", datetime.now(UTC)).discard()  # as if listed just before it came back
    assert copy.exists() and copy.with_suffix(".json").exists()
    process.kill()
    process.wait(timeout=30)
    (found,) = pending_recoveries()
    found.discard()
    assert not copy.exists() and pending_recoveries() == []


def test_opening_a_file_open_in_another_instance_offers_read_only(qtbot, tmp_path, map_file, other_process,
                                                                   boxes, monkeypatch):
    other_process(HOLDING_OPEN, map_file)
    start = mw.MainWindow(load(templates_dir() / "blank.en.cjm"))
    qtbot.addWidget(start)
    assert start.files.open_path(map_file) is None  # the cautious answer: Cancel
    assert "already open" in boxes.texts[0] and str(map_file) in boxes.texts[0]

    boxes.answers.append("Open read-only")
    window = start.files.open_path(map_file)
    assert window.files.read_only and "read-only" in window.windowTitle()
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": "Mine"}})
    before = map_file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(map_file), ""))
    assert not window.files.save()  # offered Save As, and refused over the file itself
    assert map_file.read_bytes() == before
    elsewhere = tmp_path / "mine.cjm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    assert window.files.save()
    assert load(elsewhere).meta.title == "Mine" and map_file.read_bytes() == before
    assert not window.files.read_only and window.session.path == elsewhere


def test_open_anyway_opens_the_file_for_editing(qtbot, map_file, other_process, boxes):
    other_process(HOLDING_OPEN, map_file)
    start = mw.MainWindow(load(templates_dir() / "blank.en.cjm"))
    qtbot.addWidget(start)
    boxes.answers.append("Open anyway")
    window = start.files.open_path(map_file)
    assert not window.files.read_only and window.session.path == map_file
    assert boxes.shown[0].icon() == QMessageBox.Icon.Warning


def test_a_window_tells_other_instances_it_has_the_file_open(qtbot, map_file):
    def seen_open_by_another_process():
        script = "import sys; from pathlib import Path; from cjm_designer.ui.open_files import open_elsewhere; " \
                 "print(open_elsewhere(Path(sys.argv[1])))"
        done = subprocess.run([sys.executable, "-c", script, str(map_file)], capture_output=True, text=True,
                              timeout=60)
        return done.stdout.strip()

    window = mw.MainWindow(load(map_file), map_file)
    qtbot.addWidget(window)
    again = mw.MainWindow(load(map_file), map_file)  # a second window of this process shares the note
    qtbot.addWidget(again)
    assert seen_open_by_another_process() == "True"
    window.close()
    assert seen_open_by_another_process() == "True"
    again.close()
    assert seen_open_by_another_process() == "False"
