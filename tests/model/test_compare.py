"""Comparing two maps: each kind of difference, matched by id; the funnel and KPIs before and after;
the summary sentence in both languages."""

import time
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings

from cjm_designer.io import load
from cjm_designer.model import Card, Conflict, JourneyMap, Kpi, Lane, Link, Meta, Metrics, Persona, Snapshot, Stage
from cjm_designer.model.compare import ElementDiff, FieldChange, KpiChange, Status, compare, summary
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir
from tests.strategies import journey_maps

TEMPLATES = sorted(templates_dir().glob("*.cjm"))


def small(language: str = "en") -> JourneyMap:
    doc = JourneyMap(meta=Meta(title="Windows", language=language))
    for i, (name, entering) in enumerate((("Research", 1000), ("Quotation", 400), ("Contract", 300))):
        doc.add_stage(Stage(id=f"s{i}", name=name, entering=entering))
    doc.add_lane(Lane(id="actions", name="Actions"))
    doc.add_lane(Lane(id="touch", name="Touchpoints", kind="touchpoints"))
    doc.add_persona(Persona(id="anna", name="Anna"))
    for i in range(4):
        doc.add_card(Card(id=f"c{i}", stage=f"s{i % 3}", lane="actions", title=f"Card {i}"))
    doc.add_link(Link(id="k0", source="c0", target="c1"))
    return doc


def test_a_map_and_its_copy_are_the_same():
    doc = small()
    diff = compare(doc, doc.model_copy(deep=True))
    assert diff.equal and diff.elements == () and diff.kpis == ()
    assert summary(diff, "en") == "The maps are the same."
    assert summary(diff, "ru") == "Карты совпадают."


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_bundled_template_equals_itself(path):
    assert compare(load(path), load(path)).equal


def test_added_removed_and_changed_cards_are_matched_by_id_in_map_order():
    before, after = small(), small()
    after.remove_cards(["c1"])
    after.add_card(Card(id="new", stage="s0", lane="touch", title="Call"))
    after.card("c2").title = "Renamed"
    after.card("c3").kpi = Kpi(target=10.0, actual=5.0)
    diff = compare(before, after)
    assert diff.of(ElementKind.CARD, "new") == ElementDiff(ElementKind.CARD, "new", Status.ADDED)
    assert diff.of(ElementKind.CARD, "c1").status == Status.REMOVED
    assert diff.of(ElementKind.CARD, "c2").fields == (FieldChange("title", "Card 2", "Renamed"),)
    assert diff.of(ElementKind.CARD, "c3").fields == (
        FieldChange("kpi", None, {"name": "", "target": 10.0, "actual": 5.0, "unit": "", "lower_is_better": False}),)
    assert diff.of(ElementKind.CARD, "c0") is None
    # after's order (c0, c3, c2, new: c3 joined c0's cell), c1 where it was (after c3); its link went with it
    assert [(d.kind, d.id) for d in diff.elements] == [
        (ElementKind.CARD, "c3"), (ElementKind.CARD, "c1"), (ElementKind.CARD, "c2"), (ElementKind.CARD, "new"),
        (ElementKind.LINK, "k0")]
    assert [d.id for d in diff.cards(Status.CHANGED)] == ["c3", "c2"]
    assert not diff.equal


def test_nested_figures_change_as_dotted_fields():
    before, after = small(), small()
    before.card("c0").kpi = Kpi(name="CR", target=10.0, actual=3.0)
    after.card("c0").kpi = Kpi(name="CR", target=10.0, actual=5.0)
    before.card("c0").metrics = Metrics(conversion=2.0)
    after.card("c0").metrics = Metrics(conversion=2.5, clicks=10)
    fields = compare(before, after).of(ElementKind.CARD, "c0").fields
    assert fields == (FieldChange("kpi.actual", 3.0, 5.0), FieldChange("metrics.clicks", None, 10),
                      FieldChange("metrics.conversion", 2.0, 2.5))


def test_a_card_in_another_cell_is_moved_not_changed():
    before, after = small(), small()
    after.move_card("c0", "s2", "touch")
    after.move_card("c1", "s2", "touch")
    after.card("c1").emotion = 2
    diff = compare(before, after)
    assert diff.of(ElementKind.CARD, "c0") == ElementDiff(ElementKind.CARD, "c0", Status.SAME, (), ("s0", "actions"))
    assert diff.of(ElementKind.CARD, "c1") == ElementDiff(
        ElementKind.CARD, "c1", Status.CHANGED, (FieldChange("emotion", None, 2),), ("s1", "actions"))
    assert [d.id for d in diff.moved] == ["c0", "c1"]
    assert [d.id for d in diff.cards(Status.SAME)] == ["c0"]


def test_cards_reordered_in_their_cell_are_the_same_map():
    before, after = small(), small()
    after.move_card("c3", "s0", "actions", 0)  # c3 before c0 in their cell
    assert compare(before, after).equal


def test_the_meta_changes_but_not_the_save_stamp_snapshots_or_conflicts():
    before, after = small(), small()
    after.meta.modified = datetime(2026, 12, 1, tzinfo=UTC)
    after.add_snapshot(Snapshot(id="snap", name="As-is", created=datetime(2026, 12, 1, tzinfo=UTC), map={}))
    after.add_conflict(Conflict(id="x", kind="card", element="c0", field="title", base="a", ours="b", theirs="c"))
    assert compare(before, after).equal
    after.meta.title = "Windows 2"
    diff = compare(before, after)
    assert diff.elements == (ElementDiff(ElementKind.META, "", Status.CHANGED,
                                         (FieldChange("title", "Windows", "Windows 2"),)),)
    assert diff.of(ElementKind.META, "anything") is None and diff.of(ElementKind.META, "") is not None
    assert summary(diff, "en") == "The map's details changed."


def test_a_stage_taken_out_of_order_changes_position_and_the_others_do_not():
    before, after = small(), small()
    after.move_stage("s2", 0)
    diff = compare(before, after)
    assert diff.elements == (ElementDiff(ElementKind.STAGE, "s2", Status.CHANGED, (FieldChange("position", 3, 1),)),)
    assert summary(diff, "ru") == "1 этап изменён; сквозная конверсия 30\u00a0% → 133,3\u00a0%."


def test_personas_lanes_and_links_added_removed_changed():
    before, after = small(), small()
    after.add_persona(Persona(id="boris", name="Boris"), 0)
    after.persona("anna").age = 34
    after.add_lane(Lane(id="pains", name="Pains", kind="pain_points"))
    before.add_lane(Lane(id="old", name="Old"))
    after.link("k0").label = "calls"
    after.add_link(Link(id="k1", source="c2", target="c3", kind="call"))
    diff = compare(before, after)
    assert [(d.kind.value, d.id, d.status.value) for d in diff.elements] == [
        ("persona", "boris", "added"), ("persona", "anna", "changed"), ("lane", "old", "removed"),
        ("lane", "pains", "added"), ("link", "k0", "changed"), ("link", "k1", "added")]
    assert diff.of(ElementKind.PERSONA, "anna").fields == (FieldChange("age", None, 34),)  # no position: order kept
    assert summary(diff, "en") == ("1 lane added, 1 removed; 1 link added, 1 changed; "
                                   "1 persona added, 1 changed.").capitalize()


def test_stage_figures_before_and_after_with_removed_stages_last():
    before, after = small(), small()
    after.stage("s1").entering = 600
    after.remove_stage("s0")
    after.add_stage(Stage(id="s3", name="Install"))
    figures = compare(before, after).stages
    assert [f.stage_id for f in figures] == ["s1", "s2", "s3", "s0"]
    s1 = figures[0]
    assert (s1.name, s1.entering_before, s1.entering_after) == ("Quotation", 400, 600)
    assert s1.conversion_before == pytest.approx(75.0) and s1.conversion_after == pytest.approx(50.0)
    assert (figures[2].entering_before, figures[2].conversion_before) == (None, None)
    assert (figures[3].entering_before, figures[3].entering_after, figures[3].conversion_before) == (1000, None, 40.0)


def test_kpis_whose_attainment_changed_respecting_lower_is_better():
    before, after = small(), small()
    before.stage("s0").kpi = Kpi(name="Leads", target=100.0, actual=50.0)
    after.stage("s0").kpi = Kpi(name="Leads", target=100.0, actual=80.0)
    before.card("c0").kpi = Kpi(target=10.0, actual=20.0, lower_is_better=True)
    after.card("c0").kpi = Kpi(target=10.0, actual=8.0, lower_is_better=True)
    before.card("c1").kpi = Kpi(target=10.0, actual=5.0)
    after.card("c1").kpi = Kpi(target=10.0, actual=5.0, unit="%")  # attainment the same: not listed
    after.card("c2").kpi = Kpi(target=4.0, actual=1.0)
    kpis = compare(before, after).kpis
    assert kpis == (KpiChange(ElementKind.STAGE, "s0", "Leads", 50.0, 80.0),
                    KpiChange(ElementKind.CARD, "c0", "Card 0", 50.0, 125.0),
                    KpiChange(ElementKind.CARD, "c2", "Card 2", None, 25.0))


def test_the_summary_counts_cards_names_the_drop_and_the_conversion():
    before, after = small(), small()
    for i in range(12):
        after.add_card(Card(id=f"n{i}", stage="s0", lane="touch"))
    after.remove_cards(["c3"])
    after.card("c1").title = "x"
    after.move_card("c2", "s0", "actions")
    after.stage("s2").entering = 100  # the drop moves from Research (40 %) to Quotation (25 %)
    text = summary(compare(before, after), "en")
    assert text == ("12 cards added, 1 removed, 1 changed, 1 moved; 1 stage changed; "
                    "the largest drop moved from “Research” to “Quotation”; conversion 30% → 10%.")
    assert summary(compare(before, after), "ru") == (
        "12 карточек добавлено, 1 удалена, 1 изменена, 1 перемещена; 1 этап изменён; наибольшая потеря "
        "сместилась с этапа «Research» на «Quotation»; сквозная конверсия 30\u00a0% → 10\u00a0%.")


@pytest.mark.parametrize(("n", "ru", "en"), [
    (1, "1 карточка добавлена", "1 card added"), (2, "2 карточки добавлены", "2 cards added"),
    (5, "5 карточек добавлено", "5 cards added"), (11, "11 карточек добавлено", "11 cards added"),
    (21, "21 карточка добавлена", "21 cards added"), (22, "22 карточки добавлены", "22 cards added"),
    (111, "111 карточек добавлено", "111 cards added")])
def test_russian_plurals_in_the_summary(n, ru, en):
    before, after = small(), small()
    for i in range(n):
        after.add_card(Card(id=f"n{i}", stage="s0", lane="touch"))
    diff = compare(before, after)
    assert summary(diff, "ru") == f"{ru}."
    assert summary(diff, "en") == f"{en}."


def test_stage_names_in_the_summary_cannot_break_the_line():
    before, after = small(), small()
    after.stage("s1").name = "Quote\n\u202eevil"
    after.stage("s2").entering = 100
    assert "Quote\\n[U+202E]evil" in summary(compare(before, after), "en")


def test_a_template_against_an_edited_copy():
    path = templates_dir() / "window-installation.ru.cjm"
    before, after = load(path), load(path)
    card = after.cards[0]
    after.remove_cards([after.cards[-1].id])
    after.move_card(card.id, after.stages[-1].id, card.lane)
    after.stages[0].name = "Новое имя"
    diff = compare(before, after)
    assert [(d.kind, d.status) for d in diff.elements if d.kind == ElementKind.STAGE] == [
        (ElementKind.STAGE, Status.CHANGED)]
    assert diff.of(ElementKind.CARD, card.id).moved_from == (before.cards[0].stage, card.lane)
    assert diff.cards(Status.REMOVED)[0].id == before.cards[-1].id
    assert summary(diff, "ru").startswith("1 карточка удалена, 1 перемещена; 1 этап изменён")


def test_two_maps_of_five_thousand_cards_compare_in_well_under_a_second():
    before, after = generate_map(5000), generate_map(5000)
    for card in after.cards[::10]:
        card.title += "!"
    start = time.perf_counter()
    diff = compare(before, after)
    took = time.perf_counter() - start
    assert len(diff.cards(Status.CHANGED)) == 500
    assert took < 0.3, f"{took:.3f} s"


def _put(dump: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for key in parents:
        dump = dump[key]
    dump[last] = value


@settings(max_examples=60, deadline=None)
@given(journey_maps(max_cards=8), journey_maps(max_cards=8))
def test_the_diff_accounts_for_every_difference(before, after):
    """Applying each element's field changes (and its cell) to the before map gives the after map; what
    only one map has is added or removed; the maps are equal exactly when nothing is left over."""
    diff = compare(before, after)
    for kind, name in ((ElementKind.PERSONA, "personas"), (ElementKind.STAGE, "stages"), (ElementKind.LANE, "lanes"),
                       (ElementKind.CARD, "cards"), (ElementKind.LINK, "links")):
        old = {e.id: e.model_dump(mode="json") for e in getattr(before, name)}
        new = {e.id: e.model_dump(mode="json") for e in getattr(after, name)}
        found = {d.id: d for d in diff.elements if d.kind == kind}
        assert {i for i, d in found.items() if d.status == Status.ADDED} == new.keys() - old.keys()
        assert {i for i, d in found.items() if d.status == Status.REMOVED} == old.keys() - new.keys()
        for element_id in old.keys() & new.keys():
            rebuilt = old[element_id]
            change = found.get(element_id)
            for field in change.fields if change else ():
                if field.field != "position":
                    _put(rebuilt, field.field, field.after)
            if change is not None and change.moved_from is not None:
                assert change.moved_from == (rebuilt["stage"], rebuilt["lane"])
                rebuilt["stage"], rebuilt["lane"] = new[element_id]["stage"], new[element_id]["lane"]
            assert rebuilt == new[element_id]
    meta = before.meta.model_dump(mode="json") | {"modified": None}
    for field in diff.of(ElementKind.META, "").fields if diff.of(ElementKind.META, "") else ():
        _put(meta, field.field, field.after)
    assert meta == after.meta.model_dump(mode="json") | {"modified": None}
    stage_order = [s.id for s in after.stages]
    same_order = [s.id for s in before.stages if s.id in stage_order] == [i for i in stage_order if i in {
        s.id for s in before.stages}]
    assert same_order or any(f.field == "position" for d in diff.elements if d.kind == ElementKind.STAGE
                             for f in d.fields)
    assert compare(after, after.model_copy(deep=True)).equal
