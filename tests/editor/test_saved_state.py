"""Whether a session's map is what its file holds: the session alone says so and sets it, as the map is
saved, given up, recovered or changed with no undo step; the window only asks."""

import pytest

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.model import Card, JourneyMap, Lane, Stage
from cjm_designer.model.document import ElementKind


@pytest.fixture
def edited(qapp) -> DocumentSession:
    """A session of a new map with one edit made."""
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Осознание"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind="buyer_actions"))
    doc.add_card(Card(id="a", stage="s0", lane="buyer", title="Зашёл на сайт"))
    session = DocumentSession(doc)
    assert not session.modified
    assert Editor(session).set_fields(ElementKind.CARD, {"a": {"title": "Позвонил"}})
    return session


def test_an_edit_makes_the_map_modified_and_undoing_it_does_not(edited):
    assert edited.modified
    edited.undo_stack.undo()
    assert not edited.modified


def test_a_save_marks_where_the_file_is_and_undoing_past_it_is_a_change(edited):
    edited.mark_saved()
    assert not edited.modified
    edited.undo_stack.undo()
    assert edited.modified
    edited.undo_stack.redo()
    assert not edited.modified


def test_a_map_no_file_holds_stays_modified_until_saved_even_undone(edited):
    edited.mark_unsaved()  # e.g. recovered from an autosave copy, or its file deleted meanwhile
    edited.undo_stack.undo()
    assert edited.modified
    edited.mark_saved()
    assert not edited.modified
