"""What the panels, bars and boxes say to a facilitator: an empty panel a sentence of what would go there
(not an empty list, a blank chart or a form of disabled fields), an empty field what it takes, the heat bar
whole on a laptop in Russian, the shortcuts whole and read-only, buttons named by what they do."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QMessageBox

from cjm_designer import i18n
from cjm_designer.canvas.items import HeaderItem
from cjm_designer.editor import DocumentSession
from cjm_designer.io import load
from cjm_designer.io.snapshots import take_snapshot
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui.dialogs import ShortcutsDialog, shortcuts_table
from cjm_designer.ui.field_form import Field, FieldForm
from cjm_designer.ui.messages import problem_colour, show_as_problem
from cjm_designer.ui.vote_dialog import VoteDialog

from .conftest import small_map


def shown(window, name: str):
    """The dock `name`'s panel, its tab brought to the front as a click does."""
    dock = window._named(name)
    dock.show()
    dock.raise_()
    QApplication.processEvents()
    return dock.content()


def test_personas_panel_without_personas_says_what_one_is_instead_of_an_empty_form(open_window):
    window = open_window(small_map())
    panel = shown(window, "personas")
    assert panel.empty_note.isVisible() and panel.empty_note.text()
    assert not panel.list.isVisible() and not panel.scroll.isVisible()
    panel.add_persona()
    assert not panel.empty_note.isVisible() and panel.list.isVisible() and panel.scroll.isVisible()
    window.session.undo_stack.undo()
    assert panel.empty_note.isVisible()


def test_a_form_bound_to_nothing_shows_empty_fields_not_several_values(qapp):
    session = open_session()
    form = FieldForm(session, QLabel())
    fields = [Field("name", "Name", "line"), Field("gender", "Gender", "choice", [("a", "a"), ("b", "b")])]
    form.bind("persona", fields, list)
    assert form.editors["name"].placeholderText() == "" and form.editors["gender"].placeholderText() == ""
    cards = session.doc.cards[:2]
    form.bind("card", [Field("title", "Title", "line"), Field("device", "Device", "choice", [("x", None)])],
              lambda: cards)
    title, device = form.editors["title"], form.editors["device"]
    assert isinstance(title, QLineEdit) and title.text() == "" and title.placeholderText() == "several values"
    assert isinstance(device, QComboBox) and not device.isEditable()
    assert device.currentIndex() == -1 and device.placeholderText() == "several values"


def test_an_empty_field_says_what_it_takes_or_what_empty_means(open_window):
    window = open_window(small_map())
    header = next(item for item in window.scene.items() if isinstance(item, HeaderItem) and item.is_stage())
    header.setSelected(True)
    assert window.inspector.editors["width"].placeholderText() == "automatic"
    assert window.inspector.editors["color"].placeholderText() == "#rrggbb"
    window.scene.select_cards(["a"])
    assert window.inspector.editors["tags"].placeholderText() == "comma-separated"
    window.scene.select_cards(["a", "b"])
    assert window.inspector.editors["tags"].placeholderText() == "comma-separated"  # none on both: alike
    assert window.inspector.editors["title"].placeholderText() == "several values"


def open_session() -> DocumentSession:
    """A session on a small map whose first two cards differ in their device."""
    doc = small_map()
    doc.cards[1].device = "mobile"
    return DocumentSession(doc)


def test_history_without_snapshots_says_what_a_snapshot_is(open_window):
    window = open_window(small_map())
    panel = shown(window, "history")
    assert panel.empty_note.isVisible() and panel.empty_note.text()
    assert not panel.list.isVisible() and not panel.buttons.isVisible()
    doc = window.session.doc
    window.scene.edits.save_snapshot(take_snapshot(doc, "As-is", "", datetime(2026, 12, 3, tzinfo=UTC), ""))
    assert not panel.empty_note.isVisible() and panel.list.isVisible() and panel.buttons.isVisible()
    window.scene.edits.delete_snapshot(doc.snapshots[0].id)
    assert panel.empty_note.isVisible() and not panel.list.isVisible()


def test_analytics_of_a_bare_map_hides_the_funnel_and_says_what_each_empty_table_would_hold(open_window):
    window = open_window(small_map())
    panel = shown(window, "analytics")
    assert not panel.funnel.isVisible() and panel.funnel_note.text()
    for table, note in panel.empty_notes.items():
        assert not table.isVisible() and note.isVisible() and note.text()
    total = panel.touchpoints.topLevelItem(panel.touchpoints.topLevelItemCount() - 1)
    assert total.font(0).bold()
    demo = open_window(load(templates_dir() / "window-installation.ru.cjm"))
    panel = shown(demo, "analytics")
    assert panel.funnel.isVisible() and panel.channels.isVisible()
    assert not panel.empty_notes[panel.channels].isVisible()


def test_the_filter_value_box_shows_only_once_a_field_is_chosen(open_window):
    window = open_window(small_map())
    bar = window.analyse_bar
    assert not bar.value_action.isVisible()
    bar.choose_filter("tag")  # no card of the map has a tag
    assert bar.value_action.isVisible() and not bar.value.isEnabled() and bar.value.placeholderText()
    bar.choose_filter(None)
    assert not bar.value_action.isVisible()


def test_the_heat_bar_fits_a_laptop_screen_in_russian_and_names_a_value_it_cuts(open_window, qapp):
    i18n.install_translators(qapp, "ru")
    try:
        window = open_window(load(templates_dir() / "window-installation.ru.cjm"))
        bar = window.analyse_bar
        bar.choose_heat("quality")
        bar.choose_filter("channel", "phone")
        assert bar.filter_label.text().strip() != "Show only:"  # Russian, the longer
        assert window.toolbar.sizeHint().width() + bar.sizeHint().width() <= 1280 - 10  # a 1280-pixel laptop
        assert bar.value.currentText() in bar.value.toolTip()
    finally:
        i18n.remove_translators(qapp)


def test_the_shortcuts_table_is_read_only_and_shows_every_key_whole(open_window):
    window = open_window(small_map())
    table = shortcuts_table(window.findChildren(QAction))
    table.resize(460, 500)
    table.show()
    QApplication.processEvents()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    keys_column = table.columnWidth(1)
    metrics = table.fontMetrics()
    widest_keys = max(metrics.horizontalAdvance(table.item(row, 1).text()) for row in range(table.rowCount()))
    assert keys_column >= widest_keys
    assert table.columnWidth(0) + keys_column <= table.viewport().width()


def test_the_vote_dialog_checks_every_lane_on_a_map_with_no_pains_or_opportunities(qapp):
    dialog = VoteDialog(small_map())
    items = [dialog.lanes.item(row) for row in range(dialog.lanes.count())]
    assert len(items) == 2  # the emotions lane is never voted on
    assert all(item.checkState() == Qt.CheckState.Checked for item in items)
    assert dialog.buttons.buttons()[0].isEnabled()


def test_closing_with_changes_offers_save_dont_save_cancel_by_what_they_do(open_window, boxes):
    window = open_window(small_map())
    window.scene.edits.set_fields(ElementKind.CARD, {"a": {"title": "Болит голова"}})
    assert window.close()  # answered Discard
    buttons = QMessageBox.StandardButton
    box = boxes.shown[-1]
    assert box.button(buttons.Discard).text().replace("&", "") == "Don't save" and box.defaultButton() == box.button(
        buttons.Save)


def test_a_text_box_grows_with_its_text_up_to_a_limit(open_window):
    window = open_window(small_map())
    window.scene.select_cards(["a"])
    QApplication.processEvents()
    box = window.inspector.editors["text"]
    empty = box.height()
    window.scene.edits.set_fields(ElementKind.CARD, {"a": {"text": "Першит в горле\nТемпература\nЗвонит врачу\nЖдёт"}})
    QApplication.processEvents()
    four_lines = box.height()
    window.scene.edits.set_fields(ElementKind.CARD, {"a": {"text": "строка\n" * 40}})
    QApplication.processEvents()
    assert empty < four_lines < box.height() < 12 * box.fontMetrics().lineSpacing()


def test_the_comments_of_a_card_without_any_say_so(open_window):
    window = open_window(small_map())
    panel = shown(window, "comments")
    assert not panel.empty_note.isVisible()  # no card: the title says to choose one
    window.scene.select_cards(["a"])
    assert panel.empty_note.isVisible() and panel.empty_note.text()
    window.scene.edits.add_comment("a", "Вера", "Почему горло?")
    assert not panel.empty_note.isVisible()


def test_a_problem_reads_in_red_on_a_light_theme_and_a_dark_one(qapp):
    assert problem_colour(QColor("#FFFFFF")).name() == "#c62828"
    dark_red_on_dark = problem_colour(QColor("#2B2B2B"))
    assert dark_red_on_dark.lightness() > 160 and dark_red_on_dark.red() > dark_red_on_dark.green()
    label = QLabel("a whole number is needed")
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#2B2B2B"))
    label.setPalette(palette)
    show_as_problem(label)
    assert label.palette().color(QPalette.ColorRole.WindowText) == dark_red_on_dark


def test_the_shortcuts_narrow_to_what_is_typed(open_window):
    window = open_window(small_map())
    dialog = ShortcutsDialog(window.findChildren(QAction), window)
    table = dialog.table

    def listed() -> list[str]:
        return [table.item(row, 0).text() for row in range(table.rowCount()) if not table.isRowHidden(row)]

    everything = listed()
    dialog.find.setText("ctrl+shift+t")
    assert listed() == ["Add stage"]
    dialog.find.setText("  CARD ")
    assert "New card" in listed() and "Add stage" not in listed()
    dialog.find.clear()
    assert listed() == everything
