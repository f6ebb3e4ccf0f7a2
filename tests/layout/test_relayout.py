"""Re-laying out only the cells that an edit of cards' fields touches gives the map a full layout
gives, and shares every box it did not have to make again."""

from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.layout import DEFAULT_STYLE, LayoutMemo, compute_layout, relayout_cards
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, LinkKind, Stage
from cjm_designer.model.synthetic import generate_map
from tests.strategies import cards, journey_maps

FIELDS = ("title", "text", "channel", "device", "owner", "emotion", "quality", "pain", "kpi", "metrics", "color",
          "tags", "note")


def shown(layout) -> dict:
    """Everything a layout tells the canvas and the PDF to draw."""
    return {
        "size": (layout.width, layout.height), "title": (layout.title_rect, layout.title, layout.title_photo),
        "stages": layout.stages, "lanes": layout.lanes, "cells": layout.cells, "cell_cards": layout.cell_cards,
        "cards": {card_id: (box.stage_id, box.lane_id, box.index, box.rect, box.fill, box.compact, box.lines,
                            box.markers) for card_id, box in layout.cards.items()},
        "links": layout.links, "curves": layout.curves,
    }


def assert_only_reported_anew(before, after, relaid, names=("cells", "lanes", "stages", "links")) -> None:
    """Of the parts `names` of a relayout's layout `after`, those that differ from `before` (or are new) are
    among those `relaid` reports, and every part it does not report is the very object of `before`; so are
    the emotion curves of the lanes whose curves it does not report."""
    for name in names:
        changed, new, old = getattr(relaid, name), getattr(after, name), getattr(before, name)
        assert {key for key in new if new[key] != old.get(key)} <= changed, name
        assert all(new[key] is old[key] for key in new if key not in changed), name
    old_curves, new_curves = before.curves_by_lane(), after.curves_by_lane()
    assert {lane_id for lane_id in old_curves.keys() | new_curves.keys()
            if old_curves.get(lane_id) != new_curves.get(lane_id)} <= relaid.curves


@st.composite
def edited_maps(draw):
    """A map with cards, and rounds of edits: each round sets some fields of some of its cards."""
    doc = draw(journey_maps(max_cards=14).filter(lambda d: d.cards))
    rounds = []
    for _ in range(draw(st.integers(1, 4))):
        chosen = draw(st.lists(st.sampled_from(doc.cards), min_size=1, max_size=3, unique_by=id))
        edits = []
        for card in chosen:
            fresh = draw(cards(card.id, card.stage, card.lane))
            names = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4, unique=True))
            edits.append((card, {name: getattr(fresh, name) for name in names}))
        rounds.append(edits)
    return doc, rounds


def _apply(edits) -> None:
    """A round of edits: each element given its new values."""
    for element, values in edits:
        for name, value in values.items():
            setattr(element, name, value)


@given(edited_maps())
def test_relaying_out_edited_cards_gives_the_full_layout(case):
    doc, rounds = case
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    for edits in rounds:
        _apply(edits)
        relaid = relayout_cards(doc, [card.id for card, _ in edits], DEFAULT_STYLE, memo)
        assert not relaid.full
        after = relaid.layout
        assert shown(after) == shown(compute_layout(doc))
        for card_id, box in after.cards.items():  # what is not reported new is the very box of before
            assert (box is not before.cards[card_id]) == (card_id in relaid.cards)
        for name, changed in (("cells", relaid.cells), ("lanes", relaid.lanes), ("stages", relaid.stages),
                              ("links", relaid.links)):
            new, old = getattr(after, name), getattr(before, name)
            assert {key for key in new if new[key] != old[key]} <= changed, name
            assert all(new[key] is old[key] for key in new if key not in changed), name
        old_curves = {curve.lane_id: curve for curve in before.curves}
        assert {curve.lane_id for curve in after.curves if curve != old_curves[curve.lane_id]} <= relaid.curves
        before = after


@st.composite
def maps_with_link_edits(draw):
    """A map with links, and rounds of edits: each round sets the label, kind or ends of some links (to
    another card, never the link's other end)."""
    doc = draw(journey_maps(max_cards=14).filter(lambda d: d.links))
    rounds = []
    for _ in range(draw(st.integers(1, 4))):
        chosen = draw(st.lists(st.sampled_from(doc.links), min_size=1, max_size=3, unique_by=id))
        edits = []
        for link in chosen:
            values = {}
            if draw(st.booleans()):
                values["label"] = draw(st.sampled_from(["", "звонок", "письмо с предложением и ценой", "SMS"]))
            if draw(st.booleans()):
                values["kind"] = draw(st.sampled_from(LinkKind))
            if draw(st.booleans()):
                values["target"] = draw(st.sampled_from([c.id for c in doc.cards if c.id != link.source]))
            edits.append((link, values))
        rounds.append(edits)
    return doc, rounds


@given(maps_with_link_edits())
def test_relaying_out_edited_links_gives_the_full_layout(case):
    """A link's label, kind or end edited: only links are routed again (those the edit reaches), and the
    layout is what a full layout of the edited map gives; no card, cell, lane or stage is made anew."""
    doc, rounds = case
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    for edits in rounds:
        _apply(edits)
        relaid = relayout_cards(doc, [], DEFAULT_STYLE, memo, [link.id for link, _ in edits])
        assert not relaid.full
        after = relaid.layout
        assert shown(after) == shown(compute_layout(doc))
        assert not (relaid.cards or relaid.cells or relaid.lanes or relaid.stages or relaid.curves)
        assert all(after.cards[card_id] is box for card_id, box in before.cards.items())
        assert {key for key in after.links if after.links[key] != before.links[key]} <= relaid.links
        before = after


def grid_with_links() -> JourneyMap:
    doc = JourneyMap()
    for i in range(3):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}"))
    for i, kind in enumerate([LaneKind.BUYER_ACTIONS, LaneKind.EMOTIONS, LaneKind.THOUGHTS]):
        doc.add_lane(Lane(id=f"l{i}", name=f"Дорожка {i}", kind=kind))
    for i in range(9):
        doc.add_card(Card(id=f"c{i}", stage=f"s{i % 3}", lane=f"l{i // 3}", title=f"Карточка {i}", emotion=i % 5 - 2))
    doc.add_link(Link(id="k", source="c0", target="c8", label="дальше"))
    return doc


def test_a_retyped_title_of_the_same_size_makes_only_its_card_anew():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.card("c1").title = "Другая"
    relaid = relayout_cards(doc, ["c1"], DEFAULT_STYLE, memo)
    assert relaid.cards == {"c1"} and not (relaid.cells or relaid.lanes or relaid.links or relaid.curves)
    assert relaid.layout.links["k"] is before.links["k"]
    assert [line.text for line in relaid.layout.cards["c1"].lines] == ["Другая"]


def test_a_taller_card_moves_the_lanes_below_and_routes_the_links_again():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.card("c1").text = "Длинный текст, " * 12
    relaid = relayout_cards(doc, ["c1"], DEFAULT_STYLE, memo)
    after = relaid.layout
    assert relaid.lanes == {"l0", "l1", "l2"} and relaid.curves == {"l1"} and relaid.links == {"k"}
    assert after.lanes["l2"].row.y > before.lanes["l2"].row.y
    assert after.cards["c0"] is before.cards["c0"]  # same lane, another cell: not laid out again
    assert relaid.stages == {"s0", "s1", "s2"}  # the columns reach further down
    assert shown(after) == shown(compute_layout(doc))


def test_a_card_in_another_cell_or_another_document_lays_out_everything():
    doc = grid_with_links()
    memo = LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    doc.card("c1").lane = "l2"
    assert relayout_cards(doc, ["c1"], DEFAULT_STYLE, memo).full
    other = grid_with_links()
    relaid = relayout_cards(other, ["c1"], DEFAULT_STYLE, memo)
    assert relaid.full and shown(relaid.layout) == shown(compute_layout(other))


def test_a_memo_keeps_only_the_faces_its_map_shows():
    doc = generate_map(300)
    memo = LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    card = doc.cards[7]
    for i in range(2000):
        card.title = f"Заголовок {i}"
        relayout_cards(doc, [card.id], DEFAULT_STYLE, memo)
    assert len(memo.faces) <= 2 * len(doc.cards) + 64
    layout = compute_layout(doc, DEFAULT_STYLE, memo)
    assert len(memo.faces) <= len(doc.cards)
    assert memo.faces[next(key for key in memo.faces if key[0] == card.title)] is layout.cards[card.id].face


def test_layouts_without_a_memo_share_nothing():
    doc = grid_with_links()
    first, second = compute_layout(doc), compute_layout(doc)
    assert first.cards["c0"].face is not second.cards["c0"].face
    assert first.links["k"] is not second.links["k"] and first.links["k"] == second.links["k"]


@st.composite
def restructured_maps(draw):
    """A map with cards and links, and steps that change where cards are and which links there are."""
    doc = draw(journey_maps(max_cards=14).filter(lambda d: len(d.cards) >= 2))
    steps = draw(st.lists(st.tuples(st.sampled_from(["move", "remove", "link", "unlink", "reorder", "widen", "grow"]),
                                    st.integers(0, 1000), st.integers(0, 1000)), min_size=1, max_size=5))
    return doc, steps


def restructure(doc: JourneyMap, step: tuple[str, int, int]) -> None:
    """Apply one step of `restructured_maps` through the model's operations."""
    what, a, b = step
    card = doc.cards[a % len(doc.cards)] if doc.cards else None
    if what == "move" and card is not None:
        doc.move_card(card.id, doc.stages[b % len(doc.stages)].id, doc.lanes[a % len(doc.lanes)].id, b % 4)
    elif what == "remove" and len(doc.cards) > 2:
        doc.remove_cards([card.id])
    elif what == "link" and len(doc.cards) >= 2:
        target = doc.cards[b % len(doc.cards)]
        if target is not card:
            doc.add_link(Link(id=f"new-{a}-{b}-{len(doc.links)}", source=card.id, target=target.id,
                              label="связь" * (b % 3)), b % (len(doc.links) + 1))
    elif what == "unlink" and doc.links:
        doc.remove_link(doc.links[a % len(doc.links)].id)
    elif what == "reorder" and len(doc.links) >= 2:
        doc.links.append(doc.links.pop(a % len(doc.links)))
    elif what == "widen":
        doc.stages[a % len(doc.stages)].width = 212 + b
    elif what == "grow":
        doc.lanes[a % len(doc.lanes)].height = 72 + b


@given(restructured_maps())
def test_a_memo_lays_out_a_changed_map_as_a_fresh_layout_does(case):
    """Routes kept from the memo's last routing are the routes a routing from scratch finds."""
    doc, steps = case
    memo = LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    for step in steps:
        restructure(doc, step)
        assert shown(compute_layout(doc, DEFAULT_STYLE, memo)) == shown(compute_layout(doc))


def test_on_a_crowded_map_the_routes_kept_are_the_routes_found_afresh():
    doc = generate_map(400, stages=4, lanes=3, links=80)
    memo = LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    rerouted = 0
    for i in range(12):
        card = doc.cards[(i * 37) % len(doc.cards)]
        card.text = "Текст, который растёт и сдвигает карточки под собой. " * (i % 3)
        relaid = relayout_cards(doc, [card.id], DEFAULT_STYLE, memo)
        assert shown(relaid.layout) == shown(compute_layout(doc))
        rerouted += len(relaid.links)
    assert 0 < rerouted < 12 * len(doc.links) / 2  # some links go round the grown cards; most stay
