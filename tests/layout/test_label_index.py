"""The indexes label placement looks things up in find what a plain look at everything finds: the
cards and labels that meet a strip (wherever a label stands, in the grid or beyond it), the area of
labels under a place (summed in the order placement has always summed it, so ties between places come
out the same), and how long lines run inside a label's box."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_designer.io import load
from cjm_designer.layout import DEFAULT_STYLE, compute_layout
from cjm_designer.layout.geometry import Rect
from cjm_designer.layout.link_labels import CELL, LineIndex, Obstacles, RectIndex, obstacle
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir

LAYOUTS = [compute_layout(load(path)) for path in sorted(templates_dir().glob("*.cjm"))] + [
    compute_layout(generate_map(120, stages=4, lanes=3, links=0))]  # (tall cells, an emotions lane)

coordinates = st.floats(-150, 1500, allow_nan=False)
sizes = st.floats(0.5, 400, allow_nan=False) | st.floats(400, 1500)  # (some taller than any card, or wider)
rects = st.builds(Rect, coordinates, coordinates, sizes, sizes)


@st.composite
def on_a_map(draw, layout):
    """A rectangle on (or near, or well beyond the edge of) the map `layout`."""
    x, y = draw(st.floats(-0.2, 1.2)) * layout.width, draw(st.floats(-0.2, 1.2)) * layout.height
    return Rect(x, y, draw(sizes), draw(sizes))


@st.composite
def maps_with_rects(draw):
    """A laid out map, rectangles for labels on it and areas to look in."""
    layout = draw(st.sampled_from(LAYOUTS))
    return (layout, draw(st.lists(on_a_map(layout), max_size=12)),
            draw(st.lists(on_a_map(layout), min_size=1, max_size=6)))


def meets(entry, left, top, right, bottom) -> bool:
    x, y, far_x, far_y, _ = entry
    return x < right and left < far_x and y < bottom and top < far_y


def indexed(layout, labels: list[Rect]) -> tuple[Obstacles, list]:
    """The index of a map's cards and these labels, and every obstacle in it, by a plain listing."""
    index = Obstacles(layout, DEFAULT_STYLE.card_padding - 1)
    everything = [obstacle(box.rect, 0.0 if box.compact else index.edge) for box in layout.cards.values()]
    for rect in labels:
        index.add_label(rect)
        everything.append(obstacle(rect))
    return index, everything


@settings(max_examples=150)
@given(maps_with_rects())
def test_the_obstacles_near_an_area_are_all_that_meet_it(case):
    layout, labels, areas = case
    index, everything = indexed(layout, labels)
    for left, top, w, h in areas:
        right, bottom = left + w, top + h
        found = [obstacle for group in index.near(left, top, right, bottom, []) for obstacle in group]
        assert {o for o in found if meets(o, left, top, right, bottom)} == \
            {o for o in everything if meets(o, left, top, right, bottom)}


@settings(max_examples=150)
@given(st.lists(rects, max_size=30), st.lists(rects, min_size=1, max_size=10))
def test_an_index_of_rectangles_finds_every_rectangle_that_touches_an_area(indexed_rects, areas):
    index = RectIndex(indexed_rects)
    for area in areas:
        assert index.touches(area) == any(x <= area.right and area.x <= x + w and y <= area.bottom
                                          and area.y <= y + h for x, y, w, h in indexed_rects)


def bucket_keys(rect: Rect):
    """The buckets `CELL` wide that `rect` meets, in the order placement once kept labels in."""
    for i in range(int(rect.x // CELL), int((rect.x + rect.w) // CELL) + 1):
        for j in range(int(rect.y // CELL), int((rect.y + rect.h) // CELL) + 1):
            yield i, j


def area_in_buckets(labels: list[Rect], rect: Rect) -> float:
    """The labels' area under `rect` as placement summed it with labels kept in buckets: bucket by
    bucket, each label where first met."""
    buckets: dict[tuple[int, int], list[Rect]] = {}
    for label in labels:
        for key in bucket_keys(label):
            buckets.setdefault(key, []).append(label)
    met = {}
    for key in bucket_keys(rect):
        for label in buckets.get(key, ()):
            met.setdefault(id(label), label)
    left, top, right, bottom = rect.x, rect.y, rect.right, rect.bottom
    return sum(max(0.0, min(right, x + w) - max(left, x)) * max(0.0, min(bottom, y + h) - max(top, y))
               for x, y, w, h in met.values())


@settings(max_examples=150)
@given(maps_with_rects())
def test_the_area_of_labels_under_a_place_is_summed_as_it_always_was(case):
    layout, labels, places = case
    index, _ = indexed(layout, labels)
    for place in places:
        assert index.labels_area(place) == area_in_buckets(labels, place)


lengths = st.floats(0, 2000, allow_nan=False)
lines = st.one_of(st.builds(lambda x, y, n: Rect(x, y, 0, n), coordinates, coordinates, lengths),  # vertical
                  st.builds(lambda x, y, n: Rect(x, y, n, 0), coordinates, coordinates, lengths),  # horizontal
                  st.builds(lambda x, y, n: Rect(x, y, n, n / 2), coordinates, coordinates, lengths))  # a leader


@settings(max_examples=100)
@given(st.lists(st.tuples(lines, st.sampled_from("abc")), max_size=30), st.lists(rects, min_size=1, max_size=6))
def test_how_far_lines_run_inside_a_box_is_what_a_look_at_every_line_finds(owned, boxes):
    index = LineIndex()
    for span, owner in owned:
        index.append(span, owner)
    for box in boxes:
        left, top, right, bottom = box.x, box.y, box.right, box.bottom
        plain = math.fsum(max(min(right, x + w) - max(left, x), min(bottom, y + h) - max(top, y))
                          for (x, y, w, h), owner in owned
                          if owner != "a" and x <= right and left <= x + w and y <= bottom and top <= y + h)
        assert index.crossing(box, "a") == pytest.approx(plain, abs=1e-9)  # (summed in another order)
