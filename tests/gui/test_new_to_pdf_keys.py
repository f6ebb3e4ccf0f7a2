"""New → PDF on disk from the keyboard (issue 13): Ctrl+N, Enter in the gallery, a card typed on
the canvas, Ctrl+E, Enter in the export dialog, the file's name and Enter; at most six keys beyond
the text and the file name, no mouse."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

from cjm_designer.model import LaneKind
from cjm_designer.templates import new_map
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.export_dialog import ExportDialog
from cjm_designer.ui.settings import Settings
from cjm_designer.ui.template_gallery import TemplateGallery
from tests.gui.key_driving import Keys, when_open

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def chosen_before():
    """What the user chose last time: the five-stage template, its structure alone, PDF opened when
    done."""
    settings = Settings()
    saved = {key: settings.value(key) for key in ("files/default_template", "files/structure_only", "export/format",
                                                  "export/open_after")}
    settings.set_value("files/default_template", "five-stages")
    settings.set_structure_only(True)
    settings.set_value("export/format", "pdf")
    settings.set_value("export/open_after", 1)
    yield
    for key, value in saved.items():
        settings.set_value(key, "" if value is None else value)  # "" reads as the default


def test_new_to_pdf_in_six_keys(open_window, qtbot, tmp_path, monkeypatch, chosen_before):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    first = open_window(new_map("blank", "ru"))
    qtbot.waitExposed(first)
    first.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.view)
    keys, out = Keys(), tmp_path / "Семинар.pdf"

    when_open(TemplateGallery, lambda gallery: keys.press(Qt.Key.Key_Return),
              lambda gallery: QApplication.focusWidget() is gallery.list)
    keys.press(Qt.Key.Key_N, CTRL)
    window = mw.WINDOWS[-1]
    assert window is not first and not window.session.doc.cards
    qtbot.waitExposed(window)
    window.activateWindow()  # the window manager's part: offscreen there is none
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    keys.type("Увидел рекламу")
    keys.press(Qt.Key.Key_Return)

    def name_the_file(dialog):
        keys.type(str(out))  # over the suggested name, selected as the dialog opens
        keys.press(Qt.Key.Key_Return)

    when_open(ExportDialog, lambda dialog: (when_open(QFileDialog, name_the_file), keys.press(Qt.Key.Key_Return)))
    keys.press(Qt.Key.Key_E, CTRL)

    doc = window.session.doc
    assert [c.title for c in doc.cards] == ["Увидел рекламу"] and doc.lanes[0].kind == LaneKind.BUYER_ACTIONS
    assert doc.cards[0].lane == doc.lanes[0].id and not doc.personas
    assert out.read_bytes().startswith(b"%PDF") and opened == [str(out)]
    assert keys.count <= 6, keys.count
