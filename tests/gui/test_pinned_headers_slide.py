"""A header partly scrolled off keeps its text in sight, like a sticky section title: a stage's lines
start right of the lane band as they start right of its own left edge in place, a lane's start below
the stage band as they start below its own top; the fills stay in their columns and rows."""

import pytest

from cjm_designer.canvas.pinned_headers import slid_across, slid_down
from cjm_designer.layout import compute_layout
from cjm_designer.layout.text import ELLIPSIS, TextStyle
from cjm_designer.model.synthetic import generate_map
from tests.gui.pinned_headers_support import ink, near, pins, scene_rect, show_from, template_canvas


def _width(line) -> float:
    return TextStyle(line.size, line.bold).width(line.text)


@pytest.mark.parametrize("zoom", [1.0, 3.0])
def test_a_stage_cut_off_on_the_left_shows_its_name_from_the_lane_band_on(qtbot, zoom):
    canvas = template_canvas(qtbot, zoom, (int(400 * zoom), int(400 * zoom)))
    layout = canvas.scene.layout
    stage, after = list(layout.stages.values())[:2]
    lane = next(iter(layout.lanes.values()))
    name = stage.texts[0]
    in_place = show_from(canvas, qtbot, 0, 0)
    row = scene_rect(canvas, stage.header.x, name.y - name.size, stage.header.right, name.y + name.size / 4)
    offset = min(p.x() for p in ink(in_place, row)) - canvas.at(stage.header.x, 0).x()

    # the lane band's right edge a third into the stage, the stage band pinned to the top
    image = show_from(canvas, qtbot, stage.header.x + stage.header.w / 3 - lane.header.w, stage.header.bottom + 200)
    band = pins(canvas)
    assert band.dx > 0 and band.dy > 0 and stage.header.x < band.corner.right() < stage.header.x + stage.header.w / 2
    row = scene_rect(canvas, band.corner.right(), name.y - name.size + band.dy, stage.header.right,
                     name.y + name.size / 4 + band.dy)
    letters = ink(image, row)
    assert min(p.x() for p in letters) - canvas.at(band.corner.right(), 0).x() == pytest.approx(offset, abs=1.5)
    name_end = band.corner.right() + (name.x - stage.header.x) + _width(name)
    assert max(p.x() for p in letters) <= canvas.at(name_end, 0).x() + 2
    fill_y = band.corner.bottom() - 3 / zoom  # under the texts, above the band's bottom edge
    assert near(image, canvas.at(stage.header.right - 4 / zoom, fill_y), stage.fill)
    assert near(image, canvas.at(after.header.x + 4 / zoom, fill_y), after.fill)


@pytest.mark.parametrize("zoom", [1.0, 3.0])
def test_a_lane_cut_off_at_the_top_shows_its_name_from_the_stage_band_down(qtbot, zoom):
    canvas = template_canvas(qtbot, zoom, (int(400 * zoom), int(400 * zoom)))
    layout = canvas.scene.layout
    stage = next(iter(layout.stages.values()))
    lane, below = list(layout.lanes.values())[:2]
    name = lane.texts[0]
    in_place = show_from(canvas, qtbot, 0, 0)
    column = scene_rect(canvas, name.x, lane.header.y, name.x + _width(name), lane.header.bottom)
    offset = min(p.y() for p in ink(in_place, column)) - canvas.at(0, lane.header.y).y()

    # the stage band's bottom edge a quarter into the lane, the lane band pinned to the left
    image = show_from(canvas, qtbot, lane.header.right + 100, lane.header.y + lane.header.h / 4 - stage.header.h)
    band = pins(canvas)
    assert band.dx > 0 and band.dy > 0 and lane.header.y < band.corner.bottom() < lane.header.y + lane.header.h / 2
    column = scene_rect(canvas, name.x + band.dx, band.corner.bottom(), name.x + band.dx + _width(name),
                        lane.header.bottom)
    assert min(p.y() for p in ink(image, column)) - canvas.at(0, band.corner.bottom()).y() == pytest.approx(offset,
                                                                                                          abs=1.5)
    fill_x = band.corner.right() - 3 / zoom
    assert near(image, canvas.at(fill_x, lane.header.bottom - 4 / zoom), lane.fill)
    assert near(image, canvas.at(fill_x, below.header.y + 4 / zoom), below.fill)


def test_a_stage_nearly_gone_keeps_the_start_of_its_lines_then_lets_them_go():
    stage = next(iter(compute_layout(generate_map(0, stages=2, lanes=1)).stages.values()))
    rect, lines = stage.header, stage.texts
    pad = lines[0].x - rect.x
    assert slid_across(lines, rect, rect.x - 10) == lines  # in full view: in place

    seen_from = rect.x + rect.w / 2
    half = slid_across(lines, rect, seen_from)
    assert [line.y for line in half] == [line.y for line in lines]
    assert {line.x for line in half} == {seen_from + pad}  # each line starts where the header is seen
    for before, after in zip(lines, half, strict=True):
        assert _width(after) <= rect.right - pad - after.x + 1e-6
        assert after.text == before.text or (after.text.endswith(ELLIPSIS)
                                             and before.text.startswith(after.text[:-1].rstrip()))
    assert any(after.text != before.text for before, after in zip(lines, half, strict=True))

    gone = slid_across(lines, rect, rect.right - 2 * pad)  # room for no line's first letters
    for before, after in zip(lines, gone, strict=True):
        assert after.x + _width(after) == pytest.approx(rect.right - pad)  # leaving with the header's end
        assert after.x < rect.right - pad - pad
        assert before.text.startswith(after.text.removesuffix(ELLIPSIS).rstrip())


def test_a_lane_nearly_gone_keeps_its_name_and_lets_it_go_with_its_bottom():
    lane = next(iter(compute_layout(generate_map(0, stages=1, lanes=1)).lanes.values()))
    rect, lines = lane.header, lane.texts
    assert len(lines) >= 2  # its name and its kind
    top_pad = lines[0].y - lines[0].size - rect.y
    assert slid_down(lines, rect, rect.y) == lines

    seen_from = rect.y + rect.h / 3
    third = slid_down(lines, rect, seen_from)
    assert third[0].y - third[0].size == pytest.approx(seen_from + top_pad)
    assert [line.y - lines[0].y for line in lines] == pytest.approx([line.y - third[0].y for line in third])

    last = rect.bottom - 2  # only the first line's place is left, and less
    gone = slid_down(lines, rect, last)
    assert [line.text for line in gone] == [lines[0].text]
    assert gone[0].y + gone[0].size / 4 <= rect.bottom and gone[0].y - gone[0].size < last
