"""The user's own templates in the window: File → Save as Template, the gallery's "My templates"
(listed after the bundled ones, deleted after asking) and Preferences. Files go to the tests' data
folder (tests/conftest.py)."""


from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox

from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.templates import save_user_template, user_templates
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.dialogs import Preferences
from cjm_designer.ui.settings import Settings
from cjm_designer.ui.template_gallery import TemplateGallery


def texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def save_as_template_action(window) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == "Save as template…")


def test_save_as_template_asks_the_name_saves_a_copy_and_says_where(open_window, user_folder, monkeypatch, boxes):
    window = open_window(load(templates_dir() / "three-stages.en.cjm"))
    title = window.session.doc.meta.title
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: asked.append(a[4]) or ("Support visit", True))
    save_as_template_action(window).trigger()
    told = boxes.texts
    path = user_folder / "support-visit.cjm"
    assert asked == [title] and len(told) == 1 and str(path) in told[0]
    saved = load(path)
    assert saved.meta.title == "Support visit" and saved.cards == window.session.doc.cards
    assert window.session.doc.meta.title == title and not window.files.modified() and window.session.path is None


def test_save_as_template_cancelled_or_without_a_name_saves_nothing(open_window, user_folder, monkeypatch, boxes):
    window = open_window(load(templates_dir() / "blank.en.cjm"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("Ignored", False))
    assert window.files.save_as_template() is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("   ", True))
    assert window.files.save_as_template() is None
    assert boxes.texts == ["A template needs a name."] and user_templates() == []


def test_gallery_lists_my_templates_after_the_bundled_and_deletes_one_after_asking(qtbot, user_folder, boxes):
    save_user_template(load(templates_dir() / "five-stages.ru.cjm"), "Воронка")
    save_user_template(load(templates_dir() / "live-chat.en.cjm"), "Chat")
    (user_folder / "broken.cjm").write_text("{")
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    assert gallery.list.count() == 5 and texts(gallery.user_list) == ["Chat", "Воронка"]
    assert not gallery.user_list.item(1).icon().isNull()
    assert not gallery.user_list.isHidden() and gallery.user_hint.isHidden()
    assert not gallery.skipped_label.isHidden() and "broken.cjm" in gallery.skipped_label.text()
    gallery.language_box.setCurrentIndex(1 - gallery.language_box.currentIndex())
    assert texts(gallery.user_list) == ["Chat", "Воронка"]
    assert gallery.list.selectedItems() and not gallery.delete_button.isEnabled()
    gallery.user_list.setCurrentRow(1)
    assert gallery.list.selectedItems() == [] and gallery.delete_button.isEnabled()
    gallery.accept()
    assert gallery.chosen == "воронка"

    gallery.delete_button.click()  # answered No
    assert "Воронка" in boxes.texts[0] and (user_folder / "воронка.cjm").is_file()
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    gallery.delete_button.click()
    assert not (user_folder / "воронка.cjm").exists() and texts(gallery.user_list) == ["Chat"]

    menu = gallery._user_menu(gallery.user_list.visualItemRect(gallery.user_list.item(0)).center())
    assert [a.text() for a in menu.actions()] == ["Delete…"]
    boxes.answers.append(QMessageBox.StandardButton.Yes)
    menu.actions()[0].trigger()
    menu.close()
    assert [t.name for t in user_templates()] == [] and gallery.user_list.isHidden()
    assert not gallery.user_hint.isHidden() and gallery.list.count() == 5


def test_gallery_shows_a_templates_title_and_description_as_written(qtbot, user_folder, boxes, tmp_path):
    """A template of the user's own may come from anyone: its markup is text, in the list, the
    tooltip and the delete question, and no `<img>` in it loads a file."""
    image = tmp_path / "x.png"
    doc = load(templates_dir() / "blank.en.cjm")
    doc.meta.description = f"<b>bold</b><img src={image}>"
    save_user_template(doc, f"<img src={image}>\u202egnp.exe")
    gallery = TemplateGallery()
    qtbot.addWidget(gallery)
    item = gallery.user_list.item(0)
    assert item.text() == f"<img src={image}>[U+202E]gnp.exe"
    assert "&lt;b&gt;bold&lt;/b&gt;&lt;img src=" in item.toolTip() and "<img" not in item.toolTip()
    gallery.user_list.setCurrentRow(0)
    gallery.delete_button.click()  # answered No
    assert boxes.shown[0].textFormat() == Qt.TextFormat.PlainText
    assert f"<img src={image}>[U+202E]gnp.exe" in boxes.texts[0] and user_templates()


def test_new_map_from_a_user_template(open_window, user_folder, monkeypatch):
    save_user_template(load(templates_dir() / "three-stages.ru.cjm"), "Горло")
    start = open_window(load(templates_dir() / "blank.en.cjm"))
    monkeypatch.setattr(TemplateGallery, "exec", lambda self: setattr(self, "chosen", "горло") or True)
    start.files.new_from_template()
    window = mw.WINDOWS[-1]
    doc = window.session.doc
    assert window is not start and window.session.path is None
    assert doc.meta.title == "Горло" and doc.meta.language == "ru" and doc.meta.created is not None


def test_preferences_offer_my_templates_for_new_maps(qtbot, user_folder):
    save_user_template(load(templates_dir() / "live-chat.en.cjm"), "Mine")
    preferences = Preferences(Settings())
    qtbot.addWidget(preferences)
    index = preferences.template.findData("mine")
    assert index == preferences.template.count() - 1 and "Mine" in preferences.template.itemText(index)
