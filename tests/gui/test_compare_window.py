"""Map → Compare with…: a snapshot saved through the editor, the map edited on, and the comparison
window shows the marks as items, tells what changed in a card's tooltip and beside the map, exports
what it shows, changes nothing when clicked or dragged in, and leaves the map as it was on closing."""

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from cjm_designer.canvas.comparison_items import MarkItem
from cjm_designer.io import dumps, load, save
from cjm_designer.io.snapshots import take_snapshot
from cjm_designer.layout import palette
from cjm_designer.model.compare import compare
from cjm_designer.model.document import ElementKind
from cjm_designer.ui.compare_dialog import CompareDialog
from cjm_designer.ui.compare_window import CompareWindow
from tests.comparison_maps import demo_map, edited_copy

OLD_TITLE = "Sends a quotation with three options"
NEW_TITLE = "Sends a quotation <b>with two</b> options"  # map text: shown as written, never as markup


@pytest.fixture
def window(open_window, tmp_path):
    path = tmp_path / "map.cjm"
    save(demo_map(), path)
    window = open_window(load(path), path)
    edits = window.scene.edits
    edits.save_snapshot(take_snapshot(window.session.doc, "Workshop 1", "Anna", datetime(2026, 12, 1, tzinfo=UTC)))
    edits.set_fields(ElementKind.CARD, {"card-of-1": {"title": NEW_TITLE}})
    edits.delete(["card-of-5"])
    return window


@pytest.fixture
def compared(window, monkeypatch, qtbot):
    """Map → Compare with…, the dialog answered with the map's snapshot."""
    monkeypatch.setattr(CompareDialog, "exec", lambda dialog: dialog.choose_snapshot(dialog.doc.snapshots[0].id))
    window.compare_action.trigger()
    [found] = window.findChildren(CompareWindow)
    qtbot.waitExposed(found)
    return found


def _marks(compare_window, card_id):
    return [item for item in compare_window.scene.items() if isinstance(item, MarkItem)
            and item.mark.card_id == card_id]


def test_the_comparison_window_marks_what_changed_since_the_snapshot(window, compared):
    assert compared.windowTitle() == "map.cjm@Workshop 1 ↔ map.cjm"
    assert compared.names_label.text() == "map.cjm@Workshop 1 → map.cjm"
    assert compared.summary_label.text().startswith("1 card removed, 1 changed")
    [changed] = _marks(compared, "card-of-1")
    assert changed.mark.shapes[0].stroke.color == palette.COMPARE_CHANGED
    [ghost] = _marks(compared, "card-of-5")
    assert ghost.mark.shapes[0].stroke.color == palette.COMPARE_REMOVED
    assert "card-of-5" in compared.scene.layout.cards  # the ghost, in its old cell
    assert not any(item.acceptHoverEvents() for item in compared.scene.card_items.values())  # no link handle
    tip = changed.toolTip()
    assert "&lt;b&gt;with two&lt;/b&gt;" in tip and "<b>" not in tip  # plain text, escaped
    assert f"title: “{OLD_TITLE}” → “Sends a quotation &lt;b&gt;with two&lt;/b&gt; options”" in tip


def test_a_selected_card_shows_its_changes_beside_the_map(compared):
    assert compared.changes.text() == "Select a card to see what changed in it."
    compared.scene.select_cards(["card-of-1"])
    assert compared.changes.text().splitlines() == [
        NEW_TITLE, "Changed", f"title: “{OLD_TITLE}” → “{NEW_TITLE}”"]
    assert compared.changes.textFormat() == Qt.TextFormat.PlainText


def test_clicks_and_drags_in_the_comparison_change_nothing_and_closing_leaves_the_map(window, compared, qtbot):
    before = dumps(window.session.doc)
    steps = window.session.undo_stack.count()
    view, layout = compared.view, compared.scene.layout
    view.zoom_actual()
    compared.view.ensureVisible(*layout.cards["card-of-4"].rect)
    start = view.mapFromScene(QPointF(*layout.cards["card-of-4"].rect.center))
    end = view.mapFromScene(QPointF(*layout.cards["card-of-1"].rect.center))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view.viewport(), end)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert compared.scene.selected_card_ids() == ["card-of-4"]
    assert compared.scene.session.undo_stack.count() == 0  # the comparison's own copy is untouched too
    compared.close_button.click()
    qtbot.waitUntil(lambda: not window.findChildren(CompareWindow))
    assert dumps(window.session.doc) == before and window.session.undo_stack.count() == steps


def test_export_writes_the_comparison(compared, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "comparison"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    compared.export_button.click()
    assert (tmp_path / "comparison.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_dialog_lists_the_snapshots_newest_first_and_reports_a_damaged_one(tmp_path, qtbot, boxes):
    doc = demo_map()
    for name, day in (("Broken", 1), ("Fine", 2)):
        doc.add_snapshot(take_snapshot(doc, name, "Anna", datetime(2026, 12, day, tzinfo=UTC)))
    data = json.loads(dumps(doc))
    data["snapshots"][0]["map"]["cards"][3]["stage"] = "nowhere"
    path = tmp_path / "map.cjm"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    doc = load(path)
    dialog = CompareDialog(doc, path)
    qtbot.addWidget(dialog)
    assert [dialog.snapshots.item(i).text().split(" — ")[0] for i in range(2)] == ["Fine", "Broken"]
    assert not dialog.choose_snapshot(doc.snapshots[0].id) and dialog.chosen is None
    said, line = boxes.texts[-1].split("\n\n")
    assert said.startswith("The file “map.cjm@Broken” did not open: there is a mistake in it.")
    assert line.startswith("map.cjm@Broken: cards[3].stage")
    assert dialog.choose_snapshot(doc.snapshots[1].id)
    assert dialog.chosen[1] == "map.cjm@Fine" and len(dialog.chosen[0].cards) == len(doc.cards)


def test_another_file_is_read_with_the_loaders_checks(tmp_path, qtbot, boxes):
    dialog = CompareDialog(demo_map(), None)
    qtbot.addWidget(dialog)
    assert dialog.snapshots.count() == 1 and not dialog.compare_button.isEnabled()  # no snapshots: a note
    bad = tmp_path / "bad.cjm"
    bad.write_text("{", "utf-8")
    assert not dialog.choose_file(bad) and boxes.texts[-1].startswith("The file “bad.cjm” did not open")
    assert boxes.texts[-1].split("\n\n")[1].startswith(f"{bad}: line 1")
    good = tmp_path / "good.cjm"
    save(demo_map(), good)
    assert dialog.choose_file(good) and dialog.chosen[1] == "good.cjm"


def _note_pixels(compare_window, stage_id, color) -> int:
    """How many pixels of the view show `color` where the notes of the stage's header are drawn pinned."""
    from cjm_designer.canvas import pinned_headers

    view, scene = compare_window.view, compare_window.scene
    pins = pinned_headers.pins_for(scene.layout, view.visible_scene_rect())
    [note] = [mark for mark in scene.comparison.marks if mark.header == stage_id and not mark.tip]
    area = note.area
    top_left = view.mapFromScene(QPointF(area.x, area.y + pins.dy))
    bottom_right = view.mapFromScene(QPointF(area.right, area.bottom + pins.dy))
    image = view.viewport().grab().toImage()
    want = QColor(color)
    return sum(1 for x in range(max(top_left.x(), 0), min(bottom_right.x(), image.width()))
               for y in range(max(top_left.y(), 0), min(bottom_right.y(), image.height()))
               if all(abs(a - b) <= 40 for a, b in zip(image.pixelColor(x, y).getRgb()[:3], want.getRgb()[:3])))


def test_the_stage_notes_stay_in_the_pinned_stage_band(qtbot, monkeypatch):
    before = demo_map()
    compare_window = CompareWindow(compare(before, edited_copy(before)), ("before.cjm", "after.cjm"))
    qtbot.addWidget(compare_window)
    compare_window.show()
    qtbot.waitExposed(compare_window)
    view = compare_window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.wait(20)
    assert view.visible_scene_rect().top() > compare_window.scene.layout.stages["stage-offer"].header.bottom
    shown = _note_pixels(compare_window, "stage-offer", palette.KPI_MISSED)  # "Entered 74 → 70 (−4)" in red
    assert shown > 20
    monkeypatch.setattr(type(compare_window.scene), "header_marks", lambda scene: {})  # the band as it was
    view.viewport().update()
    qtbot.wait(20)
    assert _note_pixels(compare_window, "stage-offer", palette.KPI_MISSED) < shown / 4


def test_closing_the_map_window_closes_its_comparisons(window, compared):
    window.close()
    assert not compared.isVisible()
