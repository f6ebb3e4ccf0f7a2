"""With a heat map shown, an edit lays out only what it changes, as without one, and shows in their new
colours the cards and cells whose colour it changes, and only those: a card's measure recolours the
card and the mean of its cell; more clicks than any card had moves the scale, and with it the cards
measured by clicks; a card typed or deleted moves its cell's mean. Never a full layout."""

import pytest
from PySide6.QtGui import QColor

from cjm_designer.canvas import scene as scene_module
from cjm_designer.canvas.items import CardItem
from cjm_designer.layout import palette
from cjm_designer.model import LaneKind, Metrics
from cjm_designer.model.analytics import cell_heat, heat_values
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map
from tests.gui.conftest import Canvas
from tests.gui.test_big_maps import _items_show_the_layout


@pytest.fixture
def shown(monkeypatch) -> list:
    """The cards whose items are shown (placed, filled and faded again), in order."""
    calls: list = []
    show = CardItem.show
    monkeypatch.setattr(CardItem, "show", lambda item, *a, **k: (calls.append(item.card_id), show(item, *a, **k))[1])
    return calls


def _colours_are_the_heat_map_s(scene) -> None:
    """Every card and cell item is in the colour the heat map gives it now, the Overview's cards too."""
    doc = scene.session.doc
    heat = heat_values(doc, scene.heat)
    cells = cell_heat(doc, heat)
    expected = {card.id: palette.heat_color(heat[card.id], scene_module.HEAT_CARD) if card.id in heat
                else scene_module.HEAT_UNMEASURED for card in doc.cards}
    assert scene.card_fill == expected
    for card_id, item in scene.card_items.items():
        assert item.fill.name() == QColor(expected[card_id]).name()
    for key, item in scene.cell_items.items():
        fill = palette.heat_color(cells[key], scene_module.HEAT_CELL) if key in cells \
            else scene.layout.lanes[key[1]].cell_fill
        assert item.fill.name() == QColor(fill).name(), key
    _items_show_the_layout(scene)


def test_a_card_s_measure_recolours_the_card_and_its_cell_alone(qtbot, full_layouts, shown):
    canvas = Canvas(qtbot, generate_map(300, stages=5, lanes=5))
    scene, doc = canvas.scene, canvas.doc
    scene.set_heat("quality")
    card = doc.cards[40]
    cell = scene.cell_items[(card.stage, card.lane)].fill.name()
    full_layouts.clear()
    shown.clear()
    assert scene.edits.set_fields(ElementKind.CARD, {card.id: {"quality": 1 if card.quality != 1 else 5}})
    assert not full_layouts and shown == [card.id]
    assert scene.cell_items[(card.stage, card.lane)].fill.name() != cell
    _colours_are_the_heat_map_s(scene)
    canvas.session.undo_stack.undo()
    assert scene.cell_items[(card.stage, card.lane)].fill.name() == cell
    _colours_are_the_heat_map_s(scene)


def test_more_clicks_than_any_card_had_recolours_every_card_measured_by_clicks(qtbot, full_layouts, shown):
    canvas = Canvas(qtbot, generate_map(300, stages=5, lanes=5))
    scene, doc = canvas.scene, canvas.doc
    scene.set_heat("clicks")
    measured = {card.id for card in doc.cards if card.metrics and card.metrics.clicks}
    most = max(doc.card(card_id).metrics.clicks for card_id in measured)
    card = next(card for card in doc.cards if card.id not in measured)
    before, fills = scene.layout, dict(scene.card_fill)
    full_layouts.clear()
    shown.clear()
    assert scene.edits.set_fields(ElementKind.CARD, {card.id: {"metrics": Metrics(clicks=10 * most)}})
    relaid = {card_id for card_id, box in scene.layout.cards.items() if box is not before.cards[card_id]}
    recoloured = {card_id for card_id, fill in scene.card_fill.items() if fill != fills[card_id]}
    assert not full_layouts and set(shown) == recoloured | relaid
    assert len(recoloured) > len(measured) / 2  # the scale's top moved (a card of a few clicks stays as red)
    assert card.id in relaid  # (its face shows the clicks: it grew, and the cards under it moved)
    _colours_are_the_heat_map_s(scene)


def test_cards_typed_and_deleted_and_a_lane_s_kind_keep_the_heat_map_s_colours(qtbot, full_layouts):
    canvas = Canvas(qtbot, generate_map(300, stages=5, lanes=5))
    scene, doc = canvas.scene, canvas.doc
    scene.set_heat("quality")
    first = doc.cards[0]
    full_layouts.clear()
    card_id = scene.edits.add_card(first.stage, first.lane, None, "Оценка")
    assert scene.edits.set_fields(ElementKind.CARD, {card_id: {"quality": 1}})
    _colours_are_the_heat_map_s(scene)
    assert scene.edits.delete([first.id, card_id])
    _colours_are_the_heat_map_s(scene)
    lane = next(lane for lane in doc.lanes if lane.kind != LaneKind.PAIN_POINTS)
    # a lane without measured cards shows its own colour under the heat map, which its kind sets
    assert scene.edits.set_fields(ElementKind.CARD, {card.id: {"quality": None} for card in doc.cards
                                                     if card.lane == lane.id})
    _colours_are_the_heat_map_s(scene)
    assert scene.edits.set_fields(ElementKind.LANE, {lane.id: {"kind": LaneKind.PAIN_POINTS}})
    assert not full_layouts
    _colours_are_the_heat_map_s(scene)
    canvas.session.undo_stack.undo()
    canvas.session.undo_stack.undo()
    assert not full_layouts
    _colours_are_the_heat_map_s(scene)
