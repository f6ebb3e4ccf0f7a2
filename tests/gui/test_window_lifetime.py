"""A closed main window is freed: its scene, session, undo history and map do not stay in memory for the rest
of the program (a facilitator opens and closes many maps in a day), and nothing of it is left to Python's cyclic
collector while its Qt side lives (the double free of undo commands, tests/gui/test_scene_teardown.py).

Each check runs in a child Python, as the teardown tests do: a crash fails that test instead of ending the
suite, and glibc's MALLOC_CHECK_ aborts at the first double free rather than somewhere later."""

import subprocess
import textwrap

from tests.gui.child_python import run_in_child

START = """
import gc
import weakref
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
from cjm_designer.model.synthetic import generate_map
from cjm_designer.ui import document_files
from cjm_designer.ui.main_window import MainWindow

def opened(cards=200, every_dock=True):
    '''A window with undo commands on its stack (a card deleted, the delete undone), a card selected; with
    `every_dock`, every dock made and every card selected.'''
    window = MainWindow(generate_map(cards), remember_layout=False)
    window.show()
    app.processEvents()
    window.scene.select_cards([next(iter(window.scene.card_items))])
    window.scene.operations.delete()
    window.session.undo_stack.undo()
    window.scene.select_cards([window.session.doc.cards[0].id])
    if every_dock:
        for name in ("personas", "history", "analytics", "inbox", "votes", "comments"):
            window._named(name).content()
        window.scene.operations.select_all()
    return window

def watched(window):
    return [weakref.ref(o) for o in (window, window.scene, window.session, window.files, window.view)]

def settle():
    '''The events under way done, the deleted deleted, the collector run: what is left is held.'''
    for _ in range(3):
        app.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()

def alive(refs):
    return [type(o).__name__ for o in (r() for r in refs) if o is not None]
"""


def _run(code: str) -> subprocess.CompletedProcess:
    return run_in_child(textwrap.dedent(START) + textwrap.dedent(code))


def test_a_closed_window_its_scene_and_session_are_freed_and_one_kept_open_is_not():
    """Closing asks about unsaved changes: Cancel keeps the window whole (and held), Don't save closes it, and
    then nothing holds the window, its scene, session, file side or view, the cards it copied to the
    clipboard notwithstanding. A second close of a closed window (shown or never shown) asks nothing and ends
    nothing twice."""
    _run("""
        answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
        asked = []
        QMessageBox.exec = lambda box: asked.append(box.text()) or int(answers.pop(0))
        window = opened()
        assert window.scene.operations.copy()  # cards on the clipboard, which outlives the window
        window.scene.operations.delete()  # unsaved
        refs = watched(window)
        assert not window.close() and len(asked) == 1
        settle()
        assert window.isVisible() and window in document_files.WINDOWS and window.scene.layout is not None
        assert window.close() and len(asked) == 2
        assert window not in document_files.WINDOWS
        assert window.close() and len(asked) == 2  # closed already: nothing asked, nothing ended again
        del window
        settle()
        assert alive(refs) == [], alive(refs)
        other = opened()
        refs = watched(other)
        other.session.undo_stack.setClean()
        assert other.close()
        del other
        settle()
        assert alive(refs) == [], alive(refs)
        never_shown = MainWindow(generate_map(20), remember_layout=False)  # Qt sends its close each time
        refs = watched(never_shown)
        assert never_shown.close() and never_shown.close()
        del never_shown
        settle()
        assert alive(refs) == [], alive(refs)
        QApplication.clipboard().clear()  # a process that ends with cards on it crashes on Qt's offscreen platform
    """)


def test_a_title_typed_in_the_inspector_as_the_window_closes_is_kept_and_asked_about():
    """The Inspector commits a field as it loses the focus: closing the window takes the focus first, while the
    map is whole, so the typed title is one more unsaved change to ask about, not a commit into a scene ended."""
    _run("""
        asked = []
        QMessageBox.exec = lambda box: asked.append(box.text()) or int(QMessageBox.StandardButton.Cancel)
        window = opened(every_dock=False)
        window.session.undo_stack.setClean()
        from PySide6.QtTest import QTest
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window)  # the field has the focus, as the user's
        card = window.session.doc.cards[0]
        window.scene.select_cards([card.id])
        app.processEvents()
        editor = window.inspector.editors["title"]
        editor.setFocus()
        editor.selectAll()
        editor.insert("Typed as the window closed")  # as keys type it: not committed yet
        assert card.title != "Typed as the window closed"
        assert not window.close() and len(asked) == 1, asked
        assert card.title == "Typed as the window closed" and window.isVisible()
        QMessageBox.exec = lambda box: int(QMessageBox.StandardButton.Discard)
        refs = watched(window)
        assert window.close()
        del window, editor
        settle()
        assert alive(refs) == [], alive(refs)
    """)


def test_the_window_made_as_the_program_starts_is_freed_though_the_start_froze_its_objects():
    """The start freezes what it made out of the collector's generations (app.kept_from_the_collector): the
    first window's objects are given back to the collector as it closes."""
    _run("""
        from cjm_designer.app import kept_from_the_collector
        with kept_from_the_collector():
            window = opened()
        refs = watched(window)
        window.session.undo_stack.setClean()
        assert window.close()
        del window
        settle()
        assert alive(refs) == [], alive(refs)
    """)


def test_ten_windows_on_a_big_map_opened_and_closed_leave_the_memory_as_it_was():
    """A 2,000-card map opened and closed ten times in one program. Each window on it holds about 14 MB (the
    resident size grew by 13-15 MB per window kept before closed windows were freed). The first two cycles
    warm up what the program keeps for good (fonts, icons, lazily imported modules, the allocator's arenas),
    so the growth is counted from after them: eight more windows together may add less than one kept window
    would (10 MB; about 1 MB is measured), which leaves the allocator room to keep some freed pages without
    hiding one window's worth kept."""
    done = _run("""
        def rss_mb():
            with open("/proc/self/status") as status:
                return int(status.read().split("VmRSS:")[1].split()[0]) / 1024

        sizes = []
        for _ in range(10):
            window = opened(2000, every_dock=False)
            refs = watched(window)
            window.session.undo_stack.setClean()
            window.close()
            del window
            settle()
            assert alive(refs) == [], alive(refs)
            sizes.append(rss_mb())
        print("rss after each close (MB):", " ".join(f"{size:.0f}" for size in sizes))
        assert sizes[-1] - sizes[1] < 10, sizes
    """)
    print(done.stdout)


def test_closing_the_window_with_the_room_running_stops_its_server_and_frees_both(tmp_path):
    """The room's server listens for the window's map: the window closing closes it, and the room goes
    with the window."""
    map_file = tmp_path / "room.cjm"
    _run(f"""
        import socket
        from pathlib import Path
        from cjm_designer.io import dumps
        path = Path({str(map_file)!r})
        path.write_bytes(dumps(generate_map(50)))
        from cjm_designer.io import load
        window = MainWindow(load(path), path, remember_layout=False)
        window.show()
        window.settings.set_value("workshop/host", "127.0.0.1")  # loopback, not the LAN
        try:
            window.invite_participants()
            room = weakref.ref(window.workshop.room)
            port = window.workshop.room.server.port
            with socket.socket() as probe:
                assert probe.connect_ex(("127.0.0.1", port)) == 0
            refs = watched(window) + [room, weakref.ref(window.workshop)]
            assert window.close()
            with socket.socket() as probe:
                assert probe.connect_ex(("127.0.0.1", port)) != 0, "the room still listens"
            del window
            settle()
            assert alive(refs) == [], alive(refs)
        finally:
            from cjm_designer.ui.settings import Settings
            Settings().set_value("workshop/host", "")
    """)


def test_a_compare_window_and_a_presentation_are_freed_with_their_closing():
    """A comparison closed by itself is freed, the map's window staying; one still open when its map's window
    closes closes with it. A window closed while presenting is freed with its presentation."""
    _run("""
        from cjm_designer.model.compare import compare
        from cjm_designer.ui.compare_window import CompareWindow
        window = opened()
        before = window.session.doc.model_copy(deep=True)
        before.cards = before.cards[1:]
        compared = CompareWindow(compare(before, window.session.doc.model_copy(deep=True)), ("a", "b"), window)
        compared.show()
        refs = [weakref.ref(compared), weakref.ref(compared.scene), weakref.ref(compared.scene.session)]
        compared.close()
        del compared
        settle()
        assert alive(refs) == [], alive(refs)
        assert window.isVisible() and window.scene.layout is not None
        kept = CompareWindow(compare(before, window.session.doc.model_copy(deep=True)), ("a", "b"), window)
        kept.show()
        refs = watched(window) + [weakref.ref(kept), weakref.ref(kept.scene)]
        window.presentation.enter(full_screen=False)
        assert window.presentation.active
        refs.append(weakref.ref(window.presentation))
        window.session.undo_stack.setClean()
        assert window.close()
        del window, kept
        settle()
        assert alive(refs) == [], alive(refs)
    """)
