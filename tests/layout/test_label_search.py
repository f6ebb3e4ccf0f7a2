"""The index label placement searches with makes the same decisions as a plain look at everything:
the free stretches along a strip, found from the obstacles of the cells under it, are those a sweep
over every card, label and the grid's edges finds."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_designer.io import load
from cjm_designer.layout import DEFAULT_STYLE, compute_layout
from cjm_designer.layout.geometry import Rect
from cjm_designer.layout.link_labels import MARGIN, Room, free_starts
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir

LAYOUTS = [compute_layout(generate_map(160, stages=3, lanes=3, links=0)),  # tall stacks of cards
           compute_layout(generate_map(60, stages=2, lanes=4, links=0, seed=4))] + [
    compute_layout(load(path)) for path in sorted(templates_dir().glob("*.cjm")) if "blank" not in path.stem]


def reference_free(layout, labels, inside, strip, vertical, low, high, length, extra):
    """The free stretches from `low` to `high` along `strip`: every card, label and `extra` rectangle
    that meets the strip widened by the margin blocks its stretch widened by the margin, and so do the
    grid's edges; a stretch at least `length` long that nothing blocks is free (touching is free).
    None when the strip leaves the grid across its length."""
    stages, lanes = list(layout.stages.values()), list(layout.lanes.values())
    grid_left, grid_top = stages[0].column.x, stages[0].column.y
    grid_right = max(stage.column.right for stage in stages)
    grid_bottom = max(lane.row.bottom for lane in lanes)
    sx, sy, sw, sh = strip
    if vertical:
        if sx < grid_left or (inside and sx + sw > grid_right):
            return None
        blocked = [(-math.inf, grid_top)] + ([(grid_bottom, math.inf)] if inside else [])
    else:
        if sy < grid_top or (inside and sy + sh > grid_bottom):
            return None
        blocked = [(-math.inf, grid_left)] + ([(grid_right, math.inf)] if inside else [])
    left, top, right, bottom = sx - MARGIN, sy - MARGIN, sx + sw + MARGIN, sy + sh + MARGIN
    for x, y, w, h in [box.rect for box in layout.cards.values()] + labels + extra:
        if x < right and left < x + w and y < bottom and top < y + h:
            blocked.append((y - MARGIN, y + h + MARGIN) if vertical else (x - MARGIN, x + w + MARGIN))
    free, reached = [], low
    for start, end in sorted(blocked):
        if start >= high:
            break
        if start - reached >= length:
            free.append((reached, start))
        reached = max(reached, end)
    if high - reached >= length:
        free.append((reached, high))
    return free


@st.composite
def searches(draw):
    """A map, labels on it, and strips looked along, many of them up and down gutters between stacked
    cards and across cards' sides, where most strips are looked along."""
    layout = draw(st.sampled_from(LAYOUTS))
    gutters = [stage.column.x for stage in layout.stages.values()] + [
        stage.column.right for stage in layout.stages.values()]
    coordinate_x = st.sampled_from(gutters).flatmap(lambda x: st.floats(x - 60, x + 60)) | st.floats(
        -50, layout.width + 50)
    coordinate_y = st.floats(-50, layout.height + 50)
    labels = draw(st.lists(st.builds(Rect, coordinate_x, coordinate_y, st.floats(10, 90), st.floats(10, 40)),
                           max_size=15))
    strips = []
    for _ in range(draw(st.integers(1, 6))):
        vertical = draw(st.booleans())
        width, height = draw(st.floats(10, 120)), draw(st.sampled_from([18.625, 33.25]) | st.floats(5, 60))
        length = height if vertical else width
        low = draw(coordinate_y if vertical else coordinate_x)
        high = low + draw(st.floats(0, 900))
        across = draw(coordinate_x if vertical else coordinate_y)
        strip = Rect(across, low, width, high - low) if vertical else Rect(low, across, high - low, height)
        extra = draw(st.lists(st.builds(Rect, coordinate_x, coordinate_y, st.floats(1, 30), st.floats(1, 30)),
                              max_size=1))
        strips.append((strip, vertical, low, high, length, extra))
    return layout, labels, draw(st.booleans()), strips


@settings(max_examples=200, deadline=None)
@given(searches())
def test_the_free_stretches_along_a_strip_are_those_a_look_at_everything_finds(case):
    layout, labels, inside, strips = case
    room = Room(layout, {}, DEFAULT_STYLE.card_padding)
    for label in labels:
        room.obstacles.add_label(label)
    room.inside = inside
    for strip, vertical, low, high, length, extra in strips:
        spans = room.blocked(strip, vertical, [(x, y, x + w, y + h, 0.0) for x, y, w, h in extra], False)
        found = None if spans is None else free_starts(spans[0], low, high, length)
        assert found == reference_free(layout, labels, inside, strip, vertical, low, high, length, extra)
