"""The document operations: they keep the map valid and undo exactly."""

import copy

import pytest

from cjm_designer.model import Card, JourneyMap, Lane, Link, ModelError, Persona, Stage, check_references
from cjm_designer.model.document import ElementKind, cell_order


def grid(stages=2, lanes=2) -> JourneyMap:
    doc = JourneyMap()
    for i in range(stages):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}"))
    for i in range(lanes):
        doc.add_lane(Lane(id=f"l{i}", name=f"Дорожка {i}"))
    return doc


def titles(doc, stage="s0", lane="l0"):
    return [c.title for c in doc.cards_in(stage, lane)]


def test_cards_keep_their_order_in_a_cell():
    doc = grid()
    doc.add_card(Card(id="a", stage="s0", lane="l0", title="A"))
    doc.add_card(Card(id="x", stage="s1", lane="l0", title="X"))
    doc.add_card(Card(id="b", stage="s0", lane="l0", title="B"))
    doc.add_card(Card(id="c", stage="s0", lane="l0", title="C"), index=0)
    doc.add_card(Card(id="d", stage="s0", lane="l0", title="D"), index=2)
    assert titles(doc) == ["C", "A", "D", "B"]
    assert titles(doc, "s1") == ["X"]


def test_move_card_within_a_cell_and_to_another():
    doc = grid()
    for t in "ABC":
        doc.add_card(Card(id=t, stage="s0", lane="l0", title=t))
    doc.move_card("C", "s0", "l0", 0)
    assert titles(doc) == ["C", "A", "B"]
    doc.move_card("C", "s1", "l1")
    assert titles(doc) == ["A", "B"]
    assert titles(doc, "s1", "l1") == ["C"]
    assert doc.card("C").stage == "s1" and doc.card("C").lane == "l1"
    doc.move_card("A", "s0", "l0", 99)
    assert titles(doc) == ["B", "A"]


def test_operations_refuse_what_would_break_the_map():
    doc = grid()
    doc.add_card(Card(id="a", stage="s0", lane="l0"))
    doc.add_card(Card(id="b", stage="s0", lane="l0"))
    with pytest.raises(ModelError, match="already used"):
        doc.add_card(Card(id="s0", stage="s0", lane="l0"))
    with pytest.raises(ModelError, match="no stage"):
        doc.add_card(Card(id="z", stage="nope", lane="l0"))
    with pytest.raises(ModelError, match="no lane"):
        doc.move_card("a", "s0", "nope")
    with pytest.raises(ModelError, match="no card"):
        doc.add_link(Link(id="k", source="a", target="ghost"))
    with pytest.raises(ModelError, match="must join two different cards"):
        doc.add_link(Link(id="k", source="a", target="a"))
    with pytest.raises(ModelError, match="negative"):
        doc.add_card(Card(id="n", stage="s0", lane="l0"), index=-1)
    with pytest.raises(ModelError, match="outside"):
        doc.move_stage("s0", 5)
    assert check_references(doc) == []
    assert [c.id for c in doc.cards] == ["a", "b"]


def test_removing_a_stage_takes_its_cards_and_links_and_restores_exactly():
    doc = grid(3, 2)
    doc.add_persona(Persona(id="p", name="Анна"))
    for i, (stage, lane) in enumerate([("s0", "l0"), ("s1", "l0"), ("s1", "l1"), ("s2", "l0"), ("s1", "l0")]):
        doc.add_card(Card(id=f"c{i}", stage=stage, lane=lane, title=str(i)))
    doc.add_link(Link(id="k1", source="c0", target="c1", kind="call"))
    doc.add_link(Link(id="k2", source="c3", target="c0"))
    doc.add_link(Link(id="k3", source="c2", target="c4"))
    before = copy.deepcopy(doc)
    removal = doc.remove_stage("s1")
    assert [s.id for s in doc.stages] == ["s0", "s2"]
    assert [c.id for c in doc.cards] == ["c0", "c3"]
    assert [k.id for k in doc.links] == ["k2"]
    assert check_references(doc) == []
    doc.restore(removal)
    assert doc == before
    assert [c.id for c in doc.cards] == [c.id for c in before.cards]


def test_removing_a_lane_and_cards_restore_exactly():
    doc = grid(2, 3)
    for i in range(6):
        doc.add_card(Card(id=f"c{i}", stage=f"s{i % 2}", lane=f"l{i % 3}"))
    doc.add_link(Link(id="k", source="c1", target="c4"))
    before = copy.deepcopy(doc)
    removal = doc.remove_lane("l1")
    assert all(c.lane != "l1" for c in doc.cards) and not doc.links
    doc.restore(removal)
    assert doc == before
    removal = doc.remove_cards(["c5", "c0"])
    assert [c.id for c in doc.cards] == ["c1", "c2", "c3", "c4"]
    doc.restore(removal)
    assert doc == before


def test_reorder_stages_lanes_personas():
    doc = grid(3, 3)
    doc.move_stage("s2", 0)
    doc.move_lane("l0", 2)
    assert [s.id for s in doc.stages] == ["s2", "s0", "s1"]
    assert [lane.id for lane in doc.lanes] == ["l1", "l2", "l0"]
    doc.add_persona(Persona(id="p1", name="A"))
    doc.add_persona(Persona(id="p2", name="B"), index=0)
    doc.move_persona("p1", 0)
    assert [p.id for p in doc.personas] == ["p1", "p2"]
    removal = doc.remove_persona("p2")
    assert [p.id for p in doc.personas] == ["p1"]
    doc.restore(removal)
    assert [p.id for p in doc.personas] == ["p1", "p2"]


def test_new_id_is_fresh():
    doc = grid()
    ids = {doc.new_id("card") for _ in range(200)}
    assert len(ids) == 200 and all(i.startswith("card-") for i in ids)
    assert not ids & doc.ids()


def test_check_references_names_each_problem():
    doc = JourneyMap.model_validate({
        "stages": [{"id": "s", "name": "S"}, {"id": "s", "name": "dup"}],
        "lanes": [{"id": "l", "name": "L"}],
        "cards": [{"id": "c", "stage": "s", "lane": "l"}, {"id": "d", "stage": "x", "lane": "y"}],
        "links": [{"id": "k", "source": "c", "target": "ghost"}, {"id": "m", "source": "c", "target": "c"}],
    })
    assert [str(p) for p in check_references(doc)] == [
        "stages[1].id: the id 's' is already used at stages[0].id",
        "cards[1].stage: there is no stage with the id 'x'",
        "cards[1].lane: there is no lane with the id 'y'",
        "links[0].target: there is no card with the id 'ghost'",
        "links[1].target: a link must join two different cards",
    ]


def test_check_references_names_each_id_used_again_where_it_was_first():
    doc = JourneyMap.model_validate({
        "stages": [{"id": "s", "name": "S"}],
        "lanes": [{"id": "s", "name": "L"}, {"id": "l", "name": "L"}],
        "cards": [{"id": "c", "stage": "s", "lane": "l"}, {"id": "l", "stage": "s", "lane": "l"},
                  {"id": "s", "stage": "s", "lane": "l"}],
    })
    assert [str(p) for p in check_references(doc)] == [
        "lanes[0].id: the id 's' is already used at stages[0].id",
        "cards[1].id: the id 'l' is already used at lanes[1].id",
        "cards[2].id: the id 's' is already used at stages[0].id",
    ]


def test_cell_order_puts_the_moved_cards_before_a_card_in_the_order_given():
    assert cell_order(["a", "b", "e"], ["a", "e"], "b") == ["a", "e", "b"]
    assert cell_order(["a", "b", "e"], ["e", "a"], "b") == ["e", "a", "b"]
    assert cell_order(["a", "b", "e"], ["x", "a"], None) == ["b", "e", "x", "a"]  # x comes from another cell
    assert cell_order([], ["x"], None) == ["x"]
    assert cell_order(["a", "b"], ["a"], "b") == ["a", "b"]  # where it is already
    with pytest.raises(ModelError, match="not a card of the cell"):
        cell_order(["a", "b"], ["a", "b"], "b")
    with pytest.raises(ModelError, match="not a card of the cell"):
        cell_order(["a", "b"], ["a"], "ghost")


def test_move_cards_follows_cell_order_and_place_card_undoes_it_exactly():
    doc = grid()
    for card_id, stage in (("a", "s0"), ("b", "s0"), ("x", "s1"), ("e", "s0"), ("y", "s1")):
        doc.add_card(Card(id=card_id, stage=stage, lane="l0", title=card_id))
    before = copy.deepcopy(doc)
    moved = ["y", "e", "a"]
    expected = cell_order([c.id for c in doc.cards_in("s0", "l0")], moved, "b")
    former = doc.move_cards(moved, "s0", "l0", "b")
    assert [c.id for c in doc.cards_in("s0", "l0")] == expected == ["y", "e", "a", "b"]
    assert [c.id for c in doc.cards_in("s1", "l0")] == ["x"] and doc.card("y").stage == "s0"
    for card_id, position, (stage, lane) in reversed(list(zip(moved, former, [("s1", "l0"), ("s0", "l0"),
                                                                               ("s0", "l0")]))):
        doc.place_card(card_id, stage, lane, position)
    assert doc == before


def test_elements_parts_and_places_by_kind():
    doc = grid()
    doc.add_card(Card(id="a", stage="s0", lane="l1"))
    doc.add_card(Card(id="b", stage="s1", lane="l1"))
    doc.add_link(Link(id="k", source="a", target="b"))
    doc.add_persona(Persona(id="p", name="Ольга"))
    assert doc.element(ElementKind.META, "") is doc.meta
    for kind, element_id in ((ElementKind.PERSONA, "p"), (ElementKind.STAGE, "s1"), (ElementKind.LANE, "l1"),
                             (ElementKind.CARD, "b"), (ElementKind.LINK, "k")):
        assert doc.element(kind, element_id).id == element_id
    assert doc.parts(ElementKind.STAGE) is doc.stages and doc.parts(ElementKind.PERSONA) is doc.personas
    assert doc.index_of(ElementKind.LANE, "l1") == 1 and doc.index_of(ElementKind.STAGE, "s0") == 0
    with pytest.raises(ModelError):
        doc.parts(ElementKind.CARD)
    with pytest.raises(ModelError, match="no stage"):
        doc.element(ElementKind.STAGE, "ghost")


def test_many_elements_are_found_at_once_or_not_at_all():
    doc = grid()
    for i in range(5):
        doc.add_card(Card(id=f"c{i}", stage="s0", lane="l0"))
    found = doc.elements(ElementKind.CARD, ["c3", "c0", "c4"])
    assert {element_id: card.id for element_id, card in found.items()} == {"c3": "c3", "c0": "c0", "c4": "c4"}
    assert all(found[c.id] is c for c in doc.cards if c.id in found)
    assert doc.elements(ElementKind.META, [""]) == {"": doc.meta}
    with pytest.raises(ModelError, match="no card with the id 'ghost'"):
        doc.elements(ElementKind.CARD, ["c1", "ghost"])
