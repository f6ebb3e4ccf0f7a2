"""No map or template text is ever read as markup, and no bidi control reorders what is shown.

A map whose every text field holds `<b>bold</b><img src=SENTINEL>` and a right-to-left override is
opened with every dock, the template gallery, the tooltips and the questions that quote it; the
sentinel file must never be opened (Linux inotify sees every open and read of it), no label may
show such text as rich text, and every tooltip quoting it must be escaped.
"""

import ctypes
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QToolTip, QWidget

from cjm_designer.io import load, save
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, LaneKind, Link, Persona, Stage
from cjm_designer.model.analytics import analyse
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.templates import save_user_template
from cjm_designer.ui.dialogs import Preferences
from cjm_designer.ui.settings import Settings
from cjm_designer.ui.template_gallery import TemplateGallery

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")

RLO = "\u202e"


class FileWatch:
    """Whether anything opened or read a file since the last look: a non-blocking inotify watch."""

    IN_ACCESS, IN_OPEN, IN_NONBLOCK, IN_CLOEXEC = 0x1, 0x20, 0o4000, 0o2000000

    def __init__(self, path: Path):
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(self.IN_NONBLOCK | self.IN_CLOEXEC)
        assert self.fd >= 0, os.strerror(ctypes.get_errno())
        watch = libc.inotify_add_watch(self.fd, os.fsencode(path), self.IN_OPEN | self.IN_ACCESS)
        assert watch >= 0, os.strerror(ctypes.get_errno())

    def touched(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def sentinel():
    """An image file in a short path (a 60-character field must hold an `<img>` naming it), watched."""
    folder = Path(tempfile.mkdtemp(prefix="s"))
    path = folder / "i.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    watch = FileWatch(path)
    yield path, watch
    watch.close()
    path.unlink()
    folder.rmdir()


def hostile(path: Path, limit: int = 200) -> str:
    text = f"M<b>b</b><img src={path}>{RLO}gnp.exe"
    assert len(text) <= limit
    return text


def hostile_map(path: Path) -> JourneyMap:
    """Every text field marked up; the funnel's largest drop on the first stage, which quotes it."""
    long, short = hostile(path), hostile(path, 60)
    doc = JourneyMap()
    doc.meta.title, doc.meta.description, doc.meta.author = long, long, long
    doc.add_persona(Persona(id="p", name=long, gender=short, geography=long, occupation=long, habits=long,
                            interests=long, goals=long, pains=long, quote=long))
    kpi = Kpi(name=long, target=10, actual=1, unit=short)
    for i, entering in enumerate((1000, 10, 9)):
        doc.add_stage(Stage(id=f"s{i}", name=f"{long} {i}", goal=long, questions=[long], business=[long],
                            entering=entering, kpi=kpi))
    doc.add_lane(Lane(id="l", name=long, kind=LaneKind.BUYER_ACTIONS))
    for card_id in "ab":
        doc.add_card(Card(id=card_id, stage="s0", lane="l", title=long, text=long, channel=short, owner=short,
                          pain=True, kpi=kpi, tags=[short], note=long))
    doc.add_link(Link(id="k", source="a", target="b", label=long))
    assert analyse(doc).funnel.largest_drop == "s0"
    return doc


def test_the_watch_sees_the_file_opened(sentinel):
    path, watch = sentinel
    assert not watch.touched()
    path.read_bytes()
    assert watch.touched() and not watch.touched()


def test_no_map_or_template_text_is_read_as_markup_anywhere(open_window, sentinel, user_folder, boxes, qtbot):
    path, watch = sentinel
    doc = hostile_map(path)
    template = load(templates_dir() / "blank.en.cjm")
    template.meta.description = hostile(path)
    save_user_template(template, hostile(path))
    window = open_window(doc)
    qtbot.waitExposed(window)
    scene = window.scene
    for dock in window.docks:
        dock.show()
        dock.raise_()
        settle()
        if dock.objectName() == "dock-inspector":
            for item in (scene.card_items["a"], scene.stage_items["s0"], scene.lane_items["l"],
                         scene.link_items["k"]):
                scene.clearSelection()
                item.setSelected(True)
                settle()
    assert window.scene.edits.set_fields(ElementKind.CARD, {"b": {"title": hostile(path) + "!"}})
    window.analyse_bar.choose_filter("tag", hostile(path, 60))
    gallery = TemplateGallery(window)
    qtbot.addWidget(gallery)
    gallery.show()
    gallery.user_list.setCurrentRow(0)
    gallery.delete_selected()  # answered No
    preferences = Preferences(Settings(), window)  # offers the user's templates for new maps
    qtbot.addWidget(preferences)
    preferences.show()
    settle()

    marked = [w for w in QApplication.allWidgets() if isinstance(w, QLabel) and str(path) in w.text()]
    assert marked, "the funnel sentence quotes the stage"
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in marked)
    assert not any(RLO in label.text() for label in QApplication.allWidgets() if isinstance(label, QLabel))
    assert boxes.shown and all(box.textFormat() == Qt.TextFormat.PlainText for box in boxes.shown)
    shown, tips = shown_texts()
    assert sum("[U+202E]gnp.exe" in text for text in shown) > 10 and not any(RLO in text for text in shown)
    quoting = [tip for tip in tips if str(path) in tip]
    assert quoting, "the gallery's tooltip quotes the template's description"
    assert all("&lt;img src=" in tip and "<img" not in tip for tip in quoting)
    for tip in quoting:  # shown for real: a tooltip is rich text when Qt thinks it looks like it
        QToolTip.showText(window.mapToGlobal(QPoint(10, 10)), tip, window)
        settle()
    QToolTip.hideText()
    assert not watch.touched(), "the sentinel named by an <img> in the map was opened"


def test_a_refused_title_quoted_by_the_cannot_open_message_is_plain_text(open_window, sentinel, boxes, tmp_path):
    """The loader quotes the refused value; opened through File → Open or a drop, its box once
    rendered it as HTML (and `<img src=/dev/zero>` aborted the process)."""
    path, watch = sentinel
    good = load(templates_dir() / "blank.en.cjm")
    window = open_window(good)
    bad = tmp_path / "bad.cjm"
    save(good, bad)
    text = bad.read_text("utf-8").replace('"title": "', f'"title": "<img src={path}>' + "x" * 600, 1)
    bad.write_text(text, "utf-8")
    assert window.files.open_path(bad) is None
    (box,) = boxes.shown
    assert box.textFormat() == Qt.TextFormat.PlainText and f"<img src={path}>"[:30] in box.text()
    box.show()  # drawn for real, as the user sees it
    settle()
    box.close()
    assert not watch.touched()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def shown_texts() -> tuple[list[str], list[str]]:
    """The text of every item of every list, tree, table and combo box, and every tooltip there is."""
    shown, tips = [], []
    for widget in QApplication.allWidgets():
        tips.append(widget.toolTip())
        tips += [action.toolTip() for action in widget.actions()]
        model = widget.model() if isinstance(widget, (QAbstractItemView, QComboBox)) else None
        if model is None:
            continue
        root = QModelIndex()
        for row in range(model.rowCount(root)):
            for column in range(1 if isinstance(model, QAbstractListModel) else model.columnCount(root)):
                index = model.index(row, column, root)
                shown.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
                tips.append(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        if isinstance(widget, QWidget) and widget.windowTitle():
            shown.append(widget.windowTitle())
    return shown, [tip for tip in tips if tip]


ADDRESS_SPACE = 3 << 30  # the child fails fast when something reads without end, not by the OOM killer


def test_an_img_of_dev_zero_on_the_largest_drop_does_not_crash_the_window(tmp_path):
    """Qt reading `/dev/zero` as an image aborts the process: run the window in a child process."""
    doc = load(templates_dir() / "five-stages.en.cjm")
    doc.stage(analyse(doc).funnel.largest_drop).name = "<img src=/dev/zero>"
    path = tmp_path / "zero.cjm"
    save(doc, path)
    script = textwrap.dedent(f"""
        from PySide6.QtWidgets import QApplication
        from cjm_designer.io import load, save
        from cjm_designer.ui.main_window import MainWindow
        app = QApplication([])
        window = MainWindow(load({str(path)!r}), None)
        window.show()
        dock = next(d for d in window.docks if d.objectName() == "dock-analytics")
        dock.show()
        dock.raise_()
        for _ in range(5):
            app.processEvents()
        window.grab().save({str(tmp_path / "shot.png")!r})
        print(window.analytics.funnel_note.text())
        window.session.undo_stack.setClean()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(tmp_path / variable.lower())
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE)))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "“<img src=/dev/zero>”" in result.stdout and (tmp_path / "shot.png").is_file()
