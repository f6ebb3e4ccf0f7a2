"""Start-up loads only what the window's first frame needs: the exporters and their libraries load
when File → Export is first used, the dialogs when first opened, the docks tabbed behind the
Inspector when first shown. What the start makes is kept from the cyclic garbage collector."""

import gc
import os
import subprocess
import sys

from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.ui.main_window import MainWindow

NOT_AT_START = (
    "reportlab",  # the PDF library (its platypus, graphics and font machinery)
    "svglib",  # SVG icons for the PDF
    "PIL",  # images for reportlab
    "cjm_designer.export",  # the PDF, PNG and SVG exporters
    "cjm_designer.ui.export_dialog",
    "cjm_designer.ui.dialogs",  # Preferences, Keyboard shortcuts, About
    "cjm_designer.ui.template_gallery",  # File → New
    "cjm_designer.ui.personas",  # the Personas dock, a tab behind the Inspector
    "cjm_designer.ui.analytics_panel",  # the Analytics dock, likewise
    "cjm_designer.ui.history",  # the History dock (snapshots and undo steps), likewise
    "cjm_designer.ui.snapshot_dialog",  # File → Save Snapshot
    "cjm_designer.ui.import_metrics_dialog",  # Map → Import figures…
    "cjm_designer.io.metrics_report",  # its reader of Метрика and GA4 reports
    "cjm_designer.ui.presentation",  # presentation mode (F5), made on first use
    "cjm_designer.map_export",  # --screenshot needs it only to refuse writing over the map it shows
    "html",  # escaping tooltips: none is shown in the first frame
    "aiohttp",  # the workshop room's server, started by Workshop → Invite participants
    "cjm_designer.room",
    "cjm_designer.ui.workshop",  # Workshop → Invite participants: the room in the window
    "segno",  # its QR code
    "cjm_designer.ui.inbox",  # the Inbox dock, a tab behind the Inspector
    "cjm_designer.ui.variants_table",  # a card's A/B variants in the Inspector, made when a card is first shown
    "cjm_designer.ui.conflicts",  # Map → Conflicts (the status bar's notice is ui/conflicts_notice.py)
    "cjm_designer.ui.file_names",  # Save As and Open: the file name a title gives, the Documents folder
    "cjm_designer.canvas.card_drag",  # the drags on the canvas, loaded by their first press
    "cjm_designer.canvas.header_drag",
    "cjm_designer.canvas.link_connect",
    "cjm_designer.canvas.emotion_drag",
    "cjm_designer.canvas.text_edits",  # typing on the canvas, and its editor
    "cjm_designer.canvas.inline_editor",
    "cjm_designer.canvas.insertion",
    "cjm_designer.canvas.menus",  # the context menus
    "cjm_designer.canvas.autoscroll",  # scrolling near the edges during drags
    "cjm_designer.canvas.persona_photo",  # the title's photo, for a map whose persona has one
    "cjm_designer.canvas.conflict_marks",  # a merge's conflicts on the canvas, for a map with any
    "cjm_designer.ui.colour_field",  # a stage's or lane's colour in the Inspector; the map's fields have none
)

OPEN_AND_LIST = """
import sys
from cjm_designer.cli import main
code = main([sys.argv[1], "--screenshot", sys.argv[2]])
names = sys.argv[3:]
print(code, sorted(m for m in sys.modules if m in names or m.startswith(tuple(name + "." for name in names))))
"""


def test_opening_a_map_in_the_window_loads_no_exporter(tmp_path):
    """The whole start, from the command line to the window painted and grabbed, in a fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    shot = tmp_path / "window.png"
    done = subprocess.run([sys.executable, "-c", OPEN_AND_LIST, str(templates_dir() / "window-installation.en.cjm"),
                           str(shot), *NOT_AT_START], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "0" and shot.stat().st_size > 10_000  # the window was painted
    assert done.stdout.strip().endswith(" []"), done.stdout


UNUSED_QT_CLASSES = (
    "QtWidgets.QMdiSubWindow", "QtWidgets.QCalendarWidget", "QtWidgets.QWizard", "QtWidgets.QFileDialog",
    "QtWidgets.QTabWidget", "QtWidgets.QTableWidget",  # a widget class Qt made would make these (below)
    "QtGui.QLinearGradient",  # the heat map's legend and a pinned band's shadow: neither is in the first frame
    "QtGui.QTextCursor",  # typing on the canvas
    "QtGui.QDesktopServices", "QtCore.QUrl",  # the export notice's "Show in folder"
    "QtCore.QStandardPaths",  # the Documents folder, for Save As and Open
    "QtWidgets.QColorDialog", "QtWidgets.QGridLayout",  # a colour swatch's menu
    "QtWidgets.QMessageBox", "QtWidgets.QDialog",  # a question or a warning (ui/messages.py)
    "QtWidgets.QGraphicsTextItem",  # typing on the canvas
    "QtCore.QElapsedTimer",  # scrolling near the edges during drags
    "QtGui.QImageReader",  # decoding a persona's photo
)

QT_CLASSES_MADE = """
import sys
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from cjm_designer.cli import main
code = main([sys.argv[1], "--screenshot", sys.argv[2]])
made = [name for name in sys.argv[3:] if name.split(".")[1] in vars(sys.modules["PySide6." + name.split(".")[0]])]
print(code, made)
"""


def test_the_start_makes_no_qt_class_the_first_frame_does_not_use(tmp_path):
    """PySide makes each Qt class, with its enums, when first used (from-imported at the top of a module,
    too): the classes only a later gesture needs are imported where it uses them. Handed a widget Qt
    made (a scroll area's own viewport), PySide would make every widget class to find the widget's (some
    40 classes, 5-7 ms): the views are given viewports made in Python (`canvas.view.own_viewport`)."""
    shot, path = tmp_path / "window.png", templates_dir() / "window-installation.en.cjm"
    done = subprocess.run([sys.executable, "-c", QT_CLASSES_MADE, str(path), str(shot), *UNUSED_QT_CLASSES],
                          capture_output=True, text=True, env=_start_env(tmp_path), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []", done.stdout


COLLECTIONS_DURING_START = """
import gc, sys
from cjm_designer.cli import main
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
code = main([sys.argv[1], "--screenshot", sys.argv[2]])
print(code, collections)
"""


def test_a_big_map_is_read_made_and_painted_without_a_collection(tmp_path):
    """Reading a map of 4,000 cards makes more objects than the collector's young-generation limit:
    read inside the start's collector pause and frozen with the window, they set off no collection
    (one would walk every object the reading made) between the command and the painted window."""
    from cjm_designer.io import save
    from cjm_designer.model.synthetic import generate_map

    path, shot = tmp_path / "big.cjm", tmp_path / "window.png"
    save(generate_map(4000), path)
    done = subprocess.run([sys.executable, "-c", COLLECTIONS_DURING_START, str(path), str(shot)],
                          capture_output=True, text=True, env=_start_env(tmp_path), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"
    assert shot.stat().st_size > 10_000


def _start_env(tmp_path) -> dict:
    """Offscreen, with the user's folders in `tmp_path`: default preferences and nothing to recover."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


def test_the_program_run_as_a_module_paints_and_ends_cleanly(tmp_path):
    """`python -m cjm_designer` freezes its objects before it ends (no last collection to walk them):
    the process still ends as it should, with the window written."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    shot = tmp_path / "window.png"
    done = subprocess.run([sys.executable, "-m", "cjm_designer", str(templates_dir() / "live-chat.en.cjm"),
                           "--screenshot", str(shot)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


def test_a_screenshot_leaves_the_collector_as_it_found_it(qtbot, tmp_path):
    """The start pauses the collector and freezes what it made (see `app.run`); a caller in the same
    process, as these tests are, gets it back running with nothing frozen."""
    from cjm_designer import app

    shot = tmp_path / "window.png"
    assert app.run(load(templates_dir() / "window-installation.en.cjm"), None, "map.cjm", shot) == 0
    assert shot.stat().st_size > 10_000
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_file_export_loads_the_export_dialog_on_first_use(qtbot, monkeypatch):
    from cjm_designer.ui.export_dialog import ExportDialog

    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    window = MainWindow(load(templates_dir() / "window-installation.en.cjm"))
    qtbot.addWidget(window)
    window.export_action.trigger()
    assert len(shown) == 1
    assert shown[0].doc is window.session.doc and shown[0].parent() is window


def test_the_first_frame_sets_no_style_sheet(qtbot):
    """A style sheet costs the start about 1 ms each (Qt makes a style for the widget): the window's first
    frame sets its bold heading by font; the conflicts notice takes its style when first shown."""
    from PySide6.QtWidgets import QWidget

    window = MainWindow(load(templates_dir() / "window-installation.en.cjm"))
    qtbot.addWidget(window)
    assert [type(widget).__name__ for widget in window.findChildren(QWidget) if widget.styleSheet()] == []
    assert window.inspector.heading.font().bold()
