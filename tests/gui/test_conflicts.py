"""Map → Conflicts on a merged map: the list shows each conflict with both values, Keep ours / Keep
theirs settle it in one undo step, the canvas marks conflicted cards, and the status bar says so."""

import pytest
from PySide6.QtCore import QItemSelectionModel

from cjm_designer.canvas.conflict_marks import conflict_text
from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, ModelError, Stage
from cjm_designer.model.merge import merge
from cjm_designer.ui.main_window import MainWindow


def merged_map() -> JourneyMap:
    """A map merged from two sides: c0's title both ways, c1's KPI target both ways, c2 removed by
    ours and changed by theirs, c3 moved to two other stages."""
    base = JourneyMap()
    for i in range(3):
        base.add_stage(Stage(id=f"s{i}", name=f"Stage {i}"))
    for i in range(2):
        base.add_lane(Lane(id=f"l{i}", name=f"Lane {i}"))
    base.add_card(Card(id="c0", stage="s0", lane="l0", title="Searches"))
    base.add_card(Card(id="c1", stage="s0", lane="l0", title="Calls", kpi=Kpi(name="Calls", target=5.0)))
    base.add_card(Card(id="c2", stage="s1", lane="l0", title="Reads"))
    base.add_card(Card(id="c3", stage="s1", lane="l1", title="Pays"))
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.card("c0").title, theirs.card("c0").title = "Googles", "Asks friends"
    ours.card("c1").kpi, theirs.card("c1").kpi = Kpi(name="Calls", target=6.0), Kpi(name="Calls", target=9.0)
    ours.remove_cards(["c2"])
    theirs.card("c2").text = "on Avito"
    ours.move_card("c3", "s0", "l1")
    theirs.move_card("c3", "s2", "l1")
    return merge(base, ours, theirs).doc


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "merged.cjm"
    doc = merged_map()
    path.write_bytes(dumps(doc))
    window = MainWindow(doc, path, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    return window


def conflict_on(doc: JourneyMap, element: str):
    return next(c for c in doc.conflicts if c.element == element)


def test_the_window_says_the_map_has_conflicts_and_marks_the_cards(window):
    assert window.conflicts_notice.isVisible() and "4 conflicts" in window.conflicts_notice.text()
    assert window.conflicts_notice.styleSheet() == "color: #D32F2F; font-weight: bold"  # red and bold, as shown
    marks = window.scene.conflict_marks.items
    assert set(marks) == {("card", "c0"), ("card", "c1"), ("card", "c2"), ("card", "c3")}
    tip = marks[("card", "c0")].toolTip()
    assert "title: ours “Googles” / theirs “Asks friends”" in tip
    window.conflicts_notice.click()
    assert window.conflicts_dialog.isVisible()


def test_the_list_shows_each_conflict_and_keep_theirs_is_one_undo_step(window):
    window.show_conflicts()
    dialog = window.conflicts_dialog
    doc = window.session.doc
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.rowCount() == 4
    row = rows["Card “Googles”"]
    assert [dialog.table.item(row, c).text() for c in range(1, 4)] == ["title", "“Googles”", "“Asks friends”"]
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    dialog.table.selectionModel().select(dialog.table.model().index(row, 0), flags)
    steps = window.session.undo_stack.count()
    dialog.keep_theirs.click()
    assert doc.card("c0").title == "Asks friends" and len(doc.conflicts) == 3 and dialog.table.rowCount() == 3
    assert window.session.undo_stack.count() == steps + 1
    assert ("card", "c0") not in window.scene.conflict_marks.items
    window.session.undo_stack.undo()
    assert doc.card("c0").title == "Googles" and len(doc.conflicts) == 4 and dialog.table.rowCount() == 4
    assert ("card", "c0") in window.scene.conflict_marks.items


def test_double_click_shows_the_card(window, qtbot):
    window.show_conflicts()
    dialog = window.conflicts_dialog
    row = next(r for r in range(4) if dialog.shown[r] == conflict_on(window.session.doc, "c2").id)
    dialog.table.itemDoubleClicked.emit(dialog.table.item(row, 0))
    assert window.scene.selected_card_ids() == ["c2"]


def test_all_as_theirs_settles_every_conflict_in_one_step(window):
    window.show_conflicts()
    doc, stack = window.session.doc, window.session.undo_stack
    steps = stack.count()
    window.conflicts_dialog.all_theirs.click()
    assert doc.conflicts == [] and not window.conflicts_notice.isVisible()
    assert doc.card("c0").title == "Asks friends" and doc.card("c1").kpi.target == 9.0
    assert doc.card("c2").text == "on Avito"  # theirs changed it: kept
    assert (doc.card("c3").stage, doc.card("c3").lane) == ("s2", "l1")
    assert stack.count() == steps + 1
    stack.undo()
    assert len(doc.conflicts) == 4 and doc.card("c0").title == "Googles"


def test_resolving_each_kind():
    session = DocumentSession(merged_map())
    doc, edits = session.doc, Editor(session)
    merged = dumps(doc)
    edits.resolve_conflicts([conflict_on(doc, "c1").id], "theirs")
    assert doc.card("c1").kpi == Kpi(name="Calls", target=9.0)
    edits.resolve_conflicts([conflict_on(doc, "c2").id], "ours")  # ours removed it
    assert "c2" not in {c.id for c in doc.cards}
    stage = conflict_on(doc, "c3")
    assert (stage.field, stage.ours, stage.theirs) == ("stage", "s0", "s2")
    edits.resolve_conflicts([stage.id], "theirs")  # a move to theirs' cell
    assert [c.id for c in doc.cards_in("s2", "l1")] == ["c3"]
    edits.resolve_conflicts([conflict_on(doc, "c0").id], "ours")
    assert doc.conflicts == [] and doc.card("c0").title == "Googles"
    for _ in range(4):
        session.undo_stack.undo()
    assert dumps(doc) == merged


def test_a_value_naming_what_is_gone_changes_nothing():
    session = DocumentSession(merged_map())
    doc, edits = session.doc, Editor(session)
    stage = conflict_on(doc, "c3")
    edits.remove_part("stage", "s2")
    left, steps = len(doc.conflicts), session.undo_stack.count()
    with pytest.raises(ModelError):
        edits.resolve_conflicts([stage.id], "theirs")
    assert len(doc.conflicts) == left == 4 and session.undo_stack.count() == steps
    assert conflict_text(stage) == "stage: ours “s0” / theirs “s2”"
