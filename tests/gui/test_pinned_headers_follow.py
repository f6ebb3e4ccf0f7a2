"""The pinned bands follow the map: at every zoom, and after a stage or lane is added, removed,
renamed, recoloured or resized, undone and redone, each change laid out once and the bands showing the
new headers at once (their headers in place are scrolled out of sight, so nothing else repaints them)."""

import pytest
from PySide6.QtGui import QImage

from cjm_designer.canvas.painting import ACCENT
from cjm_designer.layout.text import TextStyle
from cjm_designer.model import LaneKind
from cjm_designer.model.document import ElementKind
from tests.gui.pinned_headers_support import ink, near, pins, scene_rect, show_from, template_canvas


def _band_follows(canvas, image: QImage) -> int:
    """Every header drawn in the bands shows its fill at both visible ends and the corner shows the
    background; how many headers were looked at."""
    layout, view, px = canvas.scene.layout, canvas.view, 1 / canvas.view.zoom()
    band, visible = pins(canvas), view.visible_scene_rect()
    seen = 0
    for stage in layout.stages.values():
        left = max(stage.header.x, band.corner.right()) + 8 * px
        right = min(stage.header.right, visible.right()) - 4 * px
        if left < right:
            y = band.corner.bottom() - 3 * px
            assert near(image, canvas.at(left, y), stage.fill) and near(image, canvas.at(right, y), stage.fill)
            seen += 1
    for lane in layout.lanes.values():
        top = max(lane.header.y, band.corner.bottom()) + 8 * px
        bottom = min(lane.header.bottom, visible.bottom()) - 4 * px
        if top < bottom:
            x = band.corner.right() - 3 * px
            assert near(image, canvas.at(x, top), lane.fill) and near(image, canvas.at(x, bottom), lane.fill)
            seen += 1
    assert near(image, canvas.at(band.corner.center().x(), band.corner.center().y()),
                canvas.scene.backgroundBrush().color())
    return seen


@pytest.mark.parametrize(("zoom", "size"), [(0.25, (280, 280)), (1.0, (800, 600)), (3.0, (1200, 900))])
def test_the_bands_show_the_headers_in_view_at_every_zoom(qtbot, zoom, size):
    canvas = template_canvas(qtbot, zoom, size)
    layout = canvas.scene.layout
    stage, lane = next(iter(layout.stages.values())), next(iter(layout.lanes.values()))
    image = show_from(canvas, qtbot, lane.header.x + 80, stage.header.bottom + 60)
    band = pins(canvas)
    assert band.dx > 0 and band.dy > 0
    assert _band_follows(canvas, image) >= 2


def _pinned_template(qtbot):
    canvas = template_canvas(qtbot, 1.0, (1000, 700))
    layout = canvas.scene.layout
    stage, lane = next(iter(layout.stages.values())), next(iter(layout.lanes.values()))
    show_from(canvas, qtbot, stage.header.x + 40 - lane.header.w, lane.header.y + 100)
    return canvas


def _relaid(canvas, qtbot, change) -> QImage:
    """Make `change`; the view once it is laid out (once) and painted."""
    relayouts = []
    canvas.scene.laidOut.connect(lambda: relayouts.append(1))
    change()
    qtbot.wait(10)
    assert len(relayouts) == 1
    return canvas.view.viewport().grab().toImage()


def _name_end(canvas, image: QImage, stage_id: str) -> int:
    """The right end of the ink of a pinned stage's first line, in viewport pixels."""
    stage, band = canvas.scene.layout.stages[stage_id], pins(canvas)
    name = stage.texts[0]
    row = scene_rect(canvas, stage.header.x, name.y - name.size + band.dy, stage.header.right, name.y + band.dy)
    return max(p.x() for p in ink(image, row))


def _name_width(canvas, stage_id: str) -> int:
    name = canvas.scene.layout.stages[stage_id].texts[0]
    return canvas.at(name.x + TextStyle(name.size, name.bold).width(name.text), 0).x()


def _steps(canvas):
    """Each change to the stages and lanes the bands show, then its undo and redo."""
    edits, layout = canvas.scene.edits, canvas.scene.layout
    stages, lanes = list(layout.stages), list(layout.lanes)
    return [
        lambda: edits.set_fields(ElementKind.STAGE, {stages[1]: {"color": "#F4B8C8"}}),
        lambda: edits.resize_part(ElementKind.STAGE, stages[1], layout.stages[stages[1]].column.w + 120),
        lambda: edits.add_stage(1, "Новый этап"),
        lambda: edits.remove_part(ElementKind.STAGE, stages[0]),
        lambda: edits.set_fields(ElementKind.LANE, {lanes[1]: {"kind": LaneKind.PAIN_POINTS}}),
        lambda: edits.resize_part(ElementKind.LANE, lanes[0], layout.lanes[lanes[0]].row.h + 150),
        lambda: edits.add_lane(1, "Новая дорожка", LaneKind.OWNERS),
        lambda: edits.remove_part(ElementKind.LANE, lanes[0]),
    ]


def test_the_bands_follow_each_change_of_stages_and_lanes_and_its_undo_and_redo(qtbot):
    canvas = _pinned_template(qtbot)
    stack = canvas.session.undo_stack
    for step in _steps(canvas):
        before = [(b.stage_id, b.header, b.fill) for b in canvas.scene.layout.stages.values()] + \
                 [(b.lane_id, b.header, b.fill) for b in canvas.scene.layout.lanes.values()]
        _band_follows(canvas, _relaid(canvas, qtbot, step))
        after = [(b.stage_id, b.header, b.fill) for b in canvas.scene.layout.stages.values()] + \
                [(b.lane_id, b.header, b.fill) for b in canvas.scene.layout.lanes.values()]
        assert after != before  # the change shows in the headers
        _band_follows(canvas, _relaid(canvas, qtbot, stack.undo))
        _band_follows(canvas, _relaid(canvas, qtbot, stack.redo))


def test_a_renamed_stage_shows_its_new_name_in_the_band(qtbot):
    canvas = _pinned_template(qtbot)
    stage_id = list(canvas.scene.layout.stages)[2]  # wholly in view
    old_end = _name_end(canvas, canvas.view.viewport().grab().toImage(), stage_id)
    assert old_end == pytest.approx(_name_width(canvas, stage_id), abs=2)
    rename = canvas.scene.edits.set_fields
    image = _relaid(canvas, qtbot, lambda: rename(ElementKind.STAGE, {stage_id: {"name": "Выбор"}}))
    assert _name_end(canvas, image, stage_id) == pytest.approx(_name_width(canvas, stage_id), abs=2)
    assert _name_end(canvas, image, stage_id) < old_end - 20
    image = _relaid(canvas, qtbot, canvas.session.undo_stack.undo)
    assert _name_end(canvas, image, stage_id) == old_end


def test_a_selected_pinned_header_is_framed_in_the_band(qtbot):
    canvas = _pinned_template(qtbot)
    layout, scene = canvas.scene.layout, canvas.scene
    stage = list(layout.stages.values())[2]
    band = pins(canvas)
    edge = canvas.at(stage.header.x + 1, band.corner.center().y())  # on its left edge
    assert not near(canvas.view.viewport().grab().toImage(), edge, ACCENT)
    canvas.click(canvas.at(stage.header.center.x, band.corner.center().y()))
    assert [item.element_id for item in scene.selectedItems()] == [stage.stage_id]
    assert near(canvas.view.viewport().grab().toImage(), edge, ACCENT)
