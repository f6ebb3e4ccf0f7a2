"""The Analytics dock, the heat map and the card filter on a real window."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from cjm_designer.canvas.scene import FADED, HEAT_CARD, HEAT_UNMEASURED
from cjm_designer.io import load
from cjm_designer.layout import palette
from cjm_designer.layout.palette import LANE_FILL
from cjm_designer.model.analytics import analyse, heat_values
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from cjm_designer.ui import analytics_panel
from cjm_designer.ui.main_window import MainWindow


def five_stages(open_window):
    return open_window(load(templates_dir() / "five-stages.ru.cjm"))


def show_analytics(window):
    """Bring the Analytics tab to the front, as clicking it does."""
    dock = next(d for d in window.docks if d.objectName() == "dock-analytics")
    dock.show()
    dock.raise_()
    QApplication.processEvents()


def test_the_panel_shows_the_funnel_touchpoints_and_pains_and_follows_edits(open_window):
    window = five_stages(open_window)
    show_analytics(window)
    panel, doc = window.analytics, window.session.doc
    data = analyse(doc)
    rows = panel.funnel.rows()
    assert [name for name, *_ in rows] == [stage.name for stage in doc.stages]
    assert [drop for *_, drop in rows].count(True) == 1
    assert rows[[s.id for s in doc.stages].index(data.funnel.largest_drop)][3]
    assert doc.stage(data.funnel.largest_drop).name in panel.funnel_note.text()
    total = panel.touchpoints.topLevelItem(panel.touchpoints.topLevelItemCount() - 1)
    assert total.text(1) == str(data.total_touchpoints)
    assert panel.pains.topLevelItemCount() == len(data.pain_points) > 0
    first_pain = panel.pains.topLevelItem(0)
    panel.pains.itemClicked.emit(first_pain, 0)
    assert window.scene.selected_card_ids() == [data.pain_points[0][0]]
    stage = doc.stages[0]
    before = stage.entering
    assert window.scene.edits.set_fields(ElementKind.STAGE, {stage.id: {"entering": 50}})  # any undoable edit
    assert panel.funnel.rows()[0][1] == 50
    window.session.undo_stack.undo()
    assert panel.funnel.rows()[0][1] == before


def test_the_heat_map_colours_cards_and_cells_and_goes_away(open_window):
    window = five_stages(open_window)
    scene, bar, doc = window.scene, window.analyse_bar, window.session.doc
    assert not any(action.isVisible() for action in bar.legend_actions)
    assert bar.legend.pixmap().isNull()  # drawn when a heat map is first shown: not at start
    bar.choose_heat("quality")
    assert scene.heat == "quality" and all(action.isVisible() for action in bar.legend_actions)
    assert not bar.legend.pixmap().isNull()
    values = heat_values(doc, "quality")
    measured = next(c for c in doc.cards if c.id in values)
    unmeasured = next(c for c in doc.cards if c.id not in values)
    assert scene.card_items[measured.id].fill == QColor(palette.heat_color(values[measured.id], HEAT_CARD))
    assert scene.card_items[unmeasured.id].fill == QColor(HEAT_UNMEASURED)
    cell = scene.cell_items[(measured.stage, measured.lane)]
    assert cell.fill != QColor(palette.cell_fill(LANE_FILL[doc.lane(measured.lane).kind]))
    bar.choose_heat(None)
    assert scene.heat is None
    assert scene.card_items[measured.id].fill == QColor(measured.color or LANE_FILL[doc.lane(measured.lane).kind])


def test_a_filter_fades_every_card_but_the_chosen_channels(open_window):
    window = five_stages(open_window)
    scene, bar, doc = window.scene, window.analyse_bar, window.session.doc
    bar.choose_filter("channel", "email")
    kept = {c.id for c in doc.cards if c.channel == "email"}
    assert kept
    for card in doc.cards:
        assert scene.card_items[card.id].opacity() == (1.0 if card.id in kept else FADED)
    assert [bar.value.itemData(i) for i in range(bar.value.count())][0] == "email"  # the most used first
    bar.choose_filter(None)
    assert all(item.opacity() == 1.0 for item in scene.card_items.values())


def test_the_panel_shows_map_text_as_written_never_as_markup(open_window, tmp_path):
    """A stage name `<img src=…>` on the stage with the largest drop is quoted in the funnel sentence:
    it must be shown as those characters, not as a picture loaded from the file."""
    doc = load(templates_dir() / "five-stages.ru.cjm")
    drop = analyse(doc).funnel.largest_drop
    doc.stage(drop).name = f"<img src={tmp_path / 'x.png'}>\u202egnp.exe"
    doc.cards[0].title = "<b>bold</b>\u202e"
    window = open_window(doc)
    show_analytics(window)
    panel = window.analytics
    shown = f"<img src={tmp_path / 'x.png'}>[U+202E]gnp.exe"
    assert shown in panel.funnel_note.text()
    assert panel.funnel_note.textFormat() == Qt.TextFormat.PlainText
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in panel.findChildren(QLabel))
    assert panel.funnel_title.font().bold() and "<" not in panel.funnel_title.text()
    assert shown in [name for name, *_ in panel.funnel.rows()]
    stages = [panel.touchpoints.topLevelItem(i).text(0) for i in range(panel.touchpoints.topLevelItemCount())]
    assert shown in stages and not any("\u202e" in text for text in stages)


def test_the_panel_counts_only_while_it_is_on_screen(open_window, monkeypatch):
    """At start the Analytics tab is behind the Inspector: the map is not counted until it is shown,
    edits meanwhile only mark the figures stale, and shown they are those of the map as it is."""
    counted = []
    monkeypatch.setattr(analytics_panel, "analyse", lambda doc: counted.append(1) or analyse(doc))
    monkeypatch.setattr(MainWindow, "_restore_layout", lambda self: None)  # the docks of a first start
    window = five_stages(open_window)
    QApplication.processEvents()
    panel, session = window.analytics, window.session
    stage = session.doc.stages[0]
    assert not panel.on_screen() and (counted, panel.stale) == ([], True)
    for entering in (50, 60):
        assert window.scene.edits.set_fields(ElementKind.STAGE, {stage.id: {"entering": entering}})
    assert counted == [] and panel.funnel.rows() == []
    show_analytics(window)
    assert panel.on_screen() and counted == [1] and not panel.stale
    assert panel.funnel.rows()[0][1] == 60
    assert window.scene.edits.set_fields(ElementKind.STAGE, {stage.id: {"entering": 70}})  # shown: counted at once
    assert counted == [1, 1] and panel.funnel.rows()[0][1] == 70
    window.docks[0].raise_()  # the Inspector's tab in front again
    QApplication.processEvents()
    session.undo_stack.undo()
    assert not panel.on_screen() and counted == [1, 1] and panel.stale
    show_analytics(window)
    assert counted == [1, 1, 1] and panel.funnel.rows()[0][1] == 60
    show_analytics(window)  # shown again with nothing changed: nothing to count
    assert counted == [1, 1, 1]
