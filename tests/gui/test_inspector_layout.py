"""The Inspector in a narrow dock in Russian: long labels wrap, every field stays inside the dock;
long values show their start."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea

from cjm_designer import i18n
from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.ui.main_window import MainWindow


@pytest.fixture
def russian_window(open_window, qtbot, qapp, tmp_path):
    """A Russian window on a map (`open_window` forgets it afterwards)."""
    i18n.install_translators(qapp, "ru")
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "window-installation.ru.cjm").read_bytes())
    window = MainWindow(load(path), path, remember_layout=False)  # not the docks another test left
    qtbot.addWidget(window)
    window.show()
    yield window
    i18n.remove_translators(qapp)
    qapp.processEvents()


def settle(qapp) -> None:
    for _ in range(4):  # rows made, then the scroll area and the dock laid out
        qapp.processEvents()


def inspector_at(window, qapp, width: int):
    dock = window.docks[0]
    window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    settle(qapp)
    assert abs(dock.width() - width) <= 4  # the form does not hold the dock wider
    return window.inspector


def rows(inspector):
    """Each row's label and field widget (a colour's text box and swatch are one field)."""
    form = inspector.form.layout_
    return [(form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget(),
             form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()) for row in range(form.rowCount())]


def assert_inside(inspector) -> None:
    """Every label and field within the scroll area's visible width, nothing scrolled sideways."""
    scroll = inspector.findChild(QScrollArea)
    viewport = scroll.viewport()
    assert scroll.horizontalScrollBar().maximum() == 0
    for label, field in rows(inspector):
        for widget in (label, field):
            box = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
            assert box.left() >= 0 and box.right() < viewport.width(), (widget.objectName() or label.text(), box)


@pytest.mark.parametrize("select", ["card", "stage", "map"])
def test_every_field_fits_a_narrow_dock_in_russian(russian_window, qapp, select):
    window, doc = russian_window, russian_window.session.doc
    if select == "card":
        window.scene.select_cards([doc.cards[0].id])
    elif select == "stage":
        window.scene.select_only([window.scene.stage_items[doc.stages[0].id]])
    inspector = inspector_at(window, qapp, 280)
    assert inspector.heading.text() in ("Карточка", "Этап", "Карта")
    labels = [label for label, _ in rows(inspector)]
    assert any(label.text() == "Фактическое значение KPI" for label in labels) or select == "map"
    assert_inside(inspector)
    for label, field in rows(inspector):  # no label over its field: beside it, or above it when the dock is narrow
        label_box, field_box = label.geometry(), field.geometry()
        assert label_box.right() < field_box.left() or label_box.bottom() < field_box.top()


def test_labels_sit_beside_fields_when_the_dock_is_wide_enough(russian_window, qapp):
    window = russian_window
    window.scene.select_cards([window.session.doc.cards[0].id])
    inspector = inspector_at(window, qapp, 460)
    assert_inside(inspector)
    for label, field in rows(inspector):
        assert label.geometry().right() < field.geometry().left()
        assert label.geometry().bottom() >= field.geometry().top()  # on the same row
    long_labels = [label for label, _ in rows(inspector) if label.text() == "Фактическое значение KPI"]
    assert long_labels and all(isinstance(label, QLabel) and label.wordWrap() for label in long_labels)


def test_a_long_value_shows_its_start(russian_window, qapp):
    window, doc = russian_window, russian_window.session.doc
    card = doc.cards[0]
    long_title = "Начало заголовка, " + "очень длинный текст " * 20 + "конец"
    window.scene.select_cards([card.id])
    title = window.inspector.editors["title"]
    title.setFocus()
    title.setText(long_title)
    title.setModified(True)
    title.editingFinished.emit()
    window.view.setFocus()
    assert card.title == long_title
    window.session.undo_stack.undo()
    window.session.undo_stack.redo()  # shown anew from the model
    assert title.text() == long_title and title.cursorPosition() == 0
    window.scene.select_cards([doc.cards[1].id])
    window.scene.select_cards([card.id])
    assert window.inspector.editors["title"].cursorPosition() == 0
    channel = window.inspector.editors["channel"]
    assert channel.lineEdit().cursorPosition() == 0
