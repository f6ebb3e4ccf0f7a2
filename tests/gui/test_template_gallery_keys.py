"""File → New's gallery from the keyboard (issue 13): it opens on the list of templates, the arrows
move in it, Enter takes the highlighted template, and "Structure only" is one key and remembered."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cjm_designer.templates import new_map
from cjm_designer.ui.settings import Settings
from cjm_designer.ui.template_gallery import TemplateGallery


@pytest.fixture
def structure_setting():
    """The remembered choice, off before and after the test (the settings outlive one test)."""
    Settings().set_structure_only(False)
    yield
    Settings().set_structure_only(False)


def open_gallery(qtbot) -> TemplateGallery:
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    gallery.show()
    qtbot.waitExposed(gallery)
    gallery.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is gallery.list)  # active: its shortcuts work
    return gallery


def key(gallery: TemplateGallery, name, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(gallery.focusWidget(), name, modifiers)


def test_the_arrows_move_in_the_templates_and_enter_takes_the_highlighted_one(qtbot, structure_setting):
    gallery = open_gallery(qtbot)
    language = gallery.language_box.currentData()
    names = [gallery.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(gallery.list.count())]
    assert gallery.list.currentRow() == 0 and names[0] == "blank"
    key(gallery, Qt.Key.Key_Right)
    key(gallery, Qt.Key.Key_Right)
    key(gallery, Qt.Key.Key_Left)
    key(gallery, Qt.Key.Key_Down)  # a row down (or the last one): never the language
    key(gallery, Qt.Key.Key_Up)
    assert gallery.language_box.currentData() == language and gallery.focusWidget() is gallery.list
    assert gallery.list.currentRow() == 1
    key(gallery, Qt.Key.Key_Return)
    assert gallery.result() == TemplateGallery.DialogCode.Accepted and not gallery.isVisible()
    assert gallery.chosen == names[1] == "five-stages" and not gallery.structure_only()


def test_structure_only_is_a_key_away_shown_in_the_previews_and_remembered(qtbot, structure_setting):
    gallery = open_gallery(qtbot)
    assert not gallery.structure.isChecked()
    full_preview = gallery.list.item(1).icon().pixmap(160, 100).toImage()
    key(gallery, Qt.Key.Key_Right)
    key(gallery, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # the box's mnemonic clicks it (animated)
    qtbot.waitUntil(gallery.structure.isChecked)
    assert gallery.list.item(1).icon().pixmap(160, 100).toImage() != full_preview  # no example cards drawn
    assert gallery.list.currentRow() == 1  # the previews drawn anew, the highlighted template kept
    key(gallery, Qt.Key.Key_Return)
    assert gallery.chosen == "five-stages" and gallery.structure_only()
    assert Settings().structure_only()
    again = open_gallery(qtbot)
    assert again.structure.isChecked()
    QTest.keyClick(again.list, Qt.Key.Key_Escape)
    assert again.result() == TemplateGallery.DialogCode.Rejected


def test_file_new_makes_the_structure_only_map_the_gallery_chose(open_window, qtbot, monkeypatch, structure_setting):
    from cjm_designer.ui import main_window as mw

    window = open_window(new_map("blank", "ru"))

    def choose(gallery):
        gallery.structure.setChecked(True)
        gallery.list.setCurrentRow(1)
        gallery.accept()
        return True

    monkeypatch.setattr(TemplateGallery, "exec", choose)
    window.files.new_from_template()
    fresh = mw.WINDOWS[-1]
    doc = fresh.session.doc
    assert fresh is not window and len(doc.stages) == 5 and not doc.cards and not doc.personas
    assert doc.lanes[0].kind == "buyer_actions"
