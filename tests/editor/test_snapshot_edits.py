"""Snapshots through the editor: saving, renaming and deleting one are undo steps; restoring one is a
single undo step that makes the map what the snapshot kept, and undoing it gives back the exact map."""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps, load
from cjm_designer.io.snapshots import snapshot_map, take_snapshot
from cjm_designer.model import Conflict, ModelError
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from tests.strategies import journey_maps

NOW = datetime(2026, 12, 2, 19, 40, tzinfo=UTC)


@pytest.fixture
def session(qapp):
    return DocumentSession(load(templates_dir() / "three-stages.en.cjm"))


@pytest.fixture
def edits(session):
    return Editor(session)


def save(edits, name):
    snapshot = take_snapshot(edits.doc, name, "Anna", NOW)
    edits.save_snapshot(snapshot)
    return snapshot.id


def test_saving_a_snapshot_is_one_step_named_after_it(session, edits, heard):
    before = dumps(session.doc)
    snapshot_id = save(edits, "As-is")
    assert session.undo_stack.count() == 1 and session.undo_stack.text(0) == "Save snapshot “As-is”"
    assert [(c.ids, c.kinds) for c in heard] == [({snapshot_id}, {ElementKind.SNAPSHOT})]
    assert [s.name for s in session.doc.snapshots] == ["As-is"]
    session.undo_stack.undo()
    assert dumps(session.doc) == before


def test_a_name_taken_is_refused_and_nothing_is_pushed(session, edits):
    first = save(edits, "As-is")
    second = save(edits, "Later")
    with pytest.raises(ModelError):
        save(edits, "As-is")
    with pytest.raises(ModelError):
        edits.rename_snapshot(second, "As-is")
    assert edits.rename_snapshot(first, "As-is") is False
    assert session.undo_stack.count() == 2


def test_rename_and_delete_are_undone(session, edits, heard):
    first, second = save(edits, "A"), save(edits, "B")
    before = dumps(session.doc)
    heard.clear()
    assert edits.rename_snapshot(first, "Как есть")
    assert session.doc.snapshot(first).name == "Как есть" and heard[-1].kinds == {ElementKind.SNAPSHOT}
    edits.delete_snapshot(first)
    assert [s.id for s in session.doc.snapshots] == [second]
    assert session.undo_stack.text(session.undo_stack.index() - 1) == "Delete snapshot “Как есть”"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert dumps(session.doc) == before


def test_restoring_is_one_step_and_undo_gives_back_the_very_map(session, edits, heard):
    kept = dumps(session.doc)
    snapshot_id = save(edits, "As-is")
    edits.delete([session.doc.cards[0].id, session.doc.cards[5].id])
    edits.set_fields(ElementKind.META, {"": {"title": "Changed"}})
    session.doc.conflicts.append(Conflict(id="conflict-1", kind="meta", field="title", ours="Changed",
                                          theirs="Other"))
    changed, cards = dumps(session.doc), list(session.doc.cards)
    steps = session.undo_stack.count()
    heard.clear()
    edits.restore_snapshot(snapshot_id, snapshot_map(session.doc.snapshot(snapshot_id), "map.cjm"))
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.text(steps) == "Restore snapshot “As-is”"
    assert len(heard) == 1 and heard[0].structure and not heard[0].kinds  # every view rebuilds
    assert dumps(session.doc.model_copy(update={"snapshots": []})) == kept  # the conflicts are settled too
    assert [s.id for s in session.doc.snapshots] == [snapshot_id]
    session.undo_stack.undo()
    assert dumps(session.doc) == changed and all(a is b for a, b in zip(session.doc.cards, cards, strict=True))
    session.undo_stack.redo()
    assert dumps(session.doc.model_copy(update={"snapshots": []})) == kept


def test_a_snapshot_map_using_a_snapshots_id_is_refused(session, edits):
    snapshot_id = save(edits, "As-is")
    content = snapshot_map(session.doc.snapshot(snapshot_id), "map.cjm")
    content.cards[0].id = snapshot_id
    with pytest.raises(ModelError, match="id"):
        edits.restore_snapshot(snapshot_id, content)
    assert session.undo_stack.count() == 1


@given(journey_maps(max_cards=8), journey_maps(max_cards=8))
@settings(max_examples=40, deadline=None)
def test_snapshot_then_restore_gives_back_the_identical_map(qapp, first, second):
    session = DocumentSession(first)
    edits = Editor(session)
    original = dumps(first)
    first_id = save(edits, "first")
    other = take_snapshot(second, "second", "", NOW)
    edits.restore_snapshot(first_id, snapshot_map(other, "other.cjm"))  # the map becomes `second`
    assert dumps(session.doc.model_copy(update={"snapshots": []})) == dumps(second)
    edits.restore_snapshot(first_id, snapshot_map(session.doc.snapshot(first_id), "map.cjm"))
    assert dumps(session.doc.model_copy(update={"snapshots": []})) == original
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert dumps(session.doc) == original
