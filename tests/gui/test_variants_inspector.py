"""The Inspector's A/B variants table: variants added, figures typed into cells as the Inspector's
fields read them, each edit one undo step, and the table following undo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.ui.variants_table import CLICKS, CONVERSION, DESCRIPTION, NAME, TIME


@pytest.fixture
def window(open_window, tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "window-installation.ru.cjm").read_bytes())
    return open_window(load(path), path)


def type_cell(table, row: int, column: int, text: str) -> None:
    """Type `text` into a cell as a user does: open its editor, type, press Enter."""
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor, = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    editor.insert(text)  # QTest types ASCII only
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell in a queued call


def cells(table) -> list[list[str]]:
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def test_variants_added_and_typed_one_undo_step_each(window):
    doc, stack, table = window.session.doc, window.session.undo_stack, window.inspector.variants
    card = next(c for c in doc.cards if not c.variants and c.lane == "lane-buyer")
    window.scene.select_cards([card.id])
    assert table.isVisibleTo(window.inspector) and table.table.rowCount() == 0
    table.add_button.click()
    table.add_button.click()
    assert [v.name for v in card.variants] == ["A", "B"] and stack.count() == 2
    type_cell(table.table, 1, DESCRIPTION, "Зелёная кнопка")
    type_cell(table.table, 1, CLICKS, "10\u00a0000")
    type_cell(table.table, 1, CONVERSION, "3,5 %")
    type_cell(table.table, 1, TIME, "42")
    type_cell(table.table, 0, CONVERSION, "2,8")
    b = card.variants[1]
    assert (b.description, b.metrics.clicks, b.metrics.conversion, b.metrics.time_on_site) == (
        "Зелёная кнопка", 10_000, 3.5, 42.0)
    assert card.variants[0].metrics.conversion == 2.8
    assert stack.count() == 7 and window.inspector.error.text() == ""
    assert cells(table.table)[1] == ["B", "Зелёная кнопка", "10000", "3.5%", "42"]
    face = window.scene.layout.cards[card.id].markers
    assert any(m.kind == "variants" and m.text == "A/B: победил B · +25\u00a0%" for m in face)

    stack.undo()  # A's conversion
    assert card.variants[0].metrics is None and cells(table.table)[0][CONVERSION] == ""
    stack.undo()  # B's time on site
    assert card.variants[1].metrics.time_on_site is None and cells(table.table)[1][TIME] == ""
    stack.redo()
    assert cells(table.table)[1][TIME] == "42"


def test_a_figure_typed_as_it_is_adds_no_step(window):
    doc, stack, table = window.session.doc, window.session.undo_stack, window.inspector.variants
    card = next(c for c in doc.cards if c.variants)
    window.scene.select_cards([card.id])
    assert card.variants[0].metrics.conversion == 6.9
    type_cell(table.table, 0, CONVERSION, "6,90 %")
    assert stack.count() == 0 and table.table.item(0, CONVERSION).text() == "6.9%"


def test_bad_cells_are_refused_with_a_message_and_shown_as_they_were(window):
    doc, stack, table = window.session.doc, window.session.undo_stack, window.inspector.variants
    card = next(c for c in doc.cards if c.variants)
    window.scene.select_cards([card.id])
    before = list(card.variants)
    type_cell(table.table, 0, CLICKS, "много")
    assert window.inspector.error.text() == "A/B variants: a whole number is needed"
    type_cell(table.table, 0, CONVERSION, "150")
    assert "A/B variants: " in window.inspector.error.text()
    type_cell(table.table, 1, NAME, "A")
    assert "two variants are named 'A'" in window.inspector.error.text()
    type_cell(table.table, 1, NAME, "")
    assert card.variants == before and stack.count() == 0
    assert [row[NAME] for row in cells(table.table)] == ["A", "B"]


def test_a_variant_removed_and_the_table_hidden_for_several_cards(window):
    doc, stack, table = window.session.doc, window.session.undo_stack, window.inspector.variants
    card = next(c for c in doc.cards if c.variants)
    window.scene.select_cards([card.id])
    assert not table.remove_button.isEnabled()
    table.table.selectRow(0)
    table.remove_button.click()
    assert [v.name for v in card.variants] == ["B"] and stack.count() == 1
    assert [row[NAME] for row in cells(table.table)] == ["B"]
    table.add_button.click()
    assert [v.name for v in card.variants] == ["B", "A"]  # the first free letter
    stack.undo()
    stack.undo()
    assert [v.name for v in card.variants] == ["A", "B"] and table.table.rowCount() == 2
    window.scene.select_cards([card.id, doc.cards[-1].id])
    assert not table.isVisibleTo(window.inspector)
