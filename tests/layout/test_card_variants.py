"""A card with A/B variants shows one more row, the winner and the lift, in the map's language; the
remembered faces follow a variant's figures."""

from cjm_designer.layout import DEFAULT_STYLE, LayoutMemo, compute_layout, relayout_cards
from cjm_designer.layout.drawing import Icon, card_drawing
from cjm_designer.model import Card, JourneyMap, Lane, Meta, Metrics, Stage, Variant


def ab_map(language: str = "en") -> JourneyMap:
    doc = JourneyMap(meta=Meta(language=language))
    doc.add_stage(Stage(id="s", name="Request"))
    doc.add_lane(Lane(id="l", name="Buyer", kind="buyer_actions"))
    variants = [Variant(name="A", metrics=Metrics(clicks=500, conversion=4.0)),
                Variant(name="B", description="Short form", metrics=Metrics(clicks=500, conversion=5.0))]
    doc.add_card(Card(id="ab", stage="s", lane="l", title="Leaves a request", metrics=Metrics(clicks=1000),
                      variants=variants))
    doc.add_card(Card(id="plain", stage="s", lane="l", title="Leaves a request", metrics=Metrics(clicks=1000)))
    return doc


def row(layout, card_id: str):
    return next((m for m in layout.cards[card_id].markers if m.kind == "variants"), None)


def test_the_row_names_the_winner_and_the_lift_under_the_figures():
    layout = compute_layout(ab_map())
    ab, plain = layout.cards["ab"], layout.cards["plain"]
    assert row(layout, "ab").text == "A/B: B wins · +25%" and row(layout, "ab").value == "B"
    assert row(layout, "plain") is None
    figures = next(m for m in ab.markers if m.kind == "metrics")
    assert row(layout, "ab").rect.y == figures.rect.y + DEFAULT_STYLE.marker_row
    assert ab.rect.h == plain.rect.h + DEFAULT_STYLE.marker_row


def test_the_row_is_in_the_maps_language_and_counts_the_variants_while_undecided():
    doc = ab_map("ru")
    assert row(compute_layout(doc), "ab").text == "A/B: победил B · +25\u00a0%"
    doc.card("ab").variants = [Variant(name="A"), Variant(name="B"), Variant(name="C")]
    assert row(compute_layout(doc), "ab").text == "A/B: 3\u00a0варианта"


def test_a_changed_figure_of_a_variant_is_drawn_anew_from_a_remembered_layout():
    doc, memo = ab_map(), LayoutMemo()
    compute_layout(doc, DEFAULT_STYLE, memo)
    card = doc.card("ab")
    card.variants = [card.variants[0], card.variants[1].model_copy(update={"metrics": Metrics(conversion=6.0)})]
    relaid = relayout_cards(doc, ["ab"], DEFAULT_STYLE, memo)
    assert row(relaid.layout, "ab").text == "A/B: B wins · +50%"
    card.variants = [Variant(name="A", metrics=Metrics(conversion=7.0)), *card.variants[1:]]
    assert row(relayout_cards(doc, ["ab"], DEFAULT_STYLE, memo).layout, "ab").text == "A/B: A wins · +16.7%"
    card.variants = []
    relaid = relayout_cards(doc, ["ab"], DEFAULT_STYLE, memo)
    assert row(relaid.layout, "ab") is None
    assert relaid.layout.cards["ab"].rect.h == relaid.layout.cards["plain"].rect.h


def test_the_row_is_drawn_with_its_icon_and_text():
    box = compute_layout(ab_map()).cards["ab"]
    shapes = card_drawing(box, "#FFFFFF").inside
    assert any(isinstance(s, Icon) and s.name == "trending-up" for s in shapes)
    assert any(getattr(s, "text", None) == "A/B: B wins · +25%" for s in shapes)
