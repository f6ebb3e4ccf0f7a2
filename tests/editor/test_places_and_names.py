"""The editor decides where a new card or lane goes and what a typed name is: the canvas and the window
pass only what the user pointed at (a card, a cell, a lane) and what was typed."""

import pytest

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.editor.edits import NAME_LENGTH
from cjm_designer.io import dumps
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, Stage
from cjm_designer.model.document import ElementKind


@pytest.fixture
def session(qapp):
    """Cell (s0, buyer) = [a, b]; lanes buyer, pains; a link a → b labelled "звонок"."""
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Осознание"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind=LaneKind.BUYER_ACTIONS))
    doc.add_lane(Lane(id="pains", name="Боли", kind=LaneKind.PAIN_POINTS))
    for card_id in ("a", "b"):
        doc.add_card(Card(id=card_id, stage="s0", lane="buyer", title=card_id.upper()))
    doc.add_link(Link(id="k", source="a", target="b", label="звонок"))
    return DocumentSession(doc)


@pytest.fixture
def edits(session):
    return Editor(session)


def cell(session, lane="buyer"):
    return [c.id for c in session.doc.cards_in("s0", lane)]


def unchanged(session, heard, before: str):
    assert session.undo_stack.count() == 0 and heard == [] and dumps(session.doc) == before


# -- where a typed card goes ------------------------------------------------------------------------


def test_a_card_typed_at_a_card_goes_right_after_it_and_the_next_after_that(session, edits):
    place = edits.place_after(None, ["a"])  # the current card: a
    first = edits.add_card(*place, "Звонок")
    assert cell(session) == ["a", first, "b"]
    second = edits.add_card(*edits.place_after(None, [first]), "Письмо")  # Tab: the next one after it
    assert cell(session) == ["a", first, second, "b"]


def test_a_card_typed_in_a_cell_without_a_current_card_goes_at_its_end(session, edits):
    assert edits.place_after(("s0", "buyer"), []) == ("s0", "buyer", 2)
    card_id = edits.add_card(*edits.place_after(("s0", "pains"), []), "Долго")
    assert cell(session, "pains") == [card_id]


# -- where a new lane goes --------------------------------------------------------------------------


def test_a_new_lane_goes_after_the_current_lane_or_last(session, heard, edits):
    before = dumps(session.doc)
    middle = edits.add_lane_after("buyer", "Каналы", LaneKind.CHANNELS, "Add lane")
    assert [lane.id for lane in session.doc.lanes] == ["buyer", middle, "pains"]
    assert session.undo_stack.count() == 1 and len(heard) == 1 and session.undo_stack.undoText() == "Add lane"
    last = edits.add_lane_after(None, "Эмоции")
    assert [lane.id for lane in session.doc.lanes] == ["buyer", middle, "pains", last]
    assert session.doc.lane(last).kind == LaneKind.EMOTIONS  # the kind its name says, as add_lane has it
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert dumps(session.doc) == before


# -- typed names and labels -------------------------------------------------------------------------


def test_a_typed_name_is_one_line_of_single_spaces_cut_to_what_the_map_holds(session, heard, edits):
    assert edits.rename(ElementKind.STAGE, "s0", "  Выбор \n\t магазина ", "Rename stage")
    assert session.doc.stage("s0").name == "Выбор магазина"
    assert session.undo_stack.count() == 1 and len(heard) == 1
    assert edits.rename(ElementKind.STAGE, "s0", "я" * (NAME_LENGTH + 5))
    assert session.doc.stage("s0").name == "я" * NAME_LENGTH == "я" * 200


def test_a_name_of_nothing_but_spaces_or_the_same_name_changes_nothing(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.rename(ElementKind.LANE, "buyer", " \n ")
    assert not edits.rename(ElementKind.LANE, "buyer", " Покупатель ")
    unchanged(session, heard, before)


def test_a_lane_renamed_to_a_kinds_name_takes_that_kind(session, edits):
    assert edits.rename(ElementKind.LANE, "pains", "Эмоции")
    assert session.doc.lane("pains").kind == LaneKind.EMOTIONS


def test_a_link_label_is_typed_as_a_name_and_nothing_typed_takes_it_away(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.set_link_label("k", "  звонок ")
    unchanged(session, heard, before)
    assert edits.set_link_label("k", " перезвонить\n завтра ", "Edit link label")
    assert session.doc.link("k").label == "перезвонить завтра"
    assert edits.set_link_label("k", "   ")
    assert session.doc.link("k").label == ""


# -- sizes ------------------------------------------------------------------------------------------


def test_sizes_are_kept_within_the_limits_the_map_accepts(session, edits):
    assert edits.size_limits(ElementKind.STAGE) == (40, 10_000)
    assert edits.size_limits(ElementKind.LANE) == (20, 10_000)
    assert edits.resize_part(ElementKind.LANE, "buyer", 3.4)
    assert session.doc.lane("buyer").height == 20.0
    assert edits.resize_part(ElementKind.STAGE, "s0", 12_345.6)
    assert session.doc.stage("s0").width == 10_000.0
