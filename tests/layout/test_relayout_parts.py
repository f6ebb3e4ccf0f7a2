"""Re-laying out only what an edit of stages' and lanes' fields touches (the stages' headers, a lane's
header and row, and the lanes below when its height changes) gives the map a full layout gives, and
shares every box it did not have to make again."""

from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.layout import DEFAULT_STYLE, LayoutMemo, compute_layout, relayout_cards
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, Stage
from tests.layout.test_relayout import FIELDS, _apply, assert_only_reported_anew, grid_with_links, shown
from tests.strategies import cards, journey_maps, lanes, stages

STAGE_FIELDS = ("name", "goal", "questions", "business", "color", "entering", "kpi")  # all but the width
LANE_FIELDS = ("name", "kind", "height")


@st.composite
def maps_with_part_edits(draw):
    """A map with stages and lanes, and rounds of edits: each round sets some fields of some stages and
    lanes, and maybe of cards with them (fresh values, as `tests.strategies` makes them)."""
    doc = draw(journey_maps(max_cards=14).filter(lambda d: d.stages and d.lanes))
    some_cards = st.lists(st.sampled_from(doc.cards), max_size=2, unique_by=id) if doc.cards else st.just([])
    rounds = []
    for _ in range(draw(st.integers(1, 4))):
        parts = draw(st.lists(st.sampled_from(doc.stages + doc.lanes), min_size=1, max_size=3, unique_by=id))
        chosen = parts + draw(some_cards)
        edits = []
        for element in chosen:
            if isinstance(element, Stage):
                fresh, names = draw(stages(element.id)), STAGE_FIELDS
            elif isinstance(element, Lane):
                fresh, names = draw(lanes(element.id)), LANE_FIELDS
            else:
                fresh, names = draw(cards(element.id, element.stage, element.lane)), FIELDS
            names = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
            edits.append((element, {name: getattr(fresh, name) for name in names}))
        rounds.append(edits)
    return doc, rounds


def _header_height(layout) -> float:
    return next(iter(layout.stages.values())).header.h


def _relaid(doc, memo, edits):
    """Lay out `doc` after `edits` of its stages, lanes and cards, as the canvas asks for it."""
    ids = {kind: [element.id for element, _ in edits if isinstance(element, kind)] for kind in (Card, Stage, Lane)}
    return relayout_cards(doc, ids[Card], DEFAULT_STYLE, memo, stage_ids=ids[Stage], lane_ids=ids[Lane])


@given(maps_with_part_edits())
def test_relaying_out_edited_stages_and_lanes_gives_the_full_layout(case):
    doc, rounds = case
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    for edits in rounds:
        _apply(edits)
        relaid = _relaid(doc, memo, edits)
        after, fresh = relaid.layout, compute_layout(doc)
        assert shown(after) == shown(fresh)
        assert relaid.full == (_header_height(fresh) != _header_height(before))  # the grid moved: all of it
        if not relaid.full:
            assert_only_reported_anew(before, after, relaid, ("cards", "cells", "lanes", "stages", "links"))
        before = after


def test_a_renamed_lane_makes_only_its_header_anew():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.lane("l2").name = "Мысли клиента"
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, lane_ids=["l2"])
    assert not relaid.full and relaid.lanes == {"l2"}
    assert not (relaid.cards or relaid.cells or relaid.stages or relaid.links or relaid.curves)
    assert [line.text for line in relaid.layout.lanes["l2"].lines][0] == "Мысли клиента"
    assert all(relaid.layout.cards[card_id] is box for card_id, box in before.cards.items())
    assert shown(relaid.layout) == shown(compute_layout(doc))


def test_a_lane_turned_to_emotions_and_back_draws_its_cards_as_a_curve_and_back():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    lane = doc.lane("l0")
    lane.kind = LaneKind.EMOTIONS
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, lane_ids=["l0"])
    assert not relaid.full and "l0" in relaid.curves and relaid.layout.cards["c0"].compact
    assert {"c0", "c1", "c2"} <= relaid.cards and shown(relaid.layout) == shown(compute_layout(doc))
    lane.kind = LaneKind.BUYER_ACTIONS
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, lane_ids=["l0"])
    assert not relaid.full and "l0" in relaid.curves and "l0" not in relaid.layout.curves_by_lane()
    assert shown(relaid.layout) == shown(compute_layout(doc)) == shown(before)


def test_a_lane_named_at_length_grows_and_moves_the_lanes_below():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.lane("l0").name = "Что клиент делает, думает и говорит на каждом шаге пути " * 2
    doc.lane("l0").height = before.lanes["l0"].row.h + 200
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, lane_ids=["l0"])
    after = relaid.layout
    assert not relaid.full and relaid.lanes == {"l0", "l1", "l2"} and relaid.links == {"k"}
    assert after.lanes["l2"].row.y == before.lanes["l2"].row.y + 200
    assert after.cards["c0"] is before.cards["c0"]  # its lane's top stays: a text card is where it was
    assert shown(after) == shown(compute_layout(doc))


def test_a_stage_s_funnel_figure_changes_its_neighbour_s_header_too():
    doc = grid_with_links()
    for stage, entering in zip(doc.stages, (1000, 400, 100)):
        stage.entering = entering
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.stage("s1").entering = 900  # s0's share going on is another, and the largest drop moves to s1
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, stage_ids=["s1"])
    assert not relaid.full and relaid.stages == {"s0", "s1"} and not (relaid.cards or relaid.lanes)
    assert relaid.layout.stages["s2"] is before.stages["s2"]
    assert shown(relaid.layout) == shown(compute_layout(doc))


def test_a_stage_whose_header_grows_lays_out_everything():
    doc = grid_with_links()
    memo = LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    doc.stage("s0").goal = "Понять, подходит ли предложение, сравнить цены и условия доставки"
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, stage_ids=["s0"])
    assert relaid.full and shown(relaid.layout) == shown(compute_layout(doc))


def test_a_lane_grown_as_much_as_an_empty_lane_below_shrinks_routes_its_links_again():
    """Nothing below moves and the grid ends where it did, but a link into the lane runs along its
    bottom edge, which moved."""
    doc = grid_with_links()
    doc.add_lane(Lane(id="e", name="Пустая", height=400), 1)
    doc.add_link(Link(id="back", source="c8", target="c0"))  # from the last lane back up, two stages over
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.lane("l0").height = before.lanes["l0"].row.h + 100
    doc.lane("e").height = 300
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, lane_ids=["l0", "e"])
    after = relaid.layout
    assert after.lanes["l1"].row == before.lanes["l1"].row and after.height == before.height
    assert "back" in relaid.links and shown(after) == shown(compute_layout(doc))


def _label_above_the_last_lane() -> JourneyMap:
    """Two stages and two lanes, and a link between the last cards of the first lane's two cells, whose
    label's place depends on where the grid ends (labels stay inside it), just under the lane below."""
    doc = JourneyMap()
    for i in range(2):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}"))
        doc.add_lane(Lane(id=f"l{i}", name=f"Дорожка {i}", kind=LaneKind.THOUGHTS))
    for stage in ("s0", "s1"):
        for k in range(3):
            doc.add_card(Card(id=f"{stage}-{k}", stage=stage, lane="l0", title=f"Карточка {k}"))
        doc.add_card(Card(id=f"{stage}-end", stage=stage, lane="l0", title="Конец"))
        doc.add_card(Card(id=f"{stage}-below", stage=stage, lane="l1", title="Под ней"))
    doc.add_link(Link(id="k", source="s0-end", target="s1-end", label="письмо с предложением и ценой"))
    return doc


def test_a_last_lane_made_taller_frees_room_for_a_label_of_the_lane_above():
    """That lane made taller, though no card moves, the label goes where a full layout puts it."""
    doc = _label_above_the_last_lane()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.lane("l1").height = before.lanes["l1"].row.h + 80
    relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, lane_ids=["l1"])
    assert not relaid.cards and relaid.links == {"k"}
    assert relaid.layout.links["k"].label_rect != before.links["k"].label_rect
    assert shown(relaid.layout) == shown(compute_layout(doc))


def test_the_whole_map_laid_out_with_the_memo_places_again_the_labels_that_looked_across_a_moved_edge():
    """The whole map laid out again with the scene's memo (as any change the canvas does not lay out in
    part is) keeps the labels that nothing touched; one that looked across where the grid ended, which
    has moved though no card did, goes where a layout from scratch puts it."""
    doc = _label_above_the_last_lane()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.lane("l1").height = before.lanes["l1"].row.h + 80
    after = compute_layout(doc, DEFAULT_STYLE, memo)
    assert after.links["k"].label_rect != before.links["k"].label_rect
    assert shown(after) == shown(compute_layout(doc))
