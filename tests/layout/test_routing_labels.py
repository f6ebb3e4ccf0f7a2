"""Link labels and curve captions keep off what a map is read for: on every template no label box meets
a card's text, a header's text, the title or another label, and no caption meets its curve; a label
with no room by its line gets a leader line to the nearest free place."""

import pytest

from cjm_designer.io import load
from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout import compute_layout
from cjm_designer.layout.curve_captions import _samples
from cjm_designer.layout.geometry import Rect
from cjm_designer.layout.link_labels import LineIndex, RectIndex, free_starts, nearest_start
from cjm_designer.layout.text import metrics
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, Stage
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))


def text_rect(line, dx: float = 0, dy: float = 0) -> Rect:
    """The box of a line of text (its baseline at line.y), from the font's advance widths, a little
    generous above and below."""
    width = metrics(line.bold).width(line.text, line.size)
    return Rect(line.x + dx, line.y + dy - line.size, width, line.size * 1.25)


def texts_on_map(layout) -> list[tuple[str, Rect]]:
    """Every card's, marker's, header's and the title's text on the map, with its box."""
    out = [("title", text_rect(line)) for line in layout.title_texts()]
    for box in (*layout.stages.values(), *layout.lanes.values()):
        out += [("header", text_rect(line)) for line in box.texts]
    for card_id, box in layout.cards.items():
        out += [(card_id, text_rect(line, box.rect.x, box.rect.y)) for line in box.lines if line.text]
        for marker in box.markers:
            out.append((card_id, marker.rect.moved(box.rect.x, box.rect.y)))
    return out


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_no_label_covers_text_or_another_label(path):
    layout = compute_layout(load(path))
    labels = [(link_id, p.label_rect) for link_id, p in layout.links.items() if p.label_rect]
    texts = texts_on_map(layout)
    for link_id, rect in labels:
        assert [what for what, box in texts if box.intersects(rect)] == [], link_id
        assert [other for other, box in labels if other != link_id and box.intersects(rect)] == [], link_id
        assert rect.right <= layout.width and rect.bottom <= layout.height


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_labels_stay_inside_the_grid(path):
    """Past the last stage (a link along the last stage's gutter) a label looks lost: on every template
    each label lies within the cells' area, and the map is no wider than the grid needs."""
    layout = compute_layout(load(path))
    stages, lanes = list(layout.stages.values()), list(layout.lanes.values())
    grid = Rect(stages[0].column.x, lanes[0].row.y, stages[-1].column.right - stages[0].column.x,
                lanes[-1].row.bottom - lanes[0].row.y)
    for link_id, path in layout.links.items():
        if path.label_rect:
            rect = path.label_rect
            assert grid.x <= rect.x and rect.right <= grid.right and grid.y <= rect.y and rect.bottom <= grid.bottom, \
                (link_id, path.label[0].text)
    assert layout.width <= grid.right + 24


@pytest.mark.parametrize("path", [p for p in TEMPLATES if "blank" not in p.stem], ids=lambda p: p.stem)
def test_curve_captions_keep_off_the_curve(path):
    layout = compute_layout(load(path))
    for curve in layout.curves:
        samples = _samples(curve.points)
        for card_id in [c for (_, lane_id), ids in layout.cell_cards.items() if lane_id == curve.lane_id for c in ids]:
            box = layout.cards[card_id]
            for line in box.lines:
                r = text_rect(line, box.rect.x, box.rect.y)
                assert not [p for p in samples if r.contains(*p)], (card_id, line.text)


def one_cell(cards: int, label: str) -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Этап"))
    doc.add_lane(Lane(id="l", name="Действия", kind=LaneKind.BUYER_ACTIONS))
    for i in range(cards):
        doc.add_card(Card(id=f"c{i}", stage="s", lane="l", title=f"Карточка {i}", text="Текст карточки " * 3))
    doc.add_link(Link(id="k", source="c0", target="c1", label=label))
    return doc


def test_a_label_with_no_room_by_its_line_gets_a_leader_to_free_space():
    """Between two stacked cards a link is a short line with no room for its label: the label goes to
    the nearest free place (past the stage, beside the gap) and a leader joins it to the line."""
    layout = compute_layout(one_cell(3, "Спрашивает о доставке 📦"))
    path = layout.links["k"]
    (a, b), rect = path.points, path.label_rect
    assert a.x == b.x and b.y - a.y == S.card_gap
    assert not any(card.rect.intersects(rect) for card in layout.cards.values())
    start, end = path.leader
    assert start.x == a.x and a.y <= start.y <= b.y  # on the line
    assert rect.x <= end.x <= rect.right and rect.y <= end.y <= rect.bottom  # on the label's edge
    assert path.label[0].text.startswith("Спрашивает")
    assert rect.right <= layout.width  # the map widened to hold it


def test_a_label_with_room_on_its_line_stands_on_it_without_a_leader():
    doc = one_cell(2, "дальше")
    for stage in ("t", "u"):
        doc.add_stage(Stage(id=stage, name="Другой этап"))
    doc.cards[1].stage = "u"
    path = compute_layout(doc).links["k"]
    assert path.leader is None
    (a, b), rect = path.points, path.label_rect
    assert a.y == b.y and rect.y < a.y < rect.bottom and a.x < rect.center.x < b.x


def test_free_stretches_and_the_place_nearest_the_middle():
    spans = [(10.0, 20.0), (15.0, 40.0), (70.0, 80.0)]
    assert free_starts(spans, 0.0, 100.0, 15.0) == [(40.0, 70.0), (80.0, 100.0)]
    assert free_starts(spans, 0.0, 100.0, 35.0) == []
    free = free_starts(spans, 0.0, 100.0, 15.0)
    assert nearest_start(free, 15.0, 50.0) == 42.5  # the middle of the piece at 50
    assert nearest_start(free, 15.0, 74.0) == 55.0  # pushed back into the stretch before the span
    assert nearest_start([], 15.0, 50.0) is None


def test_lines_in_a_shared_gutter_stay_apart_and_labels_do_not_pile_up():
    """Several links leaving one stage for the next run side by side (4 points apart) in the gutter, and
    their labels, all wanting the same middle, are placed apart, over the cards' edges if they must but
    never their text."""
    doc = JourneyMap()
    for s in ("a", "b"):
        doc.add_stage(Stage(id=s, name=s))
    doc.add_lane(Lane(id="l", name="Действия", kind=LaneKind.BUYER_ACTIONS))
    for i in range(4):
        doc.add_card(Card(id=f"a{i}", stage="a", lane="l", title=f"Откуда {i}"))
        doc.add_card(Card(id=f"b{i}", stage="b", lane="l", title=f"Куда {i}"))
    for i in range(4):
        doc.add_link(Link(id=f"k{i}", source=f"a{i}", target=f"b{3 - i}", label=f"Связь {i}"))
    layout = compute_layout(doc)
    gutter_xs = {p.points[1].x for p in layout.links.values()}
    assert len(gutter_xs) == 4 and min(abs(x - y) for x in gutter_xs for y in gutter_xs if x != y) >= 4
    rects = [p.label_rect for p in layout.links.values()]
    assert not any(r.intersects(q) for i, r in enumerate(rects) for q in rects[i + 1:])
    assert not any(r.intersects(box) for r in rects for _, box in texts_on_map(layout))


def test_lines_across_several_buckets_are_counted_once():
    """A long line sits in several buckets of the index; how much of lines a label's box meets counts it
    once, and never the label's own link."""
    lines = LineIndex()
    lines.append(Rect(10, 0, 0, 1000), "a")  # vertical, over three of the index's tall cells
    lines.append(Rect(0, 30, 900, 0), "b")  # horizontal, over three wide cells
    lines.append(Rect(5, 5, 40, 40), "c")  # slanted: its span
    assert lines.crossing(Rect(0, 0, 20, 1000), "x") == 1000 + 20 + 40
    assert lines.crossing(Rect(0, 0, 20, 1000), "a") == 20 + 40
    assert lines.crossing(Rect(100, 100, 20, 20), "x") == 0


def test_an_index_of_rectangles_tells_whether_one_touches_an_area():
    """(What routing asks of the cards moved and the lines and labels changed by an edit.)"""
    side = RectIndex.SIDE
    index = RectIndex([Rect(0, 0, 2.5 * side, 10), Rect(5 * side, 5 * side, 10, 10)])
    assert index.touches(Rect(1.2 * side, 0, 10, 10))  # in a bucket other than the rectangle's first
    assert index.touches(Rect(2.5 * side, 10, 5, 5))  # edges included
    assert not index.touches(Rect(1.2 * side, 30, 10, 10))
    assert not RectIndex().touches(Rect(0, 0, 10, 10))
    more = index.copy()  # (routing's labels look at the moved cards and, added to them, what changed)
    more.append(Rect(1.2 * side, 30, 10, 10))
    assert more.touches(Rect(1.2 * side, 30, 1, 1)) and more.touches(Rect(1.2 * side, 0, 10, 10))
    assert not index.touches(Rect(1.2 * side, 30, 1, 1))
