"""The layout engine, checked on the templates and on generated maps, without a display."""

import pytest

from cjm_designer.io import load
from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout import Rect, compute_layout
from cjm_designer.layout.text import metrics
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, Stage
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))


def grid(stages=2, lanes=2, **stage_fields) -> JourneyMap:
    doc = JourneyMap()
    for i in range(stages):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}", **stage_fields))
    for i in range(lanes):
        doc.add_lane(Lane(id=f"l{i}", name=f"Дорожка {i}", kind="buyer_actions"))
    return doc


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_layouts_are_sound(path):
    doc = load(path)
    layout = compute_layout(doc)
    assert set(layout.cards) == {c.id for c in doc.cards}
    assert set(layout.links) == {k.id for k in doc.links}
    boxes = list(layout.cards.values())
    for box in boxes:
        cell = layout.cells[(box.stage_id, box.lane_id)]
        r = box.rect
        assert cell.x <= r.x and r.right <= cell.right and cell.y <= r.y and r.bottom <= cell.bottom, box.card_id
        for line in box.lines:
            room = r.w - (0 if box.compact else 2 * S.card_padding)
            assert metrics(line.bold).width(line.text, line.size) <= room + 0.01
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.rect.intersects(b.rect), (a.card_id, b.card_id)
    assert layout.width >= max(s.column.right for s in layout.stages.values())
    assert layout.height >= max(lane.row.bottom for lane in layout.lanes.values())


def test_cells_grow_to_fit_and_lanes_are_as_tall_as_their_fullest_cell():
    doc = grid()
    for i in range(3):
        doc.add_card(Card(id=f"a{i}", stage="s0", lane="l0", title=f"Карточка {i}", text="текст " * 20))
    doc.add_card(Card(id="b", stage="s1", lane="l0", title="Одна"))
    layout = compute_layout(doc)
    a = [layout.cards[f"a{i}"].rect for i in range(3)]
    assert a[0].bottom < a[1].y and a[1].bottom < a[2].y  # stacked in their order
    row = layout.lanes["l0"].row
    assert row.bottom == pytest.approx(a[2].bottom + S.cell_padding)
    assert layout.cells[("s1", "l0")].h == row.h
    assert layout.lanes["l1"].row.h == S.lane_min_height


def test_user_sizes_are_minimums():
    doc = grid()
    doc.stage("s1").width = 600
    doc.stage("s0").width = 50
    doc.lane("l1").height = 300
    layout = compute_layout(doc)
    assert layout.stages["s1"].column.w == 600
    assert layout.stages["s0"].column.w == S.card_width + 2 * S.cell_padding
    assert layout.lanes["l1"].row.h == 300
    for i in range(4):
        doc.add_card(Card(id=f"c{i}", stage="s1", lane="l0", title=str(i)))
    layout = compute_layout(doc)
    c = [layout.cards[f"c{i}"].rect for i in range(4)]
    assert c[0].y == c[1].y == c[2].y and c[0].x < c[1].x < c[2].x  # a wide stage takes three columns
    assert c[3].y > c[0].y and c[3].x == c[0].x


def test_long_text_is_cut_with_an_ellipsis():
    doc = grid(1, 1)
    doc.add_card(Card(id="c", stage="s0", lane="l0", title="Т", text="очень длинный текст " * 200))
    box = compute_layout(doc).cards["c"]
    assert len(box.lines) == 1 + S.card_text_lines
    assert box.lines[-1].text.endswith("…")


def test_markers_show_the_card_fields():
    doc = grid(1, 1)
    doc.add_card(Card(id="c", stage="s0", lane="l0", title="Звонок", channel="phone", device="mobile", owner="seller",
                      emotion=-1, quality=4, pain=True, kpi={"name": "CR", "target": 10, "actual": 12, "unit": "%"}))
    doc.add_card(Card(id="plain", stage="s0", lane="l0", title="Без меток"))
    doc.meta.language = "ru"
    layout = compute_layout(doc)
    markers = {m.kind: m for m in layout.cards["c"].markers}
    assert set(markers) == {"channel", "device", "owner", "emotion", "quality", "pain", "kpi"}
    assert markers["channel"].text == "Телефонный звонок" and markers["owner"].text == "Продавец"
    assert markers["kpi"].text == "CR 12/10%" and markers["kpi"].value is True
    assert markers["emotion"].value == -1
    assert layout.cards["plain"].markers == ()
    assert layout.cards["plain"].rect.h < layout.cards["c"].rect.h
    for m in markers.values():
        assert 0 <= m.rect.x and m.rect.right <= S.card_width


def test_emotion_lane_is_a_curve_with_a_zero_line():
    doc = grid(3, 1)
    doc.add_lane(Lane(id="e", name="Эмоции", kind=LaneKind.EMOTIONS))
    for i, emotion in enumerate([-2, 1, 2]):
        doc.add_card(Card(id=f"e{i}", stage=f"s{i}", lane="e", title=f"эмоция {emotion}", emotion=emotion))
    doc.add_card(Card(id="none", stage="s1", lane="e", title="без оценки"))
    layout = compute_layout(doc)
    (curve,) = layout.curves
    assert len(curve.points) == 3
    ys = [p.y for p in curve.points]
    assert ys[0] > curve.zero_y > ys[1] > ys[2]  # higher emotion, higher on the map
    assert ys[0] == pytest.approx(curve.levels[0]) and ys[2] == pytest.approx(curve.levels[4])
    assert [p.x for p in curve.points] == sorted(p.x for p in curve.points)
    none = layout.cards["none"]
    assert none.compact and none.rect.y + S.emotion_dot / 2 == pytest.approx(curve.zero_y)
    assert layout.cards["e1"].rect.x < none.rect.x  # two points share the stage side by side


def test_links_join_card_edges_and_avoid_other_cards():
    doc = load(templates_dir() / "window-installation.ru.cjm")
    layout = compute_layout(doc)
    crossings = 0
    for link in doc.links:
        path = layout.links[link.id]
        a, b = layout.cards[link.source].rect, layout.cards[link.target].rect
        start, end = path.points[0], path.points[-1]
        assert _on_edge(start, a) and _on_edge(end, b), link.id
        for p, q in zip(path.points, path.points[1:]):
            assert p.x == q.x or p.y == q.y  # straight or orthogonal pieces
            crossings += _crosses_other_cards(p, q, layout, {link.source, link.target})
        if link.label:
            assert path.label and path.label_rect
    assert crossings == 0


def test_straight_links_between_neighbours():
    doc = grid(2, 2)
    doc.add_card(Card(id="a", stage="s0", lane="l0"))
    doc.add_card(Card(id="b", stage="s1", lane="l0"))
    doc.add_card(Card(id="c", stage="s0", lane="l1"))
    doc.add_link(Link(id="ab", source="a", target="b"))
    doc.add_link(Link(id="ac", source="a", target="c", kind="call", label="звонок"))
    layout = compute_layout(doc)
    assert len(layout.links["ab"].points) == 2 and layout.links["ab"].points[0].y == layout.links["ab"].points[1].y
    assert len(layout.links["ac"].points) == 2 and layout.links["ac"].points[0].x == layout.links["ac"].points[1].x


def test_cell_at_and_drop_index():
    doc = grid(2, 2)
    for i in range(3):
        doc.add_card(Card(id=f"c{i}", stage="s1", lane="l0", title=str(i)))
    layout = compute_layout(doc)
    c = [layout.cards[f"c{i}"].rect for i in range(3)]
    assert layout.cell_at(c[1].center.x, c[1].center.y) == ("s1", "l0")
    assert layout.cell_at(0, 0) is None
    x = c[0].center.x
    assert layout.drop_index("s1", "l0", x, c[0].y - 1) == 0
    assert layout.drop_index("s1", "l0", x, c[0].bottom + 1) == 1
    assert layout.drop_index("s1", "l0", x, c[2].bottom + 50) == 3
    assert layout.drop_index("s1", "l0", x, c[2].bottom + 50, ignore={"c0"}) == 2
    assert layout.drop_index("s0", "l1", 10, 10) == 0


def test_large_maps_lay_out_completely():
    doc = generate_map(5000)
    layout = compute_layout(doc)
    assert len(layout.cards) == 5000 and len(layout.links) == 500
    again = compute_layout(doc).cards["c4999"]  # deterministic (a face of its own: no memo was given)
    last = layout.cards["c4999"]
    assert (again.rect, again.lines, again.markers) == (last.rect, last.lines, last.markers)


def _on_edge(point, rect) -> bool:
    on_x = abs(point.x - rect.x) < 0.01 or abs(point.x - rect.right) < 0.01
    on_y = abs(point.y - rect.y) < 0.01 or abs(point.y - rect.bottom) < 0.01
    return (on_x and rect.y <= point.y <= rect.bottom) or (on_y and rect.x <= point.x <= rect.right)


def _crosses_other_cards(p, q, layout, ends) -> int:
    from cjm_designer.layout import Rect

    segment = Rect(min(p.x, q.x) - 0.5, min(p.y, q.y) - 0.5, abs(q.x - p.x) + 1, abs(q.y - p.y) + 1)
    return sum(1 for card_id, box in layout.cards.items() if card_id not in ends and box.rect.intersects(segment))


def test_stage_headers_show_the_funnel_and_mark_the_largest_drop_in_red():
    from cjm_designer.layout import palette
    from cjm_designer.model import Stage

    doc = JourneyMap(meta={"language": "ru"})
    for i, entering in enumerate([10_000, 3_200, 2_900, None]):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}", entering=entering))
    layout = compute_layout(doc)
    lines = {stage_id: [line for line in box.lines if line.color] for stage_id, box in layout.stages.items()}
    assert " ".join(line.text for line in lines["s0"]) == "Вошли 10\u00a0000 · дальше 32\u00a0% — наибольшая потеря"
    assert all(line.color == palette.KPI_MISSED for line in lines["s0"])  # wrapped, every line in red
    assert [line.text for line in lines["s1"]] == ["Вошли 3\u00a0200 · дальше 90,6\u00a0%"]
    assert lines["s1"][0].color == palette.MUTED
    assert [line.text for line in lines["s2"]] == ["Вошли 2\u00a0900"]  # the next stage has no figure
    assert lines["s3"] == []
    english = doc.model_copy(update={"meta": doc.meta.model_copy(update={"language": "en"})})
    shown = " ".join(line.text for line in compute_layout(english).stages["s0"].lines if line.color)
    assert shown == "Entered 10,000 · 32% go on — largest drop"


def test_routes_are_reused_while_the_geometry_stays_and_redone_when_it_moves():
    from cjm_designer.layout import LayoutMemo

    doc = load(templates_dir() / "window-installation.ru.cjm")
    memo = LayoutMemo()
    first = compute_layout(doc, S, memo)
    doc.cards[0].channel = "email"  # a marker, not a size: the same places
    again = compute_layout(doc, S, memo)
    assert all(again.links[k] is first.links[k] for k in first.links)
    doc.links[0].label = "Совсем другая подпись"
    relabelled = compute_layout(doc, S, memo)
    assert relabelled.links[doc.links[0].id] != first.links[doc.links[0].id]
    doc.links[1].kind = "call" if doc.links[1].kind != "call" else "email"  # a colour: the same paths
    assert compute_layout(doc, S, memo).links[doc.links[1].id].kind == doc.links[1].kind
    doc.cards[0].text = "Длинный текст, " * 12  # a taller card moves what is under it
    moved = compute_layout(doc, S, memo)
    assert moved.cards[doc.cards[1].id].rect != first.cards[doc.cards[1].id].rect
    fresh = compute_layout(doc.model_copy(deep=True))  # routed from scratch: the same paths as the reused ones
    assert {k: (p.points, p.label_rect) for k, p in moved.links.items()} == {
        k: (p.points, p.label_rect) for k, p in fresh.links.items()}


def test_cards_show_their_web_figures_and_kpi_in_the_maps_language():
    from cjm_designer.model import Kpi, Metrics

    def faces(language):
        doc = JourneyMap(meta={"language": language})
        doc.add_stage(Stage(id="s", name="S"))
        doc.add_lane(Lane(id="l", name="L"))
        doc.add_card(Card(id="a", stage="s", lane="l", title="Реклама",
                          metrics=Metrics(clicks=12000, conversion=2.75, time_on_site=95.0),
                          kpi=Kpi(name="CTR", target=2.5, actual=2.1, unit="%")))
        doc.add_card(Card(id="b", stage="s", lane="l", title="Без цифр"))
        layout = compute_layout(doc)
        return {m.kind: m.text for m in layout.cards["a"].markers}, layout

    russian, layout = faces("ru")
    assert russian["metrics"] == "12\u00a0000\u00a0кл. · CR\u00a02,75\u00a0% · 95\u00a0с на сайте"
    assert russian["kpi"] == "CTR 2,1/2,5%"
    assert layout.cards["a"].rect.h > layout.cards["b"].rect.h  # the rows take room
    english, _ = faces("en")
    assert english["metrics"] == "12,000 clicks · CR 2.75% · 95 s on site" and english["kpi"] == "CTR 2.1/2.5%"


def test_bidi_controls_in_map_text_are_drawn_as_visible_marks():
    """A right-to-left override in a name must not make `gnp.exe` read `exe.png` on the map (and so
    on the canvas, in the PDF, PNG and SVG, which all draw the layout's lines)."""
    rlo = "\u202egnp.exe"
    doc = JourneyMap()
    doc.meta.title, doc.meta.description = rlo, rlo
    doc.add_stage(Stage(id="s", name=rlo, goal=rlo, questions=[rlo]))
    doc.add_lane(Lane(id="l", name=rlo, kind=LaneKind.BUYER_ACTIONS))
    for card_id in "ab":
        doc.add_card(Card(id=card_id, stage="s", lane="l", title=rlo, text=rlo, channel=rlo, owner=rlo))
    doc.add_link(Link(id="k", source="a", target="b", label=rlo))
    layout = compute_layout(doc)
    texts = [line.text for line in layout.title]
    texts += [line.text for box in [*layout.stages.values(), *layout.lanes.values()] for line in box.lines]
    texts += [line.text for box in layout.cards.values() for line in box.lines]
    texts += [marker.text for box in layout.cards.values() for marker in box.markers if marker.text]
    texts += [line.text for path in layout.links.values() for line in path.label]
    shown = "\n".join(texts)
    assert "\u202e" not in shown
    assert shown.count("[U+202E]gnp.exe") >= 11


def test_the_cards_near_an_area_are_found_in_flowed_cells_and_among_emotion_points():
    """Cards are found by bisecting each cell's tops: a flowed cell's cards keep their order, an
    emotion lane's points are sorted by height (those at one height in the cell's order), and the
    cards touching any area are those a look at every card finds."""
    doc = grid(stages=2, lanes=1)
    doc.add_lane(Lane(id="e", name="Эмоции", kind=LaneKind.EMOTIONS))
    for i in range(7):
        doc.add_card(Card(id=f"c{i}", stage="s0", lane="l0", title=f"Карточка {i}", text="слово " * (i * 5)))
    for i, emotion in enumerate([1, -2, None, 1, 2, -2]):
        doc.add_card(Card(id=f"e{i}", stage="s1", lane="e", title=f"Точка {i}", emotion=emotion))
    layout = compute_layout(doc)
    tops, ids, _, _ = layout.cell_boxes("s0", "l0")
    assert ids == [f"c{i}" for i in range(7)] and tops == sorted(tops)
    tops, ids, _, _ = layout.cell_boxes("s1", "e")
    assert ids == ["e4", "e0", "e3", "e2", "e1", "e5"] and tops == sorted(tops)
    for x in range(0, int(layout.width), 60):
        for y in range(0, int(layout.height), 45):
            area = Rect(x, y, 90, 70)
            touching = {card_id for card_id, box in layout.cards.items() if box.rect.intersects(area)}
            assert {card_id for card_id, _ in layout.cards_touching(area)} == touching
