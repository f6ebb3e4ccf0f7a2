"""The docks read each `Change`: one rebuilds only for a change of what it shows (the Analytics dock
for the stage fields it counts, the Comments dock for its card's title and thread, the Conflicts list
for conflicts settled or an element it names renamed, and only while open), and still follows every
change that is shown. The far-zoom overview draws the links in the colours the layout resolved."""


import pytest
from PySide6.QtCore import QLineF

from cjm_designer.canvas.items import OverviewItem
from cjm_designer.layout import compute_layout
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map
from tests.gui.test_conflicts import merged_map
from tests.gui.test_notifications import Counter
from tests.gui.test_votes_panel import show


@pytest.fixture
def window(open_window):
    return open_window(generate_map(300))


def test_the_analytics_dock_ignores_a_stage_s_width_and_colour(window, monkeypatch):
    stage, edits = window.session.doc.stages[0], window.scene.edits
    panel = show(window, "analytics")
    refreshed = Counter(monkeypatch, panel, "refresh")
    assert edits.set_fields(ElementKind.STAGE, {stage.id: {"width": 300.0}})
    assert edits.set_fields(ElementKind.STAGE, {stage.id: {"color": "#123456"}})
    assert refreshed.calls == 0
    assert edits.set_fields(ElementKind.STAGE, {stage.id: {"entering": 1000}})
    assert refreshed.calls == 1 and panel.funnel.rows()[0][1] == 1000
    assert edits.set_fields(ElementKind.STAGE, {stage.id: {"name": "Поиск"}})
    assert refreshed.calls == 2 and panel.touchpoints.topLevelItem(0).text(0) == "Поиск"


def test_the_comments_dock_rebuilds_only_for_its_card_s_title_and_thread(window, monkeypatch):
    session, scene, edits = window.session, window.scene, window.scene.edits
    panel = show(window, "comments")
    card, other = session.doc.cards[0], session.doc.cards[1]
    scene.select_cards([card.id])
    refreshed = Counter(monkeypatch, panel, "refresh")
    assert edits.set_fields(ElementKind.CARD, {card.id: {"quality": 2}})
    assert edits.set_fields(ElementKind.CARD, {other.id: {"title": "Другая"}})
    assert edits.move_part(ElementKind.LANE, session.doc.lanes[0].id, 1)
    assert refreshed.calls == 0
    assert edits.set_fields(ElementKind.CARD, {card.id: {"title": "Показанная"}})
    assert refreshed.calls == 1 and panel.title.text() == "Comments on “Показанная”"
    edits.add_comment(card.id, "Анна", "Проверить")
    assert refreshed.calls == 2 and [view.text.text() for view in panel.views] == ["Проверить"]
    edits.delete([card.id])
    assert "Select one card" in panel.title.text() and panel.views == []


def test_the_conflicts_list_is_made_again_only_when_it_may_differ_and_is_open(open_window, monkeypatch):
    window = open_window(merged_map())
    session, edits = window.session, window.scene.edits
    window.show_conflicts()
    dialog = window.conflicts_dialog
    refreshed = Counter(monkeypatch, dialog, "refresh")
    assert edits.set_fields(ElementKind.CARD, {"c0": {"text": "подробности"}})  # a field the list does not quote
    assert edits.set_fields(ElementKind.STAGE, {"s0": {"name": "Первый"}})  # an element it does not name
    assert refreshed.calls == 0
    assert edits.set_fields(ElementKind.CARD, {"c0": {"title": "Ищет"}})
    assert refreshed.calls == 1 and dialog.table.item(dialog.shown.index(conflict_id(session, "c0")), 0).text() \
        == "Card “Ищет”"
    dialog.close()
    assert edits.set_fields(ElementKind.CARD, {"c0": {"title": "Ищет в сети"}})
    window.scene.edits.resolve_conflicts([conflict_id(session, "c1")], "theirs")
    assert refreshed.calls == 1 and dialog.stale  # closed: made again when shown
    window.show_conflicts()
    assert refreshed.calls == 2 and dialog.table.rowCount() == 3 and not dialog.stale


def test_the_conflicts_list_of_a_map_without_conflicts_stays_as_it_is(window, monkeypatch):
    window.show_conflicts()
    refreshed = Counter(monkeypatch, window.conflicts_dialog, "refresh")
    window.scene.edits.add_stage(None, "Новый")
    assert window.scene.edits.set_fields(ElementKind.CARD, {window.session.doc.cards[0].id: {"title": "Новая"}})
    assert refreshed.calls == 0 and window.conflicts_dialog.table.rowCount() == 0


def conflict_id(session, element: str) -> str:
    return next(c.id for c in session.doc.conflicts if c.element == element)


def test_the_overview_draws_each_link_in_the_colour_its_layout_resolved():
    """Far out, each link's lines are drawn in the colour the layout gives its line on the map (without
    making the link's whole drawing: `drawing.link_stroke`, which that drawing is made with too)."""
    layout = compute_layout(generate_map(40))
    overview = OverviewItem()
    overview.show(layout, {card_id: box.fill for card_id, box in layout.cards.items()})
    _, links = overview.shapes()
    assert all(path._drawing is None for path in layout.links.values())
    for path in layout.links.values():
        drawn = links[path.drawing.line.stroke.color]
        assert all(QLineF(a.x, a.y, b.x, b.y) in drawn for a, b in zip(path.points, path.points[1:]))
    assert sum(len(lines) for lines in links.values()) == sum(len(p.points) - 1 for p in layout.links.values())
