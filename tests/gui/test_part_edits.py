"""An edit of a stage's or a lane's fields lays out and updates on the canvas only what it changes:
their headers, a lane's row and what it moves; never the whole map."""

import pytest
from PySide6.QtGui import QColor

from cjm_designer.canvas import scene as scene_module
from cjm_designer.canvas.items import CardItem, CellItem, HeaderItem
from cjm_designer.canvas.scene import FADED
from cjm_designer.layout import palette
from cjm_designer.layout.palette import LANE_FILL
from cjm_designer.model import LaneKind
from cjm_designer.model.analytics import CardFilter, cell_heat, heat_values
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map
from tests.gui.conftest import Canvas
from tests.gui.test_big_maps import _items_show_the_layout


@pytest.fixture
def shown(monkeypatch):
    """The items shown anew, by kind, from when the test asks (`shown.clear()`); and any full layout
    run meanwhile (none may)."""
    calls: dict[str, list] = {"cards": [], "cells": [], "headers": [], "full": []}
    for cls, name in ((CardItem, "cards"), (CellItem, "cells"), (HeaderItem, "headers")):
        original = cls.show
        monkeypatch.setattr(cls, "show", lambda item, *args, _o=original, _n=name: (calls[_n].append(item),
                                                                                    _o(item, *args))[1])
    layout = scene_module.compute_layout
    monkeypatch.setattr(scene_module, "compute_layout", lambda *a, **k: (calls["full"].append(1), layout(*a, **k))[1])

    class Shown(dict):
        def clear(self) -> None:
            for found in self.values():
                found.clear()

    return Shown(calls)


def test_a_lane_rename_updates_its_header_and_nothing_else(qtbot, shown):
    canvas = Canvas(qtbot, generate_map(300, stages=5, lanes=5))
    scene, doc = canvas.scene, canvas.doc
    lane = doc.lanes[2]
    before, header = scene.layout, scene.lane_items[lane.id]
    items = (dict(scene.card_items), dict(scene.cell_items), dict(scene.stage_items), dict(scene.link_items))
    shown.clear()
    assert scene.edits.rename(ElementKind.LANE, lane.id, "Что думает клиент")
    assert not shown["full"] and not shown["cards"] and shown["headers"] == [header]
    assert header.texts[0].text == "Что думает клиент" and scene.lane_items[lane.id] is header
    assert (scene.card_items, scene.cell_items, scene.stage_items, scene.link_items) == items  # the very items
    assert all(scene.layout.cards[card_id] is box for card_id, box in before.cards.items())
    _items_show_the_layout(scene)
    shown.clear()
    canvas.session.undo_stack.undo()
    assert not shown["full"] and shown["headers"] == [header] and header.texts[0].text == lane.name


def test_a_stage_s_colour_and_name_update_its_header_alone(qtbot, shown):
    canvas = Canvas(qtbot, generate_map(300, stages=5, lanes=5))
    scene, stage = canvas.scene, canvas.doc.stages[1]
    header = scene.stage_items[stage.id]
    shown.clear()
    scene.edits.set_fields(ElementKind.STAGE, {stage.id: {"color": "#F4B8C8"}})
    assert not shown["full"] and shown["headers"] == [header] and header.fill == QColor("#F4B8C8")
    shown.clear()
    scene.edits.rename(ElementKind.STAGE, stage.id, "Выбор")
    assert not shown["full"] and shown["headers"] == [header] and header.texts[0].text == "Выбор"
    assert not (shown["cards"] or shown["cells"])
    _items_show_the_layout(scene)


def test_a_lane_s_kind_recolours_its_header_cells_and_cards(qtbot, shown):
    canvas = Canvas(qtbot, generate_map(60, stages=3, lanes=3))
    scene, doc = canvas.scene, canvas.doc
    lane = next(lane for lane in doc.lanes if lane.kind != LaneKind.EMOTIONS)
    card = next(card for card in doc.cards if card.lane == lane.id and not card.color)
    shown.clear()
    scene.edits.set_fields(ElementKind.LANE, {lane.id: {"kind": LaneKind.PAIN_POINTS}})
    fill = LANE_FILL[LaneKind.PAIN_POINTS]
    assert not shown["full"]
    assert scene.lane_items[lane.id].fill == QColor(palette.header_fill(fill))
    assert all(scene.cell_items[(stage.id, lane.id)].fill == QColor(palette.cell_fill(fill)) for stage in doc.stages)
    assert scene.card_items[card.id].fill == QColor(fill)
    _items_show_the_layout(scene)


def test_a_lane_turned_to_emotions_gets_its_curve_and_loses_it_again(qtbot, shown):
    canvas = Canvas(qtbot, generate_map(60, stages=3, lanes=3))
    scene, doc = canvas.scene, canvas.doc
    lane = next(lane for lane in doc.lanes if lane.kind != LaneKind.EMOTIONS)
    shown.clear()
    scene.edits.set_fields(ElementKind.LANE, {lane.id: {"kind": LaneKind.EMOTIONS}})
    assert lane.id in scene.curve_items and scene.curve_items[lane.id].curves
    _items_show_the_layout(scene)
    canvas.session.undo_stack.undo()
    assert lane.id not in scene.curve_items and not shown["full"]
    _items_show_the_layout(scene)


def test_a_lane_s_kind_under_a_heat_map_keeps_the_heat_and_a_filter_keeps_its_fade(qtbot):
    canvas = Canvas(qtbot, generate_map(60, stages=3, lanes=3))
    scene, doc = canvas.scene, canvas.doc
    scene.set_card_filter(CardFilter("channel", "__none__"))  # every card faded
    scene.set_heat("quality")
    lane = next(lane for lane in doc.lanes if lane.kind != LaneKind.EMOTIONS)
    scene.edits.set_fields(ElementKind.LANE, {lane.id: {"kind": LaneKind.PAIN_POINTS}})
    scene.edits.rename(ElementKind.LANE, lane.id, "Боли")
    scene.edits.set_fields(ElementKind.STAGE, {doc.stages[0].id: {"color": "#F4B8C8"}})
    heat = cell_heat(doc, heat_values(doc, "quality"))
    for stage in doc.stages:
        fill = scene.cell_items[(stage.id, lane.id)].fill
        if (stage.id, lane.id) in heat:
            assert fill == QColor(palette.heat_color(heat[(stage.id, lane.id)], scene_module.HEAT_CELL))
        else:
            assert fill == QColor(palette.cell_fill(LANE_FILL[LaneKind.PAIN_POINTS]))
    assert all(item.opacity() == FADED for item in scene.card_items.values())
    _items_show_the_layout(scene)


def test_a_taller_lane_moves_the_items_below(qtbot, shown):
    canvas = Canvas(qtbot, generate_map(60, stages=3, lanes=3))
    scene, doc = canvas.scene, canvas.doc
    lane, below = doc.lanes[0], doc.lanes[1]
    card = next(card for card in doc.cards if card.lane == below.id)
    y = scene.card_items[card.id].y()
    shown.clear()
    height = scene.layout.lanes[lane.id].row.h
    scene.edits.resize_part(ElementKind.LANE, lane.id, height + 100)  # (rounded to a whole point)
    assert not shown["full"] and scene.card_items[card.id].y() == y + round(height + 100) - height
    _items_show_the_layout(scene)
