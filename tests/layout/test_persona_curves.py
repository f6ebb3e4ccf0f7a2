"""Per-persona emotion curves: an emotions lane draws the map's own curve through its untagged points and
one curve for each persona whose points it holds, in the persona's colour, with a legend in the lane's
header; a relayout after an edit of one point gives what a full layout gives."""

from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout import LayoutMemo, compute_layout, relayout_cards
from cjm_designer.layout.drawing import Box, Path, Stroke
from cjm_designer.layout.geometry import TextLine
from cjm_designer.layout.missing_glyphs import PartKind, missing_glyphs
from cjm_designer.layout.palette import CURVE, GRID, HEAT_SCALE, MUTED, PERSONA_CURVES, persona_colors
from cjm_designer.layout.text import metrics
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Meta, Persona, Stage
from tests.layout.test_relayout import shown

OWN_COLOR = "#123456"


def two_personas(personas: int = 2) -> JourneyMap:
    """Three stages, an emotions lane between two others; the first persona has the palette's colour,
    the second its own; each stage holds an untagged point and one of each persona."""
    doc = JourneyMap(meta=Meta(title="Окна", language="ru"))
    names = ["Марина Кузнецова", "Олег 🏢 арендодатель", *(f"Персона {i}" for i in range(2, personas))]
    for i, name in enumerate(names[:personas]):
        doc.add_persona(Persona(id=f"p{i}", name=name, color=OWN_COLOR if i == 1 else None))
    for i in range(3):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}"))
    doc.add_lane(Lane(id="acts", name="Действия", kind=LaneKind.BUYER_ACTIONS))
    doc.add_lane(Lane(id="mood", name="Эмоции", kind=LaneKind.EMOTIONS))
    doc.add_lane(Lane(id="kpi", name="KPI", kind=LaneKind.KPIS))
    for i in range(3):
        doc.add_card(Card(id=f"a{i}", stage=f"s{i}", lane="acts", title=f"Шаг {i}"))
        doc.add_card(Card(id=f"m{i}", stage=f"s{i}", lane="mood", title=f"Общая {i}", emotion=i - 1))
        for p in range(personas):
            doc.add_card(Card(id=f"p{p}-{i}", stage=f"s{i}", lane="mood", title=f"Точка {p}.{i}",
                              emotion=(i + p) % 5 - 2, persona=f"p{p}"))
    return doc


def test_each_persona_with_points_has_its_own_curve_in_its_colour_after_the_maps_own():
    doc = two_personas()
    layout = compute_layout(doc)
    curves = layout.curves_by_lane()["mood"]
    assert [(c.persona_id, c.color) for c in curves] == [(None, CURVE), ("p0", PERSONA_CURVES[0]), ("p1", OWN_COLOR)]
    for curve in curves:
        tagged = [card for card in doc.cards if card.lane == "mood" and card.persona == curve.persona_id]
        assert curve.card_ids == tuple(card.id for card in tagged)
        dots = [layout.cards[card.id] for card in tagged]
        assert curve.points == tuple((box.rect.x + box.markers[0].rect.center.x,
                                      box.rect.y + box.markers[0].rect.center.y) for box in dots)
        line = curve.shapes[-1]
        assert isinstance(line, Path) and line.stroke == Stroke(curve.color, 2.0)
        for box in dots:  # a tagged point's dot is in its persona's colour; the others' in their emotion's
            assert box.markers[0].color == ("" if curve.persona_id is None else curve.color)
            assert box.drawing.shapes[0].fill == (box.markers[0].color or
                                                  {-1: "#FB8C00", 0: "#FDD835", 1: "#7CB342"}[box.markers[0].value])


def test_the_level_guides_are_drawn_once_a_lane():
    own, *personas = compute_layout(two_personas()).curves
    assert [shape.stroke.color for shape in own.shapes] == [GRID, GRID, MUTED, GRID, GRID, CURVE]
    assert [len(curve.shapes) for curve in personas] == [1, 1]


def test_a_persona_without_points_in_the_lane_has_no_curve_and_a_lane_without_tags_no_legend():
    doc = two_personas()
    for card in doc.cards:
        if card.persona == "p1":
            card.persona = None
    layout = compute_layout(doc)
    assert [c.persona_id for c in layout.curves] == [None, "p0"]
    for card in doc.cards:
        card.persona = None
    layout = compute_layout(doc)
    assert [c.persona_id for c in layout.curves] == [None] and layout.lanes["mood"].legend == ()


def test_the_palette_is_apart_from_the_maps_curve_and_the_heat_and_comparison_colours():
    assert len(set(PERSONA_CURVES)) == len(PERSONA_CURVES)
    assert not {CURVE, *HEAT_SCALE, "#E53935", "#FB8C00", "#FDD835", "#43A047"} & set(PERSONA_CURVES)
    personas = [Persona(id=f"p{i}", name="x", color="#ABCDEF" if i == 3 else None) for i in range(8)]
    colors = persona_colors(personas)
    assert [colors[f"p{i}"] for i in range(8)] == [*PERSONA_CURVES[:3], "#ABCDEF", *PERSONA_CURVES[4:],
                                                   *PERSONA_CURVES[:2]]


def test_the_legend_names_each_curve_in_the_lane_header_clear_of_its_name():
    doc = two_personas()
    lane = compute_layout(doc).lanes["mood"]
    swatches = [shape for shape in lane.legend if isinstance(shape, Box)]
    words = [shape for shape in lane.legend if isinstance(shape, TextLine)]
    assert [box.fill for box in swatches] == [CURVE, PERSONA_CURVES[0], OWN_COLOR]
    assert [line.text for line in words] == ["Без персоны", "Марина Кузнецова", "Олег 🏢 арендодатель"]
    header, size = lane.header, S.card_text.size
    name_bottom = max(line.y for line in lane.texts) + 3  # the lane's name and kind, with their descent
    for box, line in zip(swatches, words):
        width = metrics(line.bold).width(line.text, line.size)
        assert header.x < box.rect.x and box.rect.right + 2 < line.x and line.x + width < header.right - 2
        assert name_bottom < line.y - size and line.y + 3 < header.bottom
        assert line.y - size < box.rect.y and box.rect.bottom < line.y  # the bar beside the letters
    assert all(a.y + S.card_text.line_height - 0.01 <= b.y for a, b in zip(words, words[1:]))


def test_a_long_name_is_cut_to_the_header_and_many_personas_make_the_lane_taller():
    doc = two_personas(personas=16)
    doc.personas[0].name = "Очень-очень длинное имя персоны, которое не помещается " * 3
    layout = compute_layout(doc)
    lane = layout.lanes["mood"]
    words = [shape for shape in lane.legend if isinstance(shape, TextLine)]
    assert len(words) == 17 and words[1].text.endswith("…")
    assert words[1].x + metrics(False).width(words[1].text, words[1].size) <= lane.header.right - S.cell_padding + 0.01
    assert words[-1].y + 3 < lane.header.bottom
    assert lane.row.h > compute_layout(two_personas()).lanes["mood"].row.h
    assert all(layout.cells[(stage, "mood")].h == lane.row.h for stage in ("s0", "s1", "s2"))
    assert layout.lanes["kpi"].row.y == lane.row.bottom


def test_the_maps_own_curve_is_in_the_legend_only_when_it_has_a_point():
    doc = two_personas()
    for card in doc.cards:
        if card.persona is None and card.lane == "mood":
            card.emotion = None
    words = [shape.text for shape in compute_layout(doc).lanes["mood"].legend if isinstance(shape, TextLine)]
    assert words == ["Марина Кузнецова", "Олег 🏢 арендодатель"]


def test_a_card_tagged_with_an_unknown_persona_is_on_the_maps_own_curve():
    """A map being built (a comparison's copy, say) may name a persona it lacks: no curve of its own."""
    doc = two_personas()
    doc.card("m0").persona = "gone"
    assert "m0" in compute_layout(doc).curves_by_lane()["mood"][0].card_ids


def test_relaying_out_a_change_of_persona_or_emotion_gives_the_full_layout():
    doc = two_personas()
    memo = LayoutMemo()
    before = compute_layout(doc, S, memo)
    for card_id, values in (("m1", {"persona": "p1"}), ("p0-2", {"emotion": 2}), ("p1-0", {"persona": None}),
                            ("p0-0", {"persona": None, "emotion": None})):
        for name, value in values.items():
            setattr(doc.card(card_id), name, value)
        relaid = relayout_cards(doc, [card_id], S, memo)
        assert not relaid.full and relaid.curves == {"mood"}
        assert shown(relaid.layout) == shown(compute_layout(doc))
        assert relaid.layout.lanes["acts"] is before.lanes["acts"]
    for card in doc.cards:  # the last of a persona's points leaves: its curve and legend entry go
        if card.persona == "p1":
            card.persona = None
            relaid = relayout_cards(doc, [card.id], S, memo)
    assert "mood" in relaid.lanes and [c.persona_id for c in relaid.layout.curves] == [None, "p0"]
    assert shown(relaid.layout) == shown(compute_layout(doc))


@given(st.lists(st.tuples(st.integers(0, 8), st.sampled_from([None, "p0", "p1", "p2"]),
                          st.none() | st.integers(-2, 2)), min_size=1, max_size=6))
def test_relaying_out_any_edits_of_points_gives_the_full_layout(edits):
    doc = two_personas(personas=3)
    points = [card for card in doc.cards if card.lane == "mood"]
    memo = LayoutMemo()
    compute_layout(doc, S, memo)
    for index, persona, emotion in edits:
        card = points[index % len(points)]
        card.persona, card.emotion = persona, emotion
        relaid = relayout_cards(doc, [card.id], S, memo)
        assert not relaid.full
        assert shown(relaid.layout) == shown(compute_layout(doc))


def test_a_character_no_font_has_in_a_legend_name_is_reported_with_the_lane():
    doc = two_personas(personas=5)
    doc.personas[4].name = "Персона \U0010fffd"  # named in the legend only: the title shows three personas
    found = missing_glyphs(doc, compute_layout(doc))
    assert [(item.kind, item.part_id, item.chars) for item in found] == [(PartKind.LANE, "mood", "\U0010fffd")]
