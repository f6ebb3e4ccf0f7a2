"""One writer per map: `cjm-designer workshop FILE` takes the lock a window takes on the files it opens
(io/file_locks.py), so it refuses a file a window has open, and a window opening the file while the
headless room runs is offered it read-only, the room named."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from cjm_designer.cli import main
from cjm_designer.io import load, save
from cjm_designer.io.file_locks import ROOM, Lock, lock_owner, open_map_lock
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.open_files import note_closed, note_open, open_elsewhere

from .rooms import workshop_map

WINDOW_HAS_IT = "is open in a CJM Designer window; close it or start the room from that window"
HOLDING_OPEN = textwrap.dedent("""
    import sys
    from pathlib import Path
    from cjm_designer.ui.open_files import note_open

    note_open(Path(sys.argv[1]), object())
    print("open", flush=True)
    sys.stdin.read()
""")


@pytest.fixture
def map_file(tmp_path) -> Path:
    path = tmp_path / "workshop.cjm"
    save(workshop_map(), path)
    return path


@pytest.fixture
def processes():
    """Starts processes that stop at the end of the test, however it ends."""
    started = []

    def start(*arguments: str) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()
        process.communicate(timeout=10)


def headless_room(processes, path: Path) -> subprocess.Popen:
    room = processes("-m", "cjm_designer", "workshop", str(path), "--host", "127.0.0.1")
    assert room.stdout.readline().startswith("http://127.0.0.1:")
    return room


def test_the_command_refuses_a_file_a_window_of_another_process_has_open(map_file, processes, capsys):
    window = processes("-c", HOLDING_OPEN, str(map_file))
    assert window.stdout.readline() == "open\n"
    before = map_file.read_bytes()
    assert main(["workshop", str(map_file), "--host", "127.0.0.1"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"{map_file}: {WINDOW_HAS_IT}\n"
    assert map_file.read_bytes() == before
    assert lock_owner(open_map_lock(map_file)) == (window.pid, "")  # the window's lock, left alone


def test_the_command_refuses_a_file_a_window_of_this_process_has_open(map_file):
    window = object()
    note_open(map_file, window)  # as a window notes the file it opens
    try:
        done = subprocess.run([sys.executable, "-m", "cjm_designer", "workshop", str(map_file), "--host", "127.0.0.1"],
                              capture_output=True, text=True, timeout=60)
    finally:
        note_closed(map_file, window)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"{map_file}: {WINDOW_HAS_IT}\n")


def test_the_room_holds_the_file_while_it_runs_and_a_second_room_is_refused(map_file, processes, capsys):
    room = headless_room(processes, map_file)
    assert open_elsewhere(map_file)
    assert lock_owner(open_map_lock(map_file)) == (room.pid, ROOM)
    assert main(["workshop", str(map_file), "--host", "127.0.0.1"]) == 1
    assert capsys.readouterr().err == \
        f"{map_file}: has a workshop room open already (cjm-designer workshop); stop that one first\n"
    room.send_signal(signal.SIGTERM)
    assert room.wait(timeout=10) == 0
    assert not open_elsewhere(map_file) and not open_map_lock(map_file).exists()


def test_a_window_opening_the_rooms_file_is_offered_it_read_only_naming_the_room(map_file, processes, qtbot,
                                                                                  monkeypatch):
    shown = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        read_only = next(b for b in box.buttons() if b.text() == "Open read-only")
        read_only.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    room = headless_room(processes, map_file)
    start = mw.MainWindow(load(map_file).model_copy(deep=True), None, remember_layout=False)
    qtbot.addWidget(start)
    window = start.files.open_path(map_file)
    try:
        assert window.files.read_only
        assert shown == [f"{map_file} is already open in a workshop room started from the command line "
                         f"(process {room.pid}). If both save it, one overwrites the other's work."]
    finally:
        for opened in {start, window}:
            opened.session.undo_stack.setClean()
            opened.close()
            if opened in mw.WINDOWS:
                mw.WINDOWS.remove(opened)


def test_a_lock_that_cannot_be_taken_for_want_of_a_state_folder_does_not_stop_the_room(map_file, monkeypatch):
    from cjm_designer.room.file_room import take_file

    state = map_file.parent / "state"
    state.write_text("a file where the state folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    assert take_file(map_file) is None


def test_a_lock_notes_its_owner_and_what_holds_it(tmp_path):
    lock = Lock(tmp_path / "x.lock", note=ROOM)
    assert lock.acquire()
    try:
        assert lock_owner(lock.path) == (os.getpid(), ROOM)
        assert not Lock(tmp_path / "x.lock").acquire()  # another descriptor, as another process would be
    finally:
        lock.release(remove=True)
    assert not lock.path.exists() and lock_owner(lock.path) == (None, "")
