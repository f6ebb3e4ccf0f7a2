"""Fields set by path (`kpi.target`, `metrics.clicks`) through `Editor.set_fields`, a card's A/B variants
through the editor's variant operations, and element kinds reported as the enum: one merge rule, one
empty-to-None rule and one no-op decision, each edit one undo step with one notification."""

import pytest
from pydantic import ValidationError

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps
from cjm_designer.model import (
    Card,
    Conflict,
    JourneyMap,
    Kpi,
    Lane,
    LaneKind,
    Link,
    Metrics,
    ModelError,
    Stage,
    Variant,
)
from cjm_designer.model.document import ElementKind


@pytest.fixture
def session(qapp):
    """Cards a (a KPI with a name and a target), b (web figures), c (neither), all in one cell; a link a → b."""
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Осознание"))
    doc.add_lane(Lane(id="l", name="Покупатель", kind=LaneKind.BUYER_ACTIONS))
    doc.add_card(Card(id="a", stage="s", lane="l", title="A", kpi=Kpi(name="Конверсия", target=10.0)))
    doc.add_card(Card(id="b", stage="s", lane="l", title="B", metrics=Metrics(clicks=120)))
    doc.add_card(Card(id="c", stage="s", lane="l", title="C"))
    doc.add_link(Link(id="k", source="a", target="b"))
    return DocumentSession(doc)


@pytest.fixture
def edits(session):
    return Editor(session)


def one_step(session, heard, before: str, text: str) -> None:
    """The last edit was one undo step named `text` with one notification, and undo gives `before` back."""
    stack = session.undo_stack
    assert stack.count() == 1 and stack.text(0) == text and len(heard) == 1
    after = dumps(session.doc)
    stack.undo()
    assert dumps(session.doc) == before
    stack.redo()
    assert dumps(session.doc) == after


def nothing_done(session, heard, before: str) -> None:
    assert session.undo_stack.count() == 0 and heard == [] and dumps(session.doc) == before


# -- fields by path ---------------------------------------------------------------------------------


def test_a_nested_field_is_merged_into_the_part_the_element_has(session, heard, edits):
    before = dumps(session.doc)
    assert edits.set_fields(ElementKind.CARD, {"a": {"kpi.actual": 8.0}}, "Edit KPI actual")
    assert session.doc.card("a").kpi == Kpi(name="Конверсия", target=10.0, actual=8.0)
    assert heard[0].fields == {"kpi"} and heard[0].ids == {"a"}
    one_step(session, heard, before, "Edit KPI actual")


def test_many_elements_and_paths_are_one_step_and_those_that_have_the_value_are_left_out(session, heard, edits):
    before = dumps(session.doc)
    values = {"metrics.clicks": 120, "title": "B"}
    assert edits.set_fields(ElementKind.CARD, {i: values for i in ("a", "b", "c")}, "Edit Clicks")
    assert [c.metrics for c in session.doc.cards] == [Metrics(clicks=120)] * 3
    assert [c.title for c in session.doc.cards] == ["B"] * 3
    assert heard[0].ids == {"a", "c"}  # b had both already
    one_step(session, heard, before, "Edit Clicks")


def test_a_part_left_empty_becomes_none(session, heard, edits):
    before = dumps(session.doc)
    assert edits.set_fields(ElementKind.CARD, {"b": {"metrics.clicks": None}}, "Edit Clicks")
    assert session.doc.card("b").metrics is None
    one_step(session, heard, before, "Edit Clicks")


def test_a_value_the_element_has_pushes_nothing(session, heard, edits):
    before = dumps(session.doc)
    assert not edits.set_fields(ElementKind.CARD, {"a": {"kpi.target": 10.0}, "b": {"metrics.clicks": 120}})
    assert not edits.set_fields(ElementKind.CARD, {"c": {"kpi.target": None, "metrics.conversion": None}})  # no part
    assert not edits.set_fields(ElementKind.CARD, {})
    nothing_done(session, heard, before)


def test_a_bad_nested_value_or_field_changes_nothing(session, heard, edits):
    before = dumps(session.doc)
    with pytest.raises(ValidationError):
        edits.set_fields(ElementKind.CARD, {"c": {"title": "C2"}, "b": {"metrics.conversion": 150.0}})
    with pytest.raises(ModelError, match="a card has no field 'nothing'"):
        edits.set_fields(ElementKind.CARD, {"a": {"nothing.x": 1}})
    with pytest.raises(ModelError, match="holds no fields"):
        edits.set_fields(ElementKind.CARD, {"a": {"title.x": 1}})
    nothing_done(session, heard, before)


def test_a_nested_conflict_settled_to_empty_leaves_no_part(session, edits):
    session.doc.conflicts.append(Conflict(id="x", kind="card", element="b", field="metrics.clicks", base=120,
                                          ours=120, theirs=None))
    edits.resolve_conflicts(["x"], "theirs")
    assert session.doc.card("b").metrics is None and session.doc.conflicts == []
    assert session.undo_stack.count() == 1


# -- A/B variants -----------------------------------------------------------------------------------


def names(session, card_id: str = "c") -> list[str]:
    return [v.name for v in session.doc.card(card_id).variants]


def test_a_variant_added_takes_the_first_free_letter(session, heard, edits):
    before = dumps(session.doc)
    assert edits.add_variant("c", "Add variant") == "A"
    one_step(session, heard, before, "Add variant")
    assert edits.add_variant("c") == "B" and edits.add_variant("c") == "C"
    assert edits.remove_variants("c", {0}, "Remove variant")
    assert names(session) == ["B", "C"]
    assert edits.add_variant("c") == "A" and names(session) == ["B", "C", "A"]


def test_no_variant_is_added_when_every_letter_is_taken(session, heard, edits):
    full = [Variant(name=chr(ord("A") + i)) for i in range(26)]
    session.doc.card("c").variants = full
    before = dumps(session.doc)
    assert edits.add_variant("c") is None
    nothing_done(session, heard, before)


def test_variants_removed_in_one_step_and_none_removed_pushes_nothing(session, heard, edits):
    session.doc.card("c").variants = [Variant(name=n) for n in "ABC"]
    before = dumps(session.doc)
    assert not edits.remove_variants("c", set())
    assert not edits.remove_variants("c", {5})
    nothing_done(session, heard, before)
    assert edits.remove_variants("c", {0, 2}, "Remove variant")
    assert names(session) == ["B"]
    one_step(session, heard, before, "Remove variant")


def test_a_variants_figures_are_merged_and_emptied_by_path(session, heard, edits):
    session.doc.card("c").variants = [Variant(name="A", metrics=Metrics(clicks=10)), Variant(name="B")]
    before = dumps(session.doc)
    assert edits.set_variant_fields("c", 0, {"metrics.conversion": 3.5}, "Edit A/B variants")
    assert session.doc.card("c").variants[0].metrics == Metrics(clicks=10, conversion=3.5)
    one_step(session, heard, before, "Edit A/B variants")
    assert edits.set_variant_fields("c", 0, {"metrics.clicks": None, "metrics.conversion": None})
    assert session.doc.card("c").variants[0] == Variant(name="A")


def test_a_variant_edit_that_changes_nothing_or_is_refused_pushes_nothing(session, heard, edits):
    session.doc.card("c").variants = [Variant(name="A", metrics=Metrics(clicks=10)), Variant(name="B")]
    before = dumps(session.doc)
    assert not edits.set_variant_fields("c", 0, {"metrics.clicks": 10, "name": "A"})
    assert not edits.set_variant_fields("c", 1, {"metrics.time_on_site": None})
    with pytest.raises(ValidationError, match="two variants are named 'A'"):
        edits.set_variant_fields("c", 1, {"name": "A"})
    with pytest.raises(ValidationError):
        edits.set_variant_fields("c", 1, {"name": ""})
    with pytest.raises(ValidationError):
        edits.set_variant_fields("c", 1, {"metrics.clicks": -1})
    nothing_done(session, heard, before)


# -- element kinds ----------------------------------------------------------------------------------


def test_a_removal_reports_the_kinds_of_its_lists_as_the_enum(session, heard, edits):
    edits.remove_part(ElementKind.STAGE, "s")
    assert heard[0].kinds == {ElementKind.STAGE, ElementKind.CARD, ElementKind.LINK}
    assert all(type(kind) is ElementKind for kind in heard[0].kinds)
