"""The three-way merge by id: each of its rules on a small map edited two ways."""

from datetime import UTC, datetime

from cjm_designer.io import dumps, loads
from cjm_designer.model import (
    Card,
    InboxCard,
    JourneyMap,
    Kpi,
    Lane,
    Link,
    Meta,
    Persona,
    Snapshot,
    Stage,
    check_references,
)
from cjm_designer.model.merge import merge, merged_order


def base_map() -> JourneyMap:
    doc = JourneyMap(meta=Meta(title="Windows", modified=datetime(2026, 1, 1, tzinfo=UTC)))
    for i, name in enumerate(("Anna", "Boris")):
        doc.add_persona(Persona(id=f"p{i}", name=name))
    for i, name in enumerate(("Search", "Choice", "Order")):
        doc.add_stage(Stage(id=f"s{i}", name=name))
    for i, name in enumerate(("Actions", "Touchpoints", "Emotions")):
        doc.add_lane(Lane(id=f"l{i}", name=name))
    doc.add_card(Card(id="c0", stage="s0", lane="l0", title="Searches", kpi=Kpi(name="Visits", target=10.0)))
    doc.add_card(Card(id="c1", stage="s0", lane="l0", title="Reads reviews"))
    doc.add_card(Card(id="c2", stage="s1", lane="l1", title="Calls"))
    doc.add_card(Card(id="c3", stage="s2", lane="l1", title="Orders"))
    doc.add_link(Link(id="k0", source="c0", target="c2"))
    doc.add_link(Link(id="k1", source="c2", target="c3"))
    doc.add_snapshot(Snapshot(id="snap0", name="As-is", created=datetime(2026, 1, 2, tzinfo=UTC), map={}))
    return doc


def edited(doc: JourneyMap, **changes) -> JourneyMap:
    copy = doc.model_copy(deep=True)
    for card_id, fields in changes.items():
        for name, value in fields.items():
            setattr(copy.card(card_id), name, value)
    return copy


def valid(doc: JourneyMap) -> JourneyMap:
    """The merged map passes every check and reads back as it was written."""
    assert check_references(doc) == []
    assert loads(dumps(doc)) == doc
    return doc


def test_unchanged_sides_give_the_base():
    base = base_map()
    result = merge(base, base.model_copy(deep=True), base.model_copy(deep=True))
    assert valid(result.doc) == base
    assert result.conflicts == [] and result.from_ours == result.from_theirs == 0


def test_edits_of_different_cards_and_fields_all_survive():
    base = base_map()
    ours = edited(base, c0={"title": "Googles"}, c2={"emotion": 1})
    theirs = edited(base, c1={"text": "on Avito"}, c2={"channel": "phone"})
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    assert (doc.card("c0").title, doc.card("c1").text) == ("Googles", "on Avito")
    assert (doc.card("c2").emotion, doc.card("c2").channel) == (1, "phone")
    assert result.conflicts == [] and (result.from_ours, result.from_theirs) == (2, 2)


def test_a_nested_part_merges_field_by_field():
    base = base_map()
    ours = edited(base, c0={"kpi": Kpi(name="Visits", target=12.0)})
    theirs = edited(base, c0={"kpi": Kpi(name="Visits", target=10.0, actual=7.0)})
    doc = valid(merge(base, ours, theirs).doc)
    assert (doc.card("c0").kpi.target, doc.card("c0").kpi.actual) == (12.0, 7.0)


def test_the_same_field_changed_both_ways_is_a_conflict_holding_both_values():
    base = base_map()
    result = merge(base, edited(base, c0={"title": "Ours"}), edited(base, c0={"title": "Theirs"}))
    doc = valid(result.doc)
    assert doc.card("c0").title == "Ours"
    [conflict] = result.conflicts
    assert doc.conflicts == [conflict]
    assert (conflict.kind, conflict.element, conflict.field) == ("card", "c0", "title")
    assert (conflict.base, conflict.ours, conflict.theirs, conflict.removed_by) == ("Searches", "Ours", "Theirs", "")


def test_a_nested_field_changed_both_ways_is_named_by_its_path():
    base = base_map()
    result = merge(base, edited(base, c0={"kpi": Kpi(name="Visits", target=11.0)}),
                   edited(base, c0={"kpi": Kpi(name="Visits", target=9.0)}))
    [conflict] = result.conflicts
    assert (conflict.field, conflict.base, conflict.ours, conflict.theirs) == ("kpi.target", 10.0, 11.0, 9.0)


def test_the_same_change_on_both_sides_is_no_conflict():
    base = base_map()
    result = merge(base, edited(base, c0={"title": "Same"}), edited(base, c0={"title": "Same"}))
    assert result.conflicts == [] and result.doc.card("c0").title == "Same"


def test_a_card_deleted_on_one_side_and_unchanged_on_the_other_goes_with_its_links():
    base = base_map()
    theirs = base.model_copy(deep=True)
    theirs.remove_cards(["c2"])
    doc = valid(merge(base, edited(base, c0={"title": "x"}), theirs).doc)
    assert "c2" not in {c.id for c in doc.cards} and doc.links == []


def test_a_card_deleted_on_one_side_and_changed_on_the_other_is_kept_and_marked():
    base = base_map()
    ours = base.model_copy(deep=True)
    ours.remove_cards(["c2"])
    result = merge(base, ours, edited(base, c2={"title": "Calls back"}))
    doc = valid(result.doc)
    assert doc.card("c2").title == "Calls back"
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.element, conflict.field, conflict.removed_by) == ("card", "c2", "", "ours")
    assert {k.id for k in doc.links} == set()  # ours removed the links with the card, and left them unchanged


def test_a_kept_card_whose_stage_was_deleted_brings_the_stage_back_marked():
    base = base_map()
    theirs = base.model_copy(deep=True)
    theirs.remove_stage("s2")
    result = merge(base, edited(base, c3={"title": "Orders online"}), theirs)
    doc = valid(result.doc)
    assert [s.id for s in doc.stages] == ["s0", "s1", "s2"] and doc.card("c3").title == "Orders online"
    assert {(c.kind, c.element, c.removed_by) for c in result.conflicts} == {
        ("card", "c3", "theirs"), ("stage", "s2", "theirs")}


def test_a_card_moved_on_one_side_and_edited_on_the_other():
    base = base_map()
    ours = base.model_copy(deep=True)
    ours.move_card("c1", "s1", "l1", 0)
    doc = valid(merge(base, ours, edited(base, c1={"title": "Reads"})).doc)
    assert [c.id for c in doc.cards_in("s1", "l1")] == ["c1", "c2"] and doc.card("c1").title == "Reads"


def test_the_order_in_a_cell_merges():
    base = base_map()
    ours = base.model_copy(deep=True)
    ours.move_card("c1", "s0", "l0", 0)  # ours reorders the cell
    theirs = base.model_copy(deep=True)
    theirs.add_card(Card(id="c9", stage="s0", lane="l0", title="New"), 1)  # theirs adds after c0
    doc = valid(merge(base, ours, theirs).doc)
    assert [c.id for c in doc.cards_in("s0", "l0")] == ["c1", "c0", "c9"]


def test_stages_lanes_links_personas_and_meta_merge():
    base = base_map()
    ours = base.model_copy(deep=True)
    ours.add_stage(Stage(id="s9", name="Delivery"))
    ours.lane("l0").name = "Doing"
    ours.persona("p0").age = 34
    ours.meta.title = "Windows 2"
    ours.remove_link("k0")
    theirs = base.model_copy(deep=True)
    theirs.move_stage("s2", 0)
    theirs.add_lane(Lane(id="l9", name="Pains"), 1)
    theirs.persona("p1").quote = "Quick!"
    theirs.meta.author = "Olga"
    theirs.add_link(Link(id="k9", source="c0", target="c1"))
    doc = valid(merge(base, ours, theirs).doc)
    assert [s.id for s in doc.stages] == ["s2", "s9", "s0", "s1"]  # s9 follows s2, as in ours
    assert [lane.id for lane in doc.lanes] == ["l0", "l9", "l1", "l2"] and doc.lane("l0").name == "Doing"
    assert (doc.persona("p0").age, doc.persona("p1").quote) == (34, "Quick!")
    assert (doc.meta.title, doc.meta.author) == ("Windows 2", "Olga")
    assert [k.id for k in doc.links] == ["k1", "k9"]


def test_a_persona_deleted_on_one_side_but_named_by_a_card_of_the_other_stays_marked():
    base = base_map()
    ours = edited(base, c2={"persona": "p1"})
    theirs = base.model_copy(deep=True)
    theirs.remove_persona("p1")
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    assert doc.card("c2").persona == "p1" and [p.id for p in doc.personas] == ["p0", "p1"]
    assert [(c.kind, c.element, c.removed_by) for c in result.conflicts] == [("persona", "p1", "theirs")]


def test_ids_added_on_both_sides_with_different_content_both_survive():
    base = base_map()
    ours = base.model_copy(deep=True)
    ours.add_card(Card(id="c9", stage="s0", lane="l0", title="Ours"))
    theirs = base.model_copy(deep=True)
    theirs.add_card(Card(id="c9", stage="s1", lane="l1", title="Theirs"))
    theirs.add_link(Link(id="k9", source="c9", target="c0"))
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    assert doc.card("c9").title == "Ours" and result.conflicts == []
    [copy] = [c for c in doc.cards if c.title == "Theirs"]
    assert copy.id.startswith("card-") and (copy.stage, copy.lane) == ("s1", "l1")
    assert doc.link("k9").source == copy.id  # their link follows their card


def test_snapshots_are_a_union_by_id():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    created = datetime(2026, 2, 1, tzinfo=UTC)
    ours.add_snapshot(Snapshot(id="snap1", name="Workshop 1", created=created, map={"stages": []}))
    theirs.add_snapshot(Snapshot(id="snap2", name="Workshop 2", created=created, map={}))
    theirs.snapshot("snap0").note = "before the redesign"
    doc = valid(merge(base, ours, theirs).doc)
    assert [s.id for s in doc.snapshots] == ["snap0", "snap1", "snap2"]
    assert doc.snapshot("snap0").note == "before the redesign"


def test_the_inbox_merges_by_id_keeping_what_either_side_received_less_what_either_took_out():
    base = base_map()
    received = datetime(2026, 2, 1, tzinfo=UTC)
    for i in range(3):
        base.add_inbox_card(InboxCard(id=f"in{i}", stage="s0", lane="l1", title=f"Sent {i}", received=received))
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.remove_inbox_cards(["in0"])  # accepted on our side
    ours.add_inbox_card(InboxCard(id="in-ours", stage="s1", lane="l0", title="Ours", author="Оля", received=received))
    theirs.remove_inbox_cards(["in2"])  # discarded on theirs
    theirs.add_inbox_card(InboxCard(id="in-theirs", stage="s2", lane="l2", title="Theirs", received=received))
    theirs.add_inbox_card(InboxCard(id="in-ours", stage="s0", lane="l0", title="Same id", received=received))
    result = merge(base, ours, theirs)
    doc = valid(result.doc)
    assert [c.title for c in doc.inbox] == ["Sent 1", "Ours", "Theirs", "Same id"] and result.conflicts == []
    assert doc.inbox[3].id.startswith("inbox-")  # both received an id for different cards: theirs renamed


def test_a_snapshot_changed_both_ways_is_kept_in_both_versions():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.snapshot("snap0").name = "Ours"
    theirs.snapshot("snap0").name = "Theirs"
    doc = valid(merge(base, ours, theirs).doc)
    assert [s.name for s in doc.snapshots] == ["Ours", "Theirs"]


def test_snapshots_of_one_name_taken_on_both_sides_are_told_apart():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.add_snapshot(Snapshot(id="snap1", name="Workshop", created=datetime(2026, 2, 1, tzinfo=UTC), map={}))
    theirs.add_snapshot(Snapshot(id="snap2", name="Workshop", created=datetime(2026, 2, 2, tzinfo=UTC), map={}))
    doc = valid(merge(base, ours, theirs).doc)
    assert [s.name for s in doc.snapshots] == ["As-is", "Workshop", "Workshop (2)"]


def test_conflicts_of_the_inputs_are_kept_and_a_settled_one_stays_settled():
    base = base_map()
    first = merge(base, edited(base, c0={"title": "A"}), edited(base, c0={"title": "B"})).doc
    second = merge(base, edited(base, c1={"title": "A"}), edited(base, c1={"title": "B"})).doc
    result = merge(base, first, second)
    doc = valid(result.doc)
    assert {(c.element, c.field) for c in doc.conflicts} == {("c0", "title"), ("c1", "title")}
    settled = first.model_copy(deep=True)
    settled.remove_conflicts([c.id for c in settled.conflicts])
    assert valid(merge(first, settled, first).doc).conflicts == []


def test_meta_conflicts_and_the_later_save():
    base = base_map()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.meta.title, theirs.meta.title = "Ours", "Theirs"
    ours.meta.modified = datetime(2026, 3, 1, tzinfo=UTC)
    theirs.meta.modified = datetime(2026, 3, 2, tzinfo=UTC)
    result = merge(base, ours, theirs)
    assert result.doc.meta.modified == theirs.meta.modified
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.element, conflict.field) == ("meta", "", "title")


def test_merged_order():
    assert merged_order(["a", "b"], ["a", "b"], ["b", "a"], "ab") == ["b", "a"]
    assert merged_order(["a", "b"], ["b", "a"], ["a", "x", "b"], "abx") == ["b", "a", "x"]
    assert merged_order(["a"], ["a"], ["x", "y", "a"], "axy") == ["x", "y", "a"]
    assert merged_order([], [], [], "z") == ["z"]
