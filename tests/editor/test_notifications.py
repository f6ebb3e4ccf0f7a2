"""The session's notifications: exactly one `changed` for a push, a batch, and each undo and redo of
either, saying what all of its commands touched."""

import gc
import weakref

import pytest

from cjm_designer.editor import AddCards, Change, DocumentSession, Editor, MoveCards, RemoveElements
from cjm_designer.model import Card, JourneyMap, Lane, Stage
from cjm_designer.model.document import ElementKind


@pytest.fixture
def session(qapp):
    return _session()


@pytest.fixture
def edits(session):
    return Editor(session)


def _session() -> DocumentSession:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Осознание"))
    doc.add_stage(Stage(id="s1", name="Решение"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind="buyer_actions"))
    for card_id in "abc":
        doc.add_card(Card(id=card_id, stage="s0", lane="buyer", title=card_id))
    return DocumentSession(doc)


def test_a_push_and_its_undo_and_redo_are_heard_once_each(session, edits, heard):
    assert edits.set_fields(ElementKind.CARD, {"a": {"title": "A", "pain": True}})
    assert heard == [Change(frozenset({"a"}), False, frozenset({"card"}), frozenset({"title", "pain"}))]
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert len(heard) == 3 and heard[1] == heard[2] == heard[0]


def test_a_batch_is_one_step_and_one_notification_and_so_are_its_undo_and_redo(session, edits, heard):
    doc = session.doc
    with session.batch("Edit title"):
        for card_id in "abc":
            assert edits.set_fields(ElementKind.CARD, {card_id: {"title": card_id * 2}})
        assert edits.set_fields(ElementKind.STAGE, {"s1": {"entering": 10}})
        assert heard == []  # nothing is heard before the batch ends
    assert session.undo_stack.count() == 1 and session.undo_stack.text(0) == "Edit title"
    assert heard == [Change(frozenset({"a", "b", "c", "s1"}), False, frozenset({"card", "stage"}),
                            frozenset({"title", "entering"}))]
    session.undo_stack.undo()
    assert [c.title for c in doc.cards] == ["a", "b", "c"] and doc.stage("s1").entering is None
    assert len(heard) == 2 and heard[1] == heard[0]
    session.undo_stack.redo()
    assert [c.title for c in doc.cards] == ["aa", "bb", "cc"] and doc.stage("s1").entering == 10
    assert len(heard) == 3 and heard[2] == heard[0]


def test_a_batch_that_changes_structure_says_so_and_names_no_fields(session, edits, heard):
    with session.batch("Move and mark"):
        assert edits.set_fields(ElementKind.CARD, {"a": {"pain": True}})
        session.push(MoveCards(session, [("a", "s1", "buyer", None)]))
    assert len(heard) == 1
    change = heard[0]
    assert change.structure and change.fields == frozenset() and change.ids == {"a"}
    assert change.touches("card", {"title"})  # any field may have changed
    assert not change.touches("persona")


def test_commands_done_in_a_batch_see_each_other(session, edits, heard):
    """Each command is done when pushed, so a later one in the batch starts from what the earlier did."""
    card = Card(id="d", stage="s1", lane="buyer", title="d")
    with session.batch("Add and edit"):
        session.push(AddCards(session, [(card, None)]))
        assert edits.set_fields(ElementKind.CARD, {"d": {"title": "D"}})
    assert session.doc.card("d").title == "D"
    session.undo_stack.undo()
    assert "d" not in {c.id for c in session.doc.cards}
    session.undo_stack.redo()
    assert session.doc.card("d").title == "D"
    assert len(heard) == 3 and all(c.structure and c.ids == {"d"} for c in heard)


def test_a_batch_in_a_batch_joins_it(session, edits, heard):
    with session.batch("Outer"):
        assert edits.set_fields(ElementKind.CARD, {"a": {"title": "A"}})
        with session.batch("Inner"):
            session.push(RemoveElements(session, ["b"]))
    assert session.undo_stack.count() == 1 and session.undo_stack.text(0) == "Outer"
    assert len(heard) == 1 and heard[0].ids == {"a", "b"}


def test_an_empty_batch_leaves_no_step_and_says_nothing(session, heard):
    with session.batch("Nothing"):
        pass
    assert session.undo_stack.count() == 0 and heard == []


def test_a_batch_that_fails_is_undone_and_leaves_no_step(session, edits, heard):
    with pytest.raises(RuntimeError), session.batch("Broken"):
        assert edits.set_fields(ElementKind.CARD, {"a": {"title": "A"}})
        raise RuntimeError("a failure halfway")
    assert session.doc.card("a").title == "a"
    assert session.undo_stack.count() == 0
    assert len(heard) == 1  # the views hear of the change and its undoing once, and show the model as it was


def test_a_jump_of_several_steps_is_heard_once(session, edits, heard):
    for card_id in "abc":
        assert edits.set_fields(ElementKind.CARD, {card_id: {"title": card_id.upper()}})
    session.push(RemoveElements(session, ["a"]))
    heard.clear()
    session.go_to(1)  # three steps back (the History panel's list)
    assert session.undo_stack.index() == 1 and [c.title for c in session.doc.cards] == ["A", "b", "c"]
    assert len(heard) == 1 and heard[0].structure and heard[0].ids == {"a", "b", "c"}
    session.go_to(3)  # two forward
    assert session.undo_stack.index() == 3 and [c.title for c in session.doc.cards] == ["A", "B", "C"]
    assert len(heard) == 2 and heard[1] == Change(frozenset("bc"), False, frozenset({"card"}), frozenset({"title"}))
    session.go_to(3)  # where it is: nothing happens
    assert len(heard) == 2


def test_merged_changes_know_fields_only_when_every_part_does():
    field = Change(frozenset({"a"}), False, frozenset({"card"}), frozenset({"title"}))
    unknown = Change(frozenset({"s0"}), False, frozenset({"stage"}))
    assert Change.merged([field, field]).fields == {"title"}
    assert Change.merged([field, unknown]).fields == frozenset()
    assert Change.merged([field, unknown]).touches("card", {"pain"})
    assert not field.touches("card", {"pain"}) and field.touches("card", {"title", "pain"})
    assert Change(frozenset({"x"})).touches("persona")  # a change that names no kinds may touch any


def test_a_session_with_commands_and_batches_is_freed_without_the_cycle_collector(qapp):
    """Commands live on their session's undo stack and hold it weakly: a strong reference would make a
    cycle through Qt that only the cycle collector frees, and collecting it tears the stack down under
    commands already cleared (a crash at exit)."""
    session = _session()
    with session.batch("Two titles"):
        assert Editor(session).set_fields(ElementKind.CARD, {"a": {"title": "A"}})
        assert Editor(session).set_fields(ElementKind.CARD, {"b": {"title": "B"}})
    assert Editor(session).set_fields(ElementKind.CARD, {"a": {"title": "A again"}})
    session.undo_stack.undo()
    freed = weakref.ref(session)
    gc.disable()
    try:
        del session
        assert freed() is None
    finally:
        gc.enable()
