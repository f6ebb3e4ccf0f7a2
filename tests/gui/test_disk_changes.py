"""A map's file changed on disk by another program while its window is open: nothing is overwritten
unasked; an unmodified window follows the file; a deleted file is written again by the next save."""

import os

import pytest
from PySide6.QtWidgets import QFileDialog

from cjm_designer.io import dumps, load
from cjm_designer.io.atomic import backup_path
from cjm_designer.io.disk_state import load_with_state
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui import main_window as mw


@pytest.fixture(autouse=True)
def closed_windows():
    yield
    for window in list(mw.WINDOWS):
        window.session.undo_stack.setClean()
        window.close()


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "three-stages.ru.cjm").read_bytes())
    return path


def opened(qtbot, path):
    doc, state = load_with_state(path)
    window = mw.MainWindow(doc, path, disk_state=state)
    qtbot.addWidget(window)
    window.show()
    return window


def retitle(window, title):
    assert window.scene.edits.set_fields(ElementKind.META, {"": {"title": title}})


def theirs(path, title="Theirs", atomically=False) -> bytes:
    """Another program writes the map with another title: in place, or by renaming a new file over it."""
    doc = load(path)
    data = dumps(doc.model_copy(update={"meta": doc.meta.model_copy(update={"title": title})}))
    if atomically:
        temp = path.with_name(".other-program.tmp")
        temp.write_bytes(data)
        os.replace(temp, path)
    else:
        path.write_bytes(data)
    return data


def dated_copies(path):
    return sorted(path.parent.glob("map (changed on disk *).cjm"))


def test_saving_over_a_file_changed_on_disk_asks_and_keep_mine_keeps_theirs_beside(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    their_bytes = theirs(map_file)  # no events processed: only the check before saving can see it
    boxes.answers.append("Keep mine")
    assert window.files.save()
    assert "changed by another program" in boxes.texts[0]
    assert load(map_file).meta.title == "Mine"
    (copy,) = dated_copies(map_file)
    assert copy.read_bytes() == their_bytes and backup_path(map_file).read_bytes() == their_bytes
    retitle(window, "Mine again")
    assert window.files.save()  # the backup now holds the first of mine; theirs is still beside
    assert len(boxes.shown) == 1
    assert load(backup_path(map_file)).meta.title == "Mine" and copy.read_bytes() == their_bytes


def test_reload_theirs_drops_mine_and_shows_theirs(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    their_bytes = theirs(map_file)
    boxes.answers.append("Reload theirs")
    assert not window.files.save()
    assert map_file.read_bytes() == their_bytes and dated_copies(map_file) == []
    (reloaded,) = mw.WINDOWS
    assert reloaded is not window and reloaded.session.doc.meta.title == "Theirs" and not reloaded.files.modified()
    assert reloaded.session.path == map_file and reloaded.files.save()  # known as it is now: no question
    assert len(boxes.shown) == 1


def test_save_mine_as_a_new_file_leaves_theirs(qtbot, tmp_path, map_file, boxes, monkeypatch):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    their_bytes = theirs(map_file)
    elsewhere = tmp_path / "mine.cjm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    boxes.answers.append("Save mine as…")
    assert window.files.save()
    assert map_file.read_bytes() == their_bytes and load(elsewhere).meta.title == "Mine"
    assert window.session.path == elsewhere and not window.files.modified()


def test_cancel_saves_nothing_and_the_next_save_asks_again(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    their_bytes = theirs(map_file)
    assert not window.files.save()  # the cautious answer: Cancel
    assert map_file.read_bytes() == their_bytes and window.files.modified()
    boxes.answers.append("Keep mine")
    assert window.files.save() and len(boxes.shown) == 2
    assert load(map_file).meta.title == "Mine"


def test_a_file_touched_or_rewritten_with_the_same_bytes_is_not_a_change(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    map_file.write_bytes(map_file.read_bytes())
    os.utime(map_file, ns=(1, 1))
    assert window.files.save() and boxes.shown == []


def test_an_unmodified_window_follows_the_file_quietly(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    window.view.set_zoom(0.5)
    theirs(map_file, atomically=True)  # a new file renamed over the watched one
    qtbot.waitUntil(lambda: mw.WINDOWS and mw.WINDOWS[-1].session.doc.meta.title == "Theirs", timeout=5000)
    reloaded = mw.WINDOWS[-1]
    assert mw.WINDOWS == [reloaded] and boxes.shown == [] and not reloaded.files.modified()
    assert "another program changed it" in reloaded.statusBar().currentMessage()
    assert reloaded.view.zoom() == pytest.approx(0.5)
    theirs(map_file, "Theirs again", atomically=True)  # the watcher is armed on the new file too
    qtbot.waitUntil(lambda: mw.WINDOWS[-1].session.doc.meta.title == "Theirs again", timeout=5000)


def test_a_modified_window_asks_when_the_file_changes(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    their_bytes = theirs(map_file)
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=5000)  # answered Cancel
    assert map_file.read_bytes() == their_bytes and mw.WINDOWS == [window] and window.files.modified()
    qtbot.wait(600)
    assert len(boxes.shown) == 1  # not asked again about the same change


def test_the_windows_own_saves_are_not_changes(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    retitle(window, "Mine")
    assert window.files.save()
    qtbot.wait(600)
    assert boxes.shown == [] and mw.WINDOWS == [window]


def test_a_file_deleted_on_disk_is_written_again_by_the_next_save(qtbot, map_file, boxes):
    window = opened(qtbot, map_file)
    map_file.unlink()
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=5000)
    assert "deleted" in boxes.texts[0] and window.files.modified() and window.isWindowModified()
    assert window.files.save() and len(boxes.shown) == 1
    assert load(map_file).meta.title == window.session.doc.meta.title
