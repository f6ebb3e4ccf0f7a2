"""The merge's laws over random maps and random edit scripts: a side alone is taken as it is, edits of
different elements by the two sides all survive without a conflict, and whatever both sides do, every
reference of the result resolves to the element its side meant (ids both sides gave out are re-id'd)."""

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm_designer.io import dumps, loads
from cjm_designer.model import Card, Comment, JourneyMap, Kpi, Link, Vote, check_references
from cjm_designer.model.merge import merge
from tests.strategies import journey_maps, short

LAW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ACTIONS = ("title", "emotion", "kpi", "move", "delete", "add", "stage", "lane", "persona", "link", "unlink", "meta",
           "vote", "dots", "comment")
REMOVALS = ("remove stage", "remove lane", "remove persona", "whose emotion")  # they touch other elements too
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def edit(data: st.DataObject, doc: JourneyMap, owned: set[str], prefix: str, meta_field: str,
         removals: bool = False, side: str = "", first: tuple[str, ...] = ()) -> JourneyMap:
    """`doc` changed by a random script of edits, each on an element of `owned` (which the cards, links and
    votes it adds join) or on the meta field `meta_field`; with `removals`, stages, lanes and personas are
    removed too, and cards given a persona. The cards it adds note `side`, and its votes are named so. The
    script starts with the actions `first`."""
    doc = doc.model_copy(deep=True)
    for step in range(len(first) + data.draw(st.integers(0, 8))):
        action = first[step] if step < len(first) else data.draw(
            st.sampled_from(ACTIONS + (REMOVALS if removals else ())))
        cards = [c for c in doc.cards if c.id in owned]
        if action in REMOVALS[:3]:
            kind = action.split()[1]
            parts = [p for p in doc.parts(kind) if p.id in owned]
            if parts:
                gone = data.draw(st.sampled_from(parts)).id
                for card in doc.cards:
                    if card.persona == gone:
                        card.persona = None
                {"stage": doc.remove_stage, "lane": doc.remove_lane, "persona": doc.remove_persona}[kind](gone)
        elif action == "whose emotion" and cards and doc.personas:
            data.draw(st.sampled_from(cards)).persona = data.draw(st.sampled_from(doc.personas)).id
        elif action == "meta":
            setattr(doc.meta, meta_field, data.draw(short))
        elif action == "add" and doc.stages and doc.lanes:
            stage, lane = data.draw(st.sampled_from(doc.stages)), data.draw(st.sampled_from(doc.lanes))
            card = Card(id=numbered(f"{prefix}-card", owned), stage=stage.id, lane=lane.id, title=data.draw(short),
                        note=f"{side}:{step}")
            doc.add_card(card, data.draw(st.integers(0, 3)))
            owned.add(card.id)
        elif action in ("stage", "lane", "persona"):
            parts = [p for p in doc.parts(action) if p.id in owned]
            if parts:
                data.draw(st.sampled_from(parts)).name = data.draw(short)
        elif action == "link" and len(cards) >= 2:
            source, target = data.draw(st.lists(st.sampled_from(cards), min_size=2, max_size=2, unique_by=id))
            doc.add_link(Link(id=f"{prefix}-link-{step}", source=source.id, target=target.id))
            owned.add(f"{prefix}-link-{step}")
        elif action == "vote" and cards:
            counted = data.draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3, unique_by=id))
            vote = Vote(id=numbered(f"{prefix}-vote", owned), name=side, lanes=[counted[0].lane], dots=3,
                        started=NOW, counts={c.id: data.draw(st.integers(0, 9)) for c in counted})
            doc.add_vote(vote)
            owned.add(vote.id)
        elif action == "dots" and cards and any(v.id in owned for v in doc.votes):
            vote = data.draw(st.sampled_from([v for v in doc.votes if v.id in owned]))
            vote.counts = {**vote.counts, data.draw(st.sampled_from(cards)).id: data.draw(st.integers(0, 9))}
        elif action == "comment" and cards:
            card = data.draw(st.sampled_from(cards))
            card.comments = [*card.comments, Comment(id=f"{prefix}-{step}", text=side or "x", created=NOW)]
        elif action == "unlink":
            links = [k for k in doc.links if k.id in owned]
            if links:
                doc.remove_link(data.draw(st.sampled_from(links)).id)
        elif cards:
            card = data.draw(st.sampled_from(cards))
            if action == "title":
                card.title = data.draw(short)
            elif action == "emotion":
                card.emotion = data.draw(st.none() | st.integers(-2, 2))
            elif action == "kpi":
                card.kpi = Kpi(name=data.draw(short), target=data.draw(st.none() | st.floats(0, 100)))
            elif action == "move":
                stage, lane = data.draw(st.sampled_from(doc.stages)), data.draw(st.sampled_from(doc.lanes))
                doc.move_card(card.id, stage.id, lane.id, data.draw(st.integers(0, 3)))
            elif action == "delete":
                doc.remove_cards([card.id])
    return doc


def numbered(prefix: str, owned: set[str]) -> str:
    """The next id of `prefix`: `new-card-0` first on either side, so that both sides give out the same ids."""
    return f"{prefix}-{sum(i.startswith(prefix) for i in owned)}"


def whole(doc: JourneyMap) -> JourneyMap:
    assert check_references(doc) == []
    assert loads(dumps(doc)) == doc
    return doc


@given(st.data(), journey_maps(max_cards=8))
@LAW
def test_a_side_alone_is_taken_as_it_is(data, base):
    changed = edit(data, base, base.ids(), "x", "title", removals=True)
    assert whole(merge(base, changed, base).doc) == changed
    assert whole(merge(base, base, changed).doc) == changed
    assert merge(base, changed, changed).doc == changed


@given(st.data(), journey_maps(max_cards=8))
@LAW
def test_edits_of_different_elements_all_survive(data, base):
    ids = sorted(base.ids())
    ours_ids = set(data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else [])
    theirs_ids = set(ids) - ours_ids
    links = {k.id: k for k in base.links}
    for k in links.values():  # a link is edited only by the side that has both of its ends
        for side in (ours_ids, theirs_ids):
            if k.id in side and not {k.source, k.target} <= side:
                side.discard(k.id)
    ours = edit(data, base, ours_ids, "ours", "title")
    theirs = edit(data, base, theirs_ids, "theirs", "description")
    result = merge(base, ours, theirs)
    doc = whole(result.doc)
    assert result.conflicts == []
    assert (doc.meta.title, doc.meta.description) == (ours.meta.title, theirs.meta.description)
    for name in ("personas", "stages", "lanes", "cards", "links"):
        sides = [{e.id: e for e in getattr(side, name)} for side in (base, ours, theirs, doc)]
        before, by_ours, by_theirs, merged = sides
        for element_id in before.keys() | by_ours.keys() | by_theirs.keys():
            if element_id in ours_ids:
                expected = by_ours.get(element_id)
            elif element_id in theirs_ids:
                expected = by_theirs.get(element_id)
            else:  # a link of a card of each side: gone with either card
                expected = by_ours.get(element_id) and by_theirs.get(element_id)
            assert merged.get(element_id) == expected, (name, element_id)


@given(st.data(), journey_maps(max_cards=8))
@LAW
def test_any_two_edit_scripts_merge_into_a_valid_map(data, base):
    """Both sides edit anything, removals of stages, lanes and personas included, and add elements of
    the same ids: the result is a valid map, whatever conflicts it holds."""
    first = ("add", "vote", "comment")  # both give out `new-card-0` and `new-vote-0`: theirs are re-id'd
    ours = edit(data, base, base.ids(), "new", "title", removals=True, side="ours", first=first)
    theirs = edit(data, base, base.ids(), "new", "title", removals=True, side="theirs", first=first)
    result = merge(base, ours, theirs)
    doc = whole(result.doc)
    assert doc.conflicts == result.conflicts
    assert set(doc.ids()) >= {c.element for c in doc.conflicts if c.kind != "meta"}
    merged_cards = {c.id for c in doc.cards}
    for vote in doc.votes:  # a side's vote counts the cards of that side (the base's or its own, re-id'd or not)
        side_cards = {c.id for c in {"ours": ours, "theirs": theirs}[vote.name].cards}
        for card_id in vote.counts.keys() & side_cards:  # (the others are cards that side removed: history)
            if card_id not in base.ids():
                assert card_id in merged_cards and doc.card(card_id).note.startswith(f"{vote.name}:"), card_id
