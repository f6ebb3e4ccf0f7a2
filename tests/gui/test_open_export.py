"""File → Open of a PDF, PNG or SVG that CJM Designer exported: the map it carries opens as a new
untitled map (never saved back into the picture), and a picture changed after export says so."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from cjm_designer.io import dumps, load
from cjm_designer.map_export import PngOptions, export_map
from cjm_designer.paths import templates_dir
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.main_window import MainWindow

MAP = templates_dir() / "three-stages.ru.cjm"


@pytest.fixture
def start(qtbot):
    window = MainWindow(load(templates_dir() / "blank.en.cjm"))
    qtbot.addWidget(window)
    window.show()
    yield window
    for other in list(mw.WINDOWS):
        other.session.undo_stack.setClean()
        other.close()


def test_opening_an_exported_png_gives_the_map_untitled(start, tmp_path, boxes, monkeypatch):
    doc = load(MAP)
    picture = tmp_path / "карта.png"
    export_map(doc, "png", picture, PngOptions(scale=0.5))
    seen = {}

    def choose(parent, caption, folder, filters):
        seen["filters"] = filters
        return str(picture), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    start.files.choose_and_open()
    assert "*.png" in seen["filters"].split(";;")[0]
    window = mw.WINDOWS[-1]
    assert window is not start and dumps(window.session.doc) == dumps(doc)
    assert window.session.path is None and boxes.shown == []
    assert "карта.png" in window.statusBar().currentMessage()
    assert window.files.proposed_path().suffix == ".cjm"


def test_a_picture_changed_after_export_opens_its_map_with_a_warning(start, tmp_path, boxes):
    doc = load(MAP)
    picture = tmp_path / "map.svg"
    export_map(doc, "svg", picture)
    picture.write_bytes(picture.read_bytes().replace(b"</svg>", b"<circle r='3'/></svg>"))
    window = start.files.open_path(picture)
    assert dumps(window.session.doc) == dumps(doc) and window.session.path is None
    assert len(boxes.shown) == 1 and "The picture map.svg was changed after it was exported" in boxes.texts[0]


def test_a_picture_with_no_map_is_an_error_and_nothing_opens(start, tmp_path, boxes):
    other = tmp_path / "photo.png"
    other.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert start.files.open_path(other) is None
    assert mw.WINDOWS == [start] and "no map embedded" in boxes.texts[0]


def test_an_export_dropped_on_the_window_opens_its_map(start, tmp_path, boxes):
    doc = load(MAP)
    picture = tmp_path / "Карта.PDF"
    export_map(doc, "pdf", picture)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(picture))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    start.dropEvent(drop)
    window = mw.WINDOWS[-1]
    assert window is not start and dumps(window.session.doc) == dumps(doc) and boxes.shown == []
