"""The three-way merge of a workshop's results: comment threads as a union by comment id within a card (one
comment edited both ways is a conflict), votes by id with their counts card by card."""

from datetime import UTC, datetime

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps, loads
from cjm_designer.model import Card, Comment, Conflict, JourneyMap, Lane, Link, Stage, Vote, check_references
from cjm_designer.model.merge import merge

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def base_map() -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Choice"))
    doc.add_lane(Lane(id="pains", name="Pains", kind="pain_points"))
    doc.add_card(Card(id="a", stage="s", lane="pains", title="Slow answer",
                      comments=[Comment(id="c0", author="Anna", text="Seen in calls", created=NOW)]))
    doc.add_card(Card(id="b", stage="s", lane="pains", title="Price unclear"))
    doc.add_vote(Vote(id="v", name="Worst pains", lanes=["pains"], dots=3, started=NOW, voters=2,
                      counts={"a": 3, "b": 3}))
    return doc


def comment(comment_id: str, text: str, resolved: bool = False) -> Comment:
    return Comment(id=comment_id, author="Oleg", text=text, created=NOW, resolved=resolved)


def valid(doc: JourneyMap) -> JourneyMap:
    assert check_references(doc) == []
    assert loads(dumps(doc)) == doc
    return doc


def test_comments_added_on_both_sides_all_stay_and_a_removal_holds():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.card("a").comments = [*ours.card("a").comments, comment("c1", "ours")]
    theirs.card("a").comments = [comment("c2", "theirs")]  # c0 removed, c2 added
    result = merge(base, ours, theirs)
    assert [c.id for c in valid(result.doc).card("a").comments] == ["c1", "c2"]
    assert result.conflicts == []


def test_a_comment_resolved_on_one_side_and_answered_on_the_other():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.card("a").comments = [comment("c0", "Seen in calls", resolved=True).model_copy(update={"author": "Anna"})]
    theirs.card("a").comments = [*theirs.card("a").comments, comment("c9", "Also in chat")]
    doc = valid(merge(base, ours, theirs).doc)
    assert [(c.id, c.resolved) for c in doc.card("a").comments] == [("c0", True), ("c9", False)]


def test_one_comment_edited_both_ways_is_a_conflict_that_settles_either_way(qapp):
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.card("a").comments = [comment("c0", "ours"), comment("c1", "new here")]
    theirs.card("a").comments = [comment("c0", "theirs")]
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    assert [c.text for c in doc.card("a").comments] == ["ours", "new here"]
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.element, conflict.field) == ("card", "a", "comments")
    assert [c["text"] for c in conflict.theirs] == ["theirs", "new here"]
    session = DocumentSession(doc)
    Editor(session).resolve_conflicts([conflict.id], "theirs")
    assert [c.text for c in session.doc.card("a").comments] == ["theirs", "new here"]
    assert session.doc.conflicts == []


def test_votes_merge_by_id_with_their_counts_card_by_card():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.vote("v").ended = NOW
    ours.vote("v").counts = {"a": 5, "b": 3}
    theirs.vote("v").counts = {"a": 3}  # b's dots taken back
    theirs.add_vote(Vote(id="v2", lanes=["pains"], dots=1, started=NOW))
    doc = valid(merge(base, ours, theirs).doc)
    assert [v.id for v in doc.votes] == ["v", "v2"]
    assert (doc.vote("v").ended, doc.vote("v").counts) == (NOW, {"a": 5})


def test_a_vote_removed_on_one_side_and_unchanged_on_the_other_is_gone():
    base = base_map()
    ours = base.model_copy(deep=True)
    ours.remove_vote("v")
    assert valid(merge(base, ours, base.model_copy(deep=True)).doc).votes == []


def test_a_card_re_id_after_a_clash_takes_its_votes_comments_conflicts_and_links_along():
    """Both sides added a card `new` (different ones): theirs is re-id'd, and what names it on their side
    (their vote's dots, their link, a conflict their file held) follows it; ours keeps `new`."""
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.add_card(Card(id="new", stage="s", lane="pains", title="Ours"))
    ours.vote("v").counts = {**ours.vote("v").counts, "new": 1}
    theirs.add_card(Card(id="new", stage="s", lane="pains", title="Theirs", comments=[comment("c5", "why?")]))
    theirs.add_link(Link(id="l-theirs", source="new", target="a"))
    theirs.vote("v").counts = {**theirs.vote("v").counts, "new": 4}
    theirs.add_vote(Vote(id="v2", lanes=["pains"], dots=2, started=NOW, counts={"new": 2, "b": 1}))
    theirs.add_conflict(Conflict(id="k", kind="card", element="new", field="title", ours="Theirs", theirs="Other"))
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    moved = next(c.id for c in doc.cards if c.title == "Theirs")
    assert moved != "new" and doc.card("new").title == "Ours"
    assert [c.id for c in doc.card(moved).comments] == ["c5"]
    assert (doc.link("l-theirs").source, doc.link("l-theirs").target) == (moved, "a")
    assert doc.vote("v").counts == {"a": 3, "b": 3, "new": 1, moved: 4}
    assert doc.vote("v2").counts == {moved: 2, "b": 1}
    assert doc.conflict("k").element == moved


def test_a_lane_re_id_after_a_clash_takes_its_votes_and_inbox_along():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.add_lane(Lane(id="ideas", name="Ideas (ours)"))
    theirs.add_lane(Lane(id="ideas", name="Ideas (theirs)"))
    theirs.add_vote(Vote(id="v3", lanes=["ideas"], dots=1, started=NOW))
    theirs.add_card(Card(id="idea", stage="s", lane="ideas", title="Call back"))
    doc = valid(merge(base, ours, theirs).doc)
    moved = next(lane.id for lane in doc.lanes if lane.name == "Ideas (theirs)")
    assert moved != "ideas"
    assert doc.vote("v3").lanes == [moved] and doc.card("idea").lane == moved


def test_a_card_identical_on_both_sides_but_in_a_re_id_stage_is_two_cards():
    """Both added stage `s2` (different ones) and in it a card `c` alike in every field: their card is in
    their stage, so it is another card and is re-id'd too, not moved into one of the two stages."""
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.add_stage(Stage(id="s2", name="Ours"))
    theirs.add_stage(Stage(id="s2", name="Theirs"))
    for side in (ours, theirs):
        side.add_card(Card(id="c", stage="s2", lane="pains", title="Same"))
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    their_stage = next(s.id for s in doc.stages if s.name == "Theirs")
    assert doc.card("c").stage == "s2"
    assert [c.title for c in doc.cards if c.stage == their_stage] == ["Same"]
    assert result.conflicts == []
