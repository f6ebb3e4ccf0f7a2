"""The editor's operations: each decides ids, places and no-ops, and is one undo step with one
notification; an operation that changes nothing pushes nothing."""

import json

import pytest
from pydantic import ValidationError

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.editor.clipboard import copy_payload
from cjm_designer.io import dumps
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, ModelError, Persona, Stage
from cjm_designer.model.document import ElementKind


@pytest.fixture
def session(qapp):
    """Cells (s0, buyer) = [a, b, e], (s1, buyer) = [x]; a link a → e; one persona."""
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Осознание"))
    doc.add_stage(Stage(id="s1", name="Решение"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind=LaneKind.BUYER_ACTIONS))
    doc.add_lane(Lane(id="pains", name="Боли", kind=LaneKind.PAIN_POINTS))
    for card_id, stage in (("a", "s0"), ("b", "s0"), ("x", "s1"), ("e", "s0")):
        doc.add_card(Card(id=card_id, stage=stage, lane="buyer", title=card_id.upper()))
    doc.add_link(Link(id="k", source="a", target="e"))
    doc.add_persona(Persona(id="p", name="Ольга"))
    return DocumentSession(doc)


@pytest.fixture
def edits(session):
    return Editor(session)


def cell(session, stage="s0", lane="buyer"):
    return [c.id for c in session.doc.cards_in(stage, lane)]


def one_step(session, heard, before: str, steps: int = 0):
    """The last operation was one undo step and one notification, and undoing it gives `before` back."""
    assert session.undo_stack.count() == steps + 1 and len(heard) == 1
    after = dumps(session.doc)
    session.undo_stack.undo()
    assert dumps(session.doc) == before
    session.undo_stack.redo()
    assert dumps(session.doc) == after


def nothing_done(session, heard, before: str):
    assert session.undo_stack.count() == 0 and heard == [] and dumps(session.doc) == before


# -- moving cards -------------------------------------------------------------------------------------


def test_moving_cards_inserts_them_before_a_card_in_map_order(session, heard, edits):
    before = dumps(session.doc)
    assert edits.move_cards(["e", "a"], "s0", "buyer", "b")
    assert cell(session) == ["a", "e", "b"]  # the drag bug's map: a and e dropped before b
    one_step(session, heard, before)


def test_moving_cards_to_another_cell_and_to_its_end(session, heard, edits):
    before = dumps(session.doc)
    assert edits.move_cards(["b", "a"], "s1", "buyer")
    assert cell(session, "s1") == ["x", "a", "b"] and cell(session) == ["e"]
    assert session.doc.card("a").stage == "s1"
    one_step(session, heard, before)


def test_a_move_that_changes_nothing_pushes_nothing(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.move_cards(["a", "b"], "s0", "buyer", "e")  # they are before e already
    assert not edits.move_cards(["e"], "s0", "buyer")  # e is last already
    assert not edits.move_cards(["b"], "s0", "buyer", "e")
    assert not edits.move_cards([], "s1", "buyer")
    nothing_done(session, heard, before)


def test_a_move_before_a_moved_card_is_refused(session, edits):
    with pytest.raises(ModelError):
        edits.move_cards(["a", "b"], "s0", "buyer", "a")
    assert session.undo_stack.count() == 0


# -- new cards, duplicates, pastes ---------------------------------------------------------------------


def test_the_current_place_is_the_cell_then_after_the_last_card_else_none(edits):
    assert edits.place_after(("s1", "pains"), ["a"]) == ("s1", "pains", 0)
    assert edits.place_after(("s0", "buyer"), []) == ("s0", "buyer", 3)
    assert edits.place_after(None, ["a", "b"]) == ("s0", "buyer", 2)
    assert edits.place_after(None, []) is None


def test_adding_a_card_from_typed_text(session, heard, edits):
    before = dumps(session.doc)
    card_id = edits.add_card("s0", "buyer", 1, "  Звонок \n в колл-центр ")
    card = session.doc.card(card_id)
    assert (card.title, card.text) == ("Звонок", "в колл-центр") and cell(session)[1] == card_id
    assert card_id not in ("a", "b", "e", "x") and card_id.startswith("card-")
    one_step(session, heard, before)


def test_adding_nothing_typed_adds_no_card(session, heard, edits):
    before = dumps(session.doc)
    assert edits.add_card("s0", "buyer", None, "  \n ") is None
    nothing_done(session, heard, before)


def test_setting_a_cards_text(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.set_card_text("a", "A")
    nothing_done(session, heard, before)
    assert edits.set_card_text("a", "Новое\nописание")
    assert (session.doc.card("a").title, session.doc.card("a").text) == ("Новое", "описание")
    one_step(session, heard, before)


def test_duplicates_go_right_after_their_originals_with_fresh_ids_and_their_links(session, heard, edits):
    before = dumps(session.doc)
    copies = edits.duplicate(["e", "a", "x"])  # any order: done in map order
    assert len(copies) == 3 and not set(copies) & {"a", "b", "e", "x", "k"}
    a2, e2, x2 = copies
    assert cell(session) == ["a", a2, "b", "e", e2] and cell(session, "s1") == ["x", x2]
    assert session.doc.card(a2).title == "A" and session.doc.card(e2).title == "E"
    [copied] = [k for k in session.doc.links if k.id != "k"]
    assert (copied.source, copied.target) == (a2, e2)
    one_step(session, heard, before)


def test_duplicating_nothing_pushes_nothing(session, heard, edits):
    before = dumps(session.doc)
    assert edits.duplicate([]) == []
    nothing_done(session, heard, before)


def test_pasting_cards_at_a_place_with_fresh_ids_and_their_links(session, heard, edits):
    raw, _ = copy_payload(session.doc, ["a", "e"])
    before = dumps(session.doc)
    pasted = edits.paste(("s1", "buyer", 0), raw, "A\nE")
    assert len(pasted) == 2 and not set(pasted) & {"a", "e"}
    assert cell(session, "s1") == [*pasted, "x"]
    assert [session.doc.card(i).title for i in pasted] == ["A", "E"]
    [link] = [k for k in session.doc.links if k.id != "k"]
    assert (link.source, link.target) == tuple(pasted) and link.id != "k"
    one_step(session, heard, before)


def test_pasting_text_makes_a_card_a_line_and_bad_data_falls_back_to_the_text(session, heard, edits):
    before = dumps(session.doc)
    pasted = edits.paste(("s0", "pains", 0), json.dumps({"cards": "no"}).encode(), "Долго ждать\n\nДорого\n")
    assert [session.doc.card(i).title for i in pasted] == ["Долго ждать", "Дорого"]
    assert cell(session, "s0", "pains") == pasted
    one_step(session, heard, before)


def test_pasting_nothing_pushes_nothing(session, heard, edits):
    before = dumps(session.doc)
    assert edits.paste(("s0", "buyer", 0), None, " \n") == []
    assert edits.paste(("s0", "buyer", 0), b"not json", None) == []
    nothing_done(session, heard, before)


# -- links and deleting -----------------------------------------------------------------------------


def test_connecting_two_cards_and_not_a_card_with_itself(session, heard, edits):
    before = dumps(session.doc)
    assert edits.connect("a", "a") is None
    nothing_done(session, heard, before)
    link_id = edits.connect("b", "x")
    link = session.doc.link(link_id)
    assert (link.source, link.target) == ("b", "x") and link_id.startswith("link-")
    one_step(session, heard, before)


def test_deleting_cards_takes_their_links(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.delete([], [])
    nothing_done(session, heard, before)
    assert edits.delete(["a"], ["k"])
    assert cell(session) == ["b", "e"] and session.doc.links == []
    one_step(session, heard, before)


# -- stages, lanes, personas -------------------------------------------------------------------------


def test_adding_stages_lanes_and_personas(session, heard, edits):
    before = dumps(session.doc)
    with session.batch("Three"):
        stage_id = edits.add_stage(1, "Покупка")
        lane_id = edits.add_lane(0, "Каналы", LaneKind.CHANNELS)
        persona_id = edits.add_persona("Иван")
    doc = session.doc
    assert [s.id for s in doc.stages] == ["s0", stage_id, "s1"] and doc.stage(stage_id).name == "Покупка"
    assert doc.lanes[0].id == lane_id and doc.lanes[0].kind == LaneKind.CHANNELS
    assert doc.personas[-1].id == persona_id
    assert len({stage_id, lane_id, persona_id, "s0", "s1", "buyer", "pains", "p"}) == 8
    one_step(session, heard, before)


@pytest.mark.parametrize("kind, ids", [(ElementKind.STAGE, ["s1", "s0"]), (ElementKind.LANE, ["pains", "buyer"])])
def test_moving_a_stage_or_lane_and_its_no_ops(session, heard, edits, kind, ids):
    before = dumps(session.doc)
    assert not edits.move_part(kind, ids[1], 0)  # there already
    assert not edits.move_part(kind, ids[1], 2)  # outside the list
    assert not edits.move_part_to_boundary(kind, ids[1], 0)
    assert not edits.move_part_to_boundary(kind, ids[1], 1)  # the boundaries on either side of it
    nothing_done(session, heard, before)
    assert edits.move_part_to_boundary(kind, ids[1], 2)  # after the last
    assert [e.id for e in session.doc.parts(kind)] == ids
    one_step(session, heard, before)


def test_moving_a_persona(session, heard, edits):
    second = edits.add_persona("Иван")
    before, steps = dumps(session.doc), session.undo_stack.count()
    heard.clear()
    assert edits.move_part(ElementKind.PERSONA, second, 0)
    assert [p.id for p in session.doc.personas] == [second, "p"]
    one_step(session, heard, before, steps)


def test_removing_a_stage_takes_its_cards_and_their_links(session, heard, edits):
    before = dumps(session.doc)
    edits.remove_part(ElementKind.STAGE, "s0")
    assert [c.id for c in session.doc.cards] == ["x"] and session.doc.links == []
    one_step(session, heard, before)


def test_removing_a_lane_and_a_persona(session, heard, edits):
    before = dumps(session.doc)
    with session.batch("Two"):
        edits.remove_part(ElementKind.LANE, "pains")
        edits.remove_part(ElementKind.PERSONA, "p")
    assert [lane.id for lane in session.doc.lanes] == ["buyer"] and session.doc.personas == []
    one_step(session, heard, before)


# -- fields -------------------------------------------------------------------------------------------


def test_setting_fields_on_many_elements_is_one_step_leaving_out_values_they_have(session, heard, edits):
    session.doc.card("b").emotion = 2
    before = dumps(session.doc)
    assert edits.set_fields(ElementKind.CARD, {i: {"emotion": 2} for i in "abe"}, "Set emotion")
    assert [session.doc.card(i).emotion for i in "abe"] == [2, 2, 2]
    assert session.undo_stack.command(0).text() == "Set emotion"
    assert heard[0].ids == {"a", "e"} and heard[0].fields == {"emotion"}  # b had it already
    one_step(session, heard, before)


def test_setting_fields_that_change_nothing_pushes_nothing(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.set_fields(ElementKind.CARD, {"a": {"title": "A"}, "b": {"title": "B"}})
    assert not edits.set_fields(ElementKind.CARD, {})
    nothing_done(session, heard, before)


def test_setting_fields_of_the_map_stages_lanes_links_and_personas(session, heard, edits):
    before = dumps(session.doc)
    with session.batch("All"):
        assert edits.set_fields(ElementKind.META, {"": {"title": "Окна"}})
        assert edits.set_fields(ElementKind.STAGE, {"s1": {"width": 300.0}})
        assert edits.set_fields(ElementKind.LANE, {"buyer": {"name": "Клиент"}})
        assert edits.set_fields(ElementKind.LINK, {"k": {"label": "звонок"}})
        assert edits.set_fields(ElementKind.PERSONA, {"p": {"quote": "Быстрее!"}})
    doc = session.doc
    assert (doc.meta.title, doc.stage("s1").width, doc.lane("buyer").name, doc.link("k").label,
            doc.personas[0].quote) == ("Окна", 300.0, "Клиент", "звонок", "Быстрее!")
    one_step(session, heard, before)


def test_a_bad_value_changes_nothing(session, heard, edits):
    before = dumps(session.doc)
    with pytest.raises(ValidationError):
        edits.set_fields(ElementKind.CARD, {"a": {"emotion": 1}, "b": {"emotion": 7}})
    nothing_done(session, heard, before)
