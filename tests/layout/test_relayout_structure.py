"""Re-laying out only the cells that cards added, removed and moved leave and enter (mixed with edits
of fields, links added and removed, and deletes undone) gives the map a full layout gives, and shares
every box it did not have to make again."""

from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.layout import DEFAULT_STYLE, LayoutMemo, compute_layout, relayout_cards
from cjm_designer.model import Card, Link, LinkKind
from tests.layout.test_relayout import FIELDS, assert_only_reported_anew, grid_with_links, shown
from tests.strategies import cards, journey_maps

OPERATIONS = ("add", "delete", "undo delete", "move", "edit", "link", "unlink")


def _operate(doc, data, removals: list, serial: list) -> set[str]:
    """One change of `doc` as the editor's commands make it; the ids its notification names."""
    operation = data.draw(st.sampled_from(OPERATIONS))
    cells = [(stage.id, lane.id) for stage in doc.stages for lane in doc.lanes]
    if operation == "add":
        serial.append(None)
        stage_id, lane_id = data.draw(st.sampled_from(cells))
        card = data.draw(cards(f"new-{len(serial)}", stage_id, lane_id))
        doc.add_card(card, data.draw(st.none() | st.integers(0, 3)))
        if doc.cards[1:] and data.draw(st.booleans()):  # a paste brings its links
            other = data.draw(st.sampled_from([c for c in doc.cards if c is not card]))
            doc.add_link(Link(id=f"new-link-{len(serial)}", source=card.id, target=other.id))
            return {card.id, f"new-link-{len(serial)}"}
        return {card.id}
    if operation == "delete" and doc.cards:
        chosen = data.draw(st.lists(st.sampled_from(doc.cards), min_size=1, max_size=2, unique_by=id))
        removal = doc.remove_cards([card.id for card in chosen])
        removals.append(removal)
        return {element.id for _, _, element in removal.items}
    if operation == "undo delete" and removals:
        removal = removals.pop()
        doc.restore(removal)
        return {element.id for _, _, element in removal.items}
    if operation == "move" and doc.cards:
        moving = data.draw(st.lists(st.sampled_from(doc.cards), min_size=1, max_size=2, unique_by=id))
        stage_id, lane_id = data.draw(st.sampled_from(cells + [(moving[0].stage, moving[0].lane)]))
        ids = [card.id for card in moving]
        staying = [c.id for c in doc.cards_in(stage_id, lane_id) if c.id not in ids]
        doc.move_cards(ids, stage_id, lane_id, data.draw(st.sampled_from([None, *staying])))
        return set(ids)
    if operation == "edit" and doc.cards:
        card = data.draw(st.sampled_from(doc.cards))
        fresh = data.draw(cards(card.id, card.stage, card.lane))
        for name in data.draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3, unique=True)):
            setattr(card, name, getattr(fresh, name))
        return {card.id}
    if operation == "link" and len(doc.cards) >= 2:
        serial.append(None)
        source, target = data.draw(st.lists(st.sampled_from(doc.cards), min_size=2, max_size=2, unique_by=id))
        link = Link(id=f"new-link-{len(serial)}", source=source.id, target=target.id,
                    kind=data.draw(st.sampled_from(LinkKind)), label=data.draw(st.sampled_from(["", "звонок"])))
        doc.add_link(link, data.draw(st.none() | st.integers(0, len(doc.links))))
        return {link.id}
    if operation == "unlink" and doc.links:
        removal = doc.remove_links([data.draw(st.sampled_from(doc.links)).id])
        removals.append(removal)
        return {element.id for _, _, element in removal.items}
    return set()


def _relaid(doc, memo, before, ids: set[str]):
    """Lay out `doc` after a change of structure naming `ids`, as the canvas asks for it."""
    links = {i for i in ids if i in before.links}
    return relayout_cards(doc, ids - links, DEFAULT_STYLE, memo, links, structure=True)


@given(journey_maps(max_cards=14).filter(lambda d: d.stages and d.lanes), st.data())
def test_relaying_out_added_removed_and_moved_cards_gives_the_full_layout(doc, data):
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    removals: list = []
    serial: list = []
    for _ in range(data.draw(st.integers(1, 5))):
        ids: set[str] = set()
        for _ in range(data.draw(st.integers(1, 3))):  # a batch: one notification for all
            ids |= _operate(doc, data, removals, serial)
        relaid = _relaid(doc, memo, before, ids)
        assert not relaid.full
        after = relaid.layout
        assert shown(after) == shown(compute_layout(doc))
        assert memo.last.cards == {card.id: card for card in doc.cards}
        assert all(memo.last.cards[card.id] is card for card in doc.cards)
        assert relaid.gone == (before.cards.keys() - after.cards.keys()) | (before.links.keys() - after.links.keys())
        for card_id, box in after.cards.items():  # what is not reported new is the very box of before
            assert (box is not before.cards.get(card_id)) == (card_id in relaid.cards)
        assert_only_reported_anew(before, after, relaid)
        before = after


def test_a_typed_card_lays_out_only_its_cell():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    doc.add_card(Card(id="new", stage="s2", lane="l2", title="Новая"), None)
    relaid = relayout_cards(doc, ["new"], DEFAULT_STYLE, memo, structure=True)
    assert not relaid.full and "new" in relaid.cards and not relaid.gone
    assert {key for key in relaid.layout.cards if relaid.layout.cards[key] is not before.cards.get(key)} <= (
        {"new"} | set(before.cell_cards[("s2", "l2")]))
    assert shown(relaid.layout) == shown(compute_layout(doc))


def test_a_deleted_card_goes_with_its_links_and_comes_back_with_them():
    doc = grid_with_links()
    memo = LayoutMemo()
    before = compute_layout(doc, DEFAULT_STYLE, memo)
    linked = next(link for link in doc.links)
    removal = doc.remove_cards([linked.source])
    ids = {element.id for _, _, element in removal.items}
    relaid = relayout_cards(doc, ids - before.links.keys(), DEFAULT_STYLE, memo, ids & before.links.keys(),
                            structure=True)
    assert not relaid.full and relaid.gone == ids and linked.source not in relaid.layout.cards
    assert shown(relaid.layout) == shown(compute_layout(doc))
    doc.restore(removal)
    relaid = relayout_cards(doc, ids, DEFAULT_STYLE, memo, structure=True)
    assert not relaid.full and not relaid.gone and shown(relaid.layout) == shown(before)


def test_a_card_gone_unnamed_or_an_id_taken_by_another_card_lays_out_all():
    doc = grid_with_links()
    memo = LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    doc.remove_cards(["c0"])
    assert relayout_cards(doc, ["c1"], DEFAULT_STYLE, memo, structure=True).full
    doc.add_card(Card(id="c0", stage="s0", lane="l0", title="Другая"), 0)
    assert not relayout_cards(doc, ["c0"], DEFAULT_STYLE, memo, structure=True).full  # a card added
    doc.remove_cards(["c0"])
    doc.add_card(Card(id="c0", stage="s0", lane="l0", title="Третья"), 0)
    relaid = relayout_cards(doc, ["c0"], DEFAULT_STYLE, memo, structure=True)
    assert relaid.full and shown(relaid.layout) == shown(compute_layout(doc))
