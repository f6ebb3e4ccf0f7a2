"""After File → Export the status bar says what was written and where, with a button that shows
the folder; a file no program opens is said so, by name."""

import re

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from cjm_designer.io import save
from cjm_designer.ui.export_dialog import ExportDialog
from cjm_designer.ui.settings import Settings

from .conftest import small_map


class Desktop:
    """QDesktopServices.openUrl: the files and folders asked for; `works` False as on a system with no viewer."""

    def __init__(self, monkeypatch):
        self.opened: list[str] = []
        self.works = True
        monkeypatch.setattr(QDesktopServices, "openUrl", self._open)

    def _open(self, url):
        self.opened.append(url.toLocalFile())
        return self.works


@pytest.fixture
def desktop(monkeypatch):
    return Desktop(monkeypatch)


@pytest.fixture(autouse=True)
def export_settings_kept():
    """The export settings these tests change (format, folder, open when done) as they were before."""
    settings = Settings()
    defaults = {"export/format": "pdf", "export/folder": "", "export/open_after": 1}
    saved = {key: settings.value(key, default) for key, default in defaults.items()}
    yield
    for key, value in saved.items():
        settings.set_value(key, value)


@pytest.fixture
def exporting(monkeypatch, open_window, tmp_path):
    """A window on a saved map, and `export(fmt, target, open_after)` that goes through File → Export:
    the dialog's Export button, the file dialog answered with `target` (None: cancelled)."""
    source = tmp_path / "карта.cjm"
    save(small_map(), source)
    window = open_window(small_map(), source)

    def export(fmt, target, open_after=False):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target or ""), ""))

        def run(dialog):
            dialog.format.setCurrentIndex(dialog.format.findData(fmt))
            dialog.open_after.setChecked(open_after)
            dialog._choose_and_export()  # the Export button
            return int(dialog.result is not None)

        monkeypatch.setattr(ExportDialog, "exec", run)
        window.export()
        return window.statusBar().currentMessage()

    export.window = window
    return export


def test_a_pdf_export_is_told_with_its_pages_and_folder(exporting, desktop, tmp_path):
    target = tmp_path / "выгрузка" / "Путь клиента.pdf"
    target.parent.mkdir()
    message = exporting("pdf", target)
    pages = len(PdfReader(target).pages)
    # "page(s)" until a translator gives the English plural forms
    assert re.fullmatch(rf"Exported to Путь клиента\.pdf \({pages} page(s|\(s\))?\) in {re.escape(str(target.parent))}",
                        message)
    notice = exporting.window.export_notice
    assert notice.button.isVisible() and notice.button.toolTip() == str(target.parent)
    assert desktop.opened == []  # not asked to open it
    notice.button.click()
    assert desktop.opened == [str(target.parent)]
    exporting.window.statusBar().showMessage("something else")
    assert not notice.button.isVisible()  # the button goes with its message


def test_an_image_export_is_told_with_its_pixels(exporting, desktop, tmp_path):
    target = tmp_path / "map.png"
    message = exporting("png", target)
    with Image.open(target) as image:
        assert message == f"Exported to map.png ({image.width} × {image.height} pixels) in {tmp_path}"


def test_a_file_no_program_opens_is_said_so_by_name(exporting, desktop, boxes, tmp_path):
    desktop.works = False
    target = tmp_path / "map.csv"
    message = exporting("csv", target, open_after=True)
    assert target.is_file() and desktop.opened == [str(target)]
    assert len(boxes.shown) == 1 and str(target) in boxes.texts[0] and "no program opened it" in boxes.texts[0]
    assert message == f"Exported to map.csv in {tmp_path}"  # told all the same


def test_a_folder_no_file_manager_shows_is_said_so(exporting, desktop, boxes, tmp_path):
    exporting("mermaid", tmp_path / "map.mmd")
    desktop.works = False
    exporting.window.export_notice.button.click()
    assert boxes.texts == [f"No file manager opened {tmp_path}."]


def test_a_cancelled_export_tells_nothing(exporting, desktop, tmp_path):
    assert exporting("pdf", None) == ""
    assert not exporting.window.export_notice.button.isVisible() and list(tmp_path.glob("*.pdf")) == []
