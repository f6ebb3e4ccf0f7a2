"""Dot votes and comment threads as editor operations: the facilitator's gestures are undo steps; what the
room sends (ballots, a participant's comment) changes the map with no undo step but marks it modified."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.model import Card, Comment, InboxCard, JourneyMap, Lane, LaneKind, ModelError, Stage
from cjm_designer.model.document import ElementKind
from cjm_designer.model.voting import running_vote


@pytest.fixture
def session(qapp):
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Выбор"))
    doc.add_lane(Lane(id="pains", name="Боли", kind=LaneKind.PAIN_POINTS))
    doc.add_lane(Lane(id="ideas", name="Возможности", kind=LaneKind.OPPORTUNITIES))
    for card_id, lane in (("p1", "pains"), ("p2", "pains"), ("i1", "ideas")):
        doc.add_card(Card(id=card_id, stage="s0", lane=lane, title=card_id))
    return DocumentSession(doc)


@pytest.fixture
def heard(session):
    changes = []
    session.changed.connect(changes.append)
    return changes


def test_a_vote_starts_and_ends_as_undo_steps(session, heard):
    editor = Editor(session)
    ends = datetime.now(UTC) + timedelta(minutes=5)
    vote_id = editor.start_vote("Что болит сильнее?", ["pains"], 3, ends)
    vote = session.doc.vote(vote_id)
    assert (vote.lanes, vote.dots, vote.ended, vote.ends) == (["pains"], 3, None, ends)
    assert running_vote(session.doc) is vote
    assert session.undo_stack.count() == 1 and len(heard) == 1 and ElementKind.VOTE in heard[0].kinds
    with pytest.raises(ModelError, match="still running"):
        editor.start_vote("Second", ["ideas"], 3)
    assert editor.end_vote(vote_id) and vote.ended is not None
    assert not editor.end_vote(vote_id)
    assert session.undo_stack.count() == 2 and running_vote(session.doc) is None
    session.undo_stack.undo()
    assert vote.ended is None
    session.undo_stack.undo()
    assert session.doc.votes == []


def test_a_vote_needs_its_lanes_on_the_map(session):
    with pytest.raises(ModelError):
        Editor(session).start_vote("x", ["gone"], 3)
    assert session.doc.votes == [] and session.undo_stack.count() == 0


def test_ballots_change_the_counts_with_no_undo_step_but_mark_the_map_modified(session, heard):
    editor = Editor(session)
    vote_id = editor.start_vote("", ["pains"], 3)
    session.undo_stack.setClean()
    heard.clear()
    assert editor.set_vote_counts(vote_id, {"p1": 4, "p2": 2, "p3": 0}, 2)
    vote = session.doc.vote(vote_id)
    assert (vote.counts, vote.voters) == ({"p1": 4, "p2": 2}, 2)
    assert session.undo_stack.count() == 1 and not session.undo_stack.isClean()
    assert len(heard) == 1 and heard[0].kinds == {ElementKind.VOTE} and heard[0].fields == {"counts", "voters"}
    assert not editor.set_vote_counts(vote_id, {"p1": 4, "p2": 2}, 2)  # the same totals: nothing heard
    assert len(heard) == 1
    with pytest.raises(ValidationError):
        editor.set_vote_counts(vote_id, {"not an id!": 1}, 1)
    assert vote.counts == {"p1": 4, "p2": 2}
    editor.end_vote(vote_id)
    assert not editor.set_vote_counts(vote_id, {"p1": 9}, 3)  # a late ballot does not change a closed vote
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert not editor.set_vote_counts(vote_id, {"p1": 9}, 3)  # its start undone: the vote is gone


def test_the_facilitators_comment_is_one_undo_step(session, heard):
    editor = Editor(session)
    comment_id = editor.add_comment("p1", "Анна", "Проверить на интервью")
    [comment] = session.doc.card("p1").comments
    assert (comment.id, comment.author, comment.text, comment.resolved) == (comment_id, "Анна",
                                                                            "Проверить на интервью", False)
    assert comment.created.tzinfo is not None
    assert len(heard) == 1 and heard[0].kinds == {ElementKind.CARD} and heard[0].fields == {"comments"}
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.doc.card("p1").comments == []
    session.undo_stack.redo()
    assert session.doc.card("p1").comments == [comment]


def test_a_participants_comment_has_no_undo_step_and_survives_the_facilitators_undo(session):
    editor = Editor(session)
    session.undo_stack.setClean()
    mine = editor.add_comment("p1", "Фасилитатор", "Моё")
    theirs = editor.add_comment("p1", "Гость", "С телефона", from_room=True)
    assert session.undo_stack.count() == 1 and not session.undo_stack.isClean()
    session.undo_stack.undo()
    assert [c.id for c in session.doc.card("p1").comments] == [theirs]
    session.undo_stack.redo()
    assert [c.id for c in session.doc.card("p1").comments] == [theirs, mine]
    assert mine != theirs


def test_what_the_room_sent_comes_in_with_no_undo_step_and_one_notification(session, heard):
    """A burst from the room: cards into the Inbox, comments (not one on a card deleted meanwhile), and a
    vote's totals."""
    editor = Editor(session)
    vote_id = editor.start_vote("", ["pains"], 3)
    heard.clear()
    received = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    card = InboxCard(id="in-1", stage="s0", lane="ideas", title="Доставка дольше", author="Оля", received=received)
    said, late = (Comment(id="c1", author="Гость", text=text, created=received) for text in ("Согласен", "Поздно"))
    kept = editor.take_in_room([card], [("p1", said), ("gone", late)], {vote_id: ({"p2": 3}, 1)})
    assert kept == ["in-1"] and [c.id for c in session.doc.inbox] == ["in-1"]
    assert [c.text for c in session.doc.card("p1").comments] == ["Согласен"]
    assert session.doc.vote(vote_id).counts == {"p2": 3}
    assert session.undo_stack.count() == 1 and not session.undo_stack.isClean()
    assert len(heard) == 1 and heard[0].kinds == {ElementKind.INBOX, ElementKind.CARD, ElementKind.VOTE}


def test_resolve_reopen_and_remove_comments(session):
    editor = Editor(session)
    first = editor.add_comment("p1", "А", "one")
    second = editor.add_comment("p1", "Б", "two")
    assert editor.set_comment_resolved("p1", first, True)
    assert not editor.set_comment_resolved("p1", first, True)
    assert session.doc.card("p1").comments[0].resolved
    session.undo_stack.undo()
    assert not session.doc.card("p1").comments[0].resolved
    editor.remove_comment("p1", first)
    assert [c.id for c in session.doc.card("p1").comments] == [second]
    session.undo_stack.undo()
    assert [c.id for c in session.doc.card("p1").comments] == [first, second]
    with pytest.raises(ModelError):
        editor.remove_comment("p1", "comment-none")


def test_a_comment_must_have_text(session):
    with pytest.raises(ValidationError):
        Editor(session).add_comment("p1", "А", "")
    assert session.undo_stack.count() == 0
