"""Matching a report's rows to cards: addresses compared as a marketer reads them, UTM values and tags;
ambiguous keys resolved and reported (a row for several cards, several rows for a card); only the
report's figures change; and a plan applied through the editor is one undo step that gives the map back."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps
from cjm_designer.model import Card, JourneyMap, Lane, Metrics, Stage
from cjm_designer.model.document import ElementKind
from cjm_designer.model.metrics_match import (
    SOURCE_MEDIUM,
    KeyKind,
    MatchBy,
    Report,
    ReportRow,
    address,
    plan_import,
    utm_value,
    write_figures,
)
from tests.strategies import journey_maps


def a_map(*cards: dict) -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="S"))
    doc.add_lane(Lane(id="l", name="Touchpoints", kind="touchpoints"))
    for i, fields in enumerate(cards):
        doc.add_card(Card(id=f"c{i}", stage="s", lane="l", **{"title": f"Card {i}", **fields}))
    return doc


def report(*rows: ReportRow, kind=KeyKind.URL, parameter="", figures=("clicks", "conversion", "time_on_site")):
    return Report(tuple(rows), kind, "Landing page", parameter, figures)


def row(key: str, number: int, clicks=None, conversion=None, time=None) -> ReportRow:
    return ReportRow(key, number, clicks, conversion, time)


@pytest.mark.parametrize("card, row_key", [
    ("https://www.Okna.example/zayavka/", "http://okna.example/zayavka"),
    ("https://okna.example/zayavka#form", "https://okna.example/zayavka/"),
    ("okna.example/zayavka", "/zayavka/"),  # a path alone matches an address with that path
    ("https://okna.example/zayavka/?a=1&b=2", "/zayavka?b=2&a=1"),  # parameters compared as a set
    ("https://okna.example/zayavka/", "/zayavka/?utm_source=vk"),  # a query counts only when both have one
    ("https://okna.example/каталог/", "/%D0%BA%D0%B0%D1%82%D0%B0%D0%BB%D0%BE%D0%B3"),
    ("https://okna.example:443/a", "https://okna.example/a"),
])
def test_addresses_that_match(card, row_key):
    assert address(card).matches(address(row_key))
    assert address(row_key).matches(address(card))


@pytest.mark.parametrize("card, row_key", [
    ("https://okna.example/zayavka/", "https://other.example/zayavka/"),
    ("https://okna.example/a?utm_source=vk", "/a?utm_source=yandex"),
    ("https://okna.example/a", "/a/b"),
    ("https://okna.example/A", "/a"),  # paths keep their case, as servers do
    ("https://okna.example:8080/a", "https://okna.example/a"),
    ("spring-sale", "/"),  # a card's text that is no address is not the site's root
])
def test_addresses_that_do_not_match(card, row_key):
    assert not address(card).matches(address(row_key))


@given(st.text(max_size=40))
def test_any_text_is_compared_without_error(text):
    assert address(text).matches(address(text))


def test_utm_values_of_a_card_address():
    url = "https://okna.example/kp/?utm_source=email&utm_medium=kp&utm_campaign=offer#x"
    assert utm_value(url, "utm_campaign") == "offer"
    assert utm_value(url, SOURCE_MEDIUM) == "email / kp"
    assert utm_value(url, "utm_content") == ""
    assert utm_value("spring-sale", "utm_campaign") == "spring-sale"  # the bare value
    assert utm_value("https://okna.example/", "utm_campaign") == ""  # an address with no tags


def test_matched_unmatched_and_only_the_reports_figures_change():
    doc = a_map({"url": "https://okna.example/a", "metrics": Metrics(clicks=1, conversion=2.0, time_on_site=3.0)},
                {"url": "https://okna.example/b"}, {"title": "no address"})
    plan = plan_import(doc, report(row("/a/", 2, 10, None), row("/z", 3, 5), figures=("clicks", "conversion")))
    assert plan.by == MatchBy.URL
    [match] = plan.matched
    assert match.card_id == "c0"
    assert match.after == Metrics(clicks=10, conversion=2.0, time_on_site=3.0)  # a blank cell keeps the card's
    assert [r.key for r in plan.unmatched_rows] == ["/z"]
    assert plan.unmatched_cards == [("c1", "https://okna.example/b")]
    assert plan.changes() == {"c0": {"metrics": Metrics(clicks=10, conversion=2.0, time_on_site=3.0)}}


def test_one_row_for_several_cards_gives_each_its_figures():
    doc = a_map({"url": "https://okna.example/a"}, {"url": "https://www.okna.example/a/"})
    plan = plan_import(doc, report(row("/a", 7, 100, 5.0, 60.0)))
    assert [m.after for m in plan.matched] == [Metrics(clicks=100, conversion=5.0, time_on_site=60.0)] * 2
    assert [(r.number, cards) for r, cards in plan.shared_rows] == [(7, ["c0", "c1"])]


def test_several_rows_for_one_card_sum_visits_and_weigh_the_rest_by_them():
    doc = a_map({"url": "https://okna.example/a"})
    plan = plan_import(doc, report(row("/a?utm_source=vk", 2, 100, 10.0, 60.0),
                                   row("/a?utm_source=yandex", 3, 300, 2.0, 120.0)))
    [match] = plan.combined
    assert [r.number for r in match.rows] == [2, 3]
    assert match.after == Metrics(clicks=400, conversion=4.0, time_on_site=105.0)


def test_rows_without_visits_are_averaged_plainly():
    doc = a_map({"tags": ["promo", "Spring"]})
    plan = plan_import(doc, report(row("spring", 2, None, 10.0), row("PROMO", 3, None, 20.0), kind=KeyKind.TEXT))
    assert plan.by == MatchBy.TAG
    assert plan.matched[0].after == Metrics(conversion=15.0)


def test_utm_matching_by_the_reports_parameter():
    doc = a_map({"url": "https://okna.example/kp/?utm_source=email&utm_medium=kp&utm_campaign=offer"},
                {"url": "https://okna.example/"})
    by_campaign = plan_import(doc, report(row("Offer", 2, 9), kind=KeyKind.UTM, parameter="utm_campaign"))
    assert by_campaign.by == MatchBy.UTM and [m.card_id for m in by_campaign.matched] == ["c0"]
    assert by_campaign.unmatched_cards == []  # the address without tags has no UTM key
    by_source = plan_import(doc, report(row("email/kp", 2, 9), kind=KeyKind.UTM, parameter=SOURCE_MEDIUM))
    assert [m.card_id for m in by_source.matched] == ["c0"]


def test_auto_falls_back_to_tags_without_addresses():
    doc = a_map({"tags": ["landing"]})
    assert plan_import(doc, report(row("landing", 2, 3))).by == MatchBy.TAG
    assert plan_import(doc, report(row("landing", 2, 3)), MatchBy.URL).matched == []


def test_nothing_changes_when_the_figures_are_the_same():
    doc = a_map({"url": "/a", "metrics": Metrics(clicks=3)})
    plan = plan_import(doc, report(row("/a", 2, 3), figures=("clicks",)))
    assert len(plan.matched) == 1 and plan.changes() == {}
    assert write_figures(doc, plan) == 0


def test_a_large_report_matches_at_once():
    doc = a_map(*({"url": f"https://okna.example/p{i}/"} for i in range(2000)))
    plan = plan_import(doc, report(*(row(f"/p{i}", i + 2, i) for i in range(2000))))
    assert len(plan.matched) == 2000 and not plan.unmatched_rows


@st.composite
def maps_and_reports(draw):
    doc = draw(journey_maps(max_cards=8))
    paths = [f"/p{i}" for i in range(4)]
    for card in doc.cards:
        card.url = draw(st.sampled_from(["", *paths, *(f"https://okna.example{p}/" for p in paths)]))
    rows = draw(st.lists(st.tuples(st.sampled_from(paths), st.none() | st.integers(0, 10**6),
                                   st.none() | st.floats(0, 100), st.none() | st.floats(0, 10**5)), max_size=6))
    figures = draw(st.lists(st.sampled_from(["clicks", "conversion", "time_on_site"]), min_size=1, unique=True))
    return doc, report(*(row(key, n + 2, *values) for n, (key, *values) in enumerate(rows)), figures=tuple(figures))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps_and_reports(), st.sampled_from(MatchBy))
def test_a_plan_applied_is_one_undo_step_and_undo_gives_the_map_back(qapp, case, by):
    doc, made = case
    before = dumps(doc)
    session = DocumentSession(doc)
    plan = plan_import(doc, made, by)
    changed = Editor(session).set_fields(ElementKind.CARD, plan.changes(), "Import figures from r.csv")
    assert changed == bool(plan.changed)
    assert session.undo_stack.count() == (1 if plan.changed else 0)
    for match in plan.matched:
        assert session.doc.card(match.card_id).metrics == match.after or not match.changed
    session.undo_stack.undo()
    assert dumps(session.doc) == before


def test_the_key_shown_is_the_tag_that_matched():
    doc = a_map({"tags": ["first", "email / kp"]}, {"tags": ["yandex / cpc", "Email/KP"]})
    plan = plan_import(doc, report(row("email / kp", 2, 5), row("yandex / cpc", 3, 7), kind=KeyKind.UTM,
                                   parameter=SOURCE_MEDIUM), MatchBy.TAG)
    assert [(m.card_id, m.key) for m in plan.matched] == [("c0", "email / kp"), ("c1", "yandex / cpc, Email/KP")]
