"""The editor decides where a new stage or lane goes next to the header the user pointed at (the
headers' Insert … before/after/above/below) or after the last (Add stage, Add lane)."""

import pytest

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps
from cjm_designer.model import JourneyMap, Lane, LaneKind, Stage


@pytest.fixture
def session(qapp):
    doc = JourneyMap()
    for stage_id in ("s0", "s1"):
        doc.add_stage(Stage(id=stage_id, name=stage_id))
    for lane_id in ("l0", "l1"):
        doc.add_lane(Lane(id=lane_id, name=lane_id, kind=LaneKind.TOUCHPOINTS))
    return DocumentSession(doc)


def ids(parts):
    return [part.id for part in parts]


def test_a_new_stage_goes_before_or_after_the_stage_pointed_at_or_last(session):
    edits, before = Editor(session), dumps(session.doc)
    after = edits.add_stage_after("s0", "После", "Add stage")
    first = edits.add_stage_after("s0", "Перед", before=True)
    last = edits.add_stage_after(None, "Последний")
    assert ids(session.doc.stages) == [first, "s0", after, "s1", last]
    assert session.undo_stack.count() == 3 and session.undo_stack.text(0) == "Add stage"
    assert session.doc.stage(after).name == "После"
    for _ in range(3):
        session.undo_stack.undo()
    assert dumps(session.doc) == before


def test_a_new_lane_goes_above_the_lane_pointed_at(session):
    edits = Editor(session)
    above = edits.add_lane_after("l1", "Эмоции", before=True)
    assert ids(session.doc.lanes) == ["l0", above, "l1"]
    assert session.doc.lane(above).kind == LaneKind.EMOTIONS  # the kind its name says, as add_lane has it
    assert session.undo_stack.count() == 1
