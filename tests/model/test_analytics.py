"""Funnel arithmetic and the counts of the analytics panel and report."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.model import Card, JourneyMap, Kpi, Lane, Stage
from cjm_designer.model.analytics import analyse, funnel, kpi_attainment, kpi_met


def stages(*figures) -> JourneyMap:
    doc = JourneyMap()
    for i, figure in enumerate(figures):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}", entering=figure))
    return doc


def test_conversion_from_each_stage_to_the_next_and_the_largest_drop():
    result = funnel(stages(10_000, 2_000, 1_500, 300))
    assert [s.conversion for s in result.steps] == [pytest.approx(0.2), pytest.approx(0.75), pytest.approx(0.2), None]
    assert [s.lost for s in result.steps] == [8_000, 500, 1_200, None]
    assert result.largest_drop == "s0"  # 20 % twice: the first of equals
    assert result.overall == pytest.approx(0.03)


def test_an_empty_map_and_a_single_stage_have_no_conversion():
    assert funnel(JourneyMap()) == funnel(JourneyMap())
    assert funnel(JourneyMap()).steps == () and funnel(JourneyMap()).largest_drop is None
    single = funnel(stages(500))
    assert single.steps[0].conversion is None and single.largest_drop is None and single.overall is None


def test_zero_and_missing_figures_give_unknown_steps_not_errors():
    result = funnel(stages(0, 100, None, 50, 0))
    assert [s.conversion for s in result.steps] == [None, None, None, 0.0, None]
    assert result.steps[0].lost == -100  # more entered the next stage than this one
    assert result.largest_drop == "s3"  # nobody went on from stage 4
    assert result.overall is None  # the first figure is zero


def test_more_people_in_a_later_stage_is_a_conversion_above_one():
    result = funnel(stages(100, 150))
    assert result.steps[0].conversion == pytest.approx(1.5) and result.steps[0].lost == -50


@given(st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)), max_size=12))
def test_funnel_arithmetic_holds_for_any_figures(figures):
    result = funnel(stages(*figures))
    assert [s.entering for s in result.steps] == figures
    for i, step in enumerate(result.steps):
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if figures[i] and nxt is not None:
            assert step.conversion == pytest.approx(nxt / figures[i]) and step.lost == figures[i] - nxt
        else:
            assert step.conversion is None
    known = [s for s in result.steps if s.conversion is not None]
    if known:
        assert result.step(result.largest_drop).conversion == min(s.conversion for s in known)
    else:
        assert result.largest_drop is None


def test_touchpoints_channels_owners_pains_and_kpis():
    doc = stages(None, None)
    doc.add_lane(Lane(id="tp", name="Точки контакта", kind="touchpoints"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="pains", name="Боли", kind="pain_points"))
    doc.stages[1].kpi = Kpi(name="CR", target=10.0, actual=4.0, unit="%")
    for card in [
        Card(id="a", stage="s0", lane="tp", title="Реклама", owner="marketer"),  # touchpoint by lane
        Card(id="b", stage="s0", lane="buyer", title="Ищет", channel="seo", owner="seo_specialist"),
        Card(id="c", stage="s1", lane="buyer", title="Звонит", channel="phone", owner="seller", pain=True,
             kpi=Kpi(target=5.0, actual=7.0)),
        Card(id="d", stage="s1", lane="buyer", title="Думает"),  # neither
        Card(id="e", stage="s1", lane="pains", title="Долго ждать", kpi=Kpi(target=60.0, actual=30.0)),
        Card(id="f", stage="s0", lane="buyer", title="KPI без факта", kpi=Kpi(target=1.0)),
    ]:
        doc.add_card(card)
    result = analyse(doc)
    assert result.touchpoints == {"s0": 2, "s1": 1} and result.total_touchpoints == 3
    assert result.channels == {"seo": 1, "phone": 1}
    assert result.owners == {"marketer": 1, "seo_specialist": 1, "seller": 1}
    assert result.pain_points == [("c", "s1"), ("e", "s1")]
    assert [(stage, card) for stage, card, _ in result.kpis_missed] == [("s1", ""), ("s1", "e")]
    assert result.kpis_met == 1


def test_kpi_attainment_and_met():
    assert kpi_attainment(Kpi(target=50.0, actual=25.0)) == 0.5
    assert kpi_attainment(Kpi(target=0.0, actual=3.0)) is None
    assert kpi_attainment(Kpi(actual=3.0)) is None and kpi_attainment(None) is None
    assert kpi_met(Kpi(target=5.0, actual=5.0)) is True and kpi_met(Kpi(target=5.0, actual=4.9)) is False
    assert kpi_met(Kpi(target=5.0)) is None


def heat_map() -> JourneyMap:
    from cjm_designer.model import Metrics

    doc = stages(None)
    doc.add_lane(Lane(id="l", name="Покупатель", kind="buyer_actions"))
    doc.add_card(Card(id="a", stage="s0", lane="l", quality=5, emotion=-2, channel="seo", device="mobile",
                      tags=["весна"], metrics=Metrics(clicks=300, conversion=12.5), kpi=Kpi(target=10.0, actual=5.0)))
    doc.add_card(Card(id="b", stage="s0", lane="l", quality=1, emotion=2, owner="seller",
                      metrics=Metrics(clicks=1200), kpi=Kpi(target=10.0, actual=25.0)))
    doc.add_card(Card(id="c", stage="s0", lane="l", channel="seo", tags=["весна", "акция"]))
    return doc


def test_heat_map_scales_every_measure_from_worst_to_best():
    from cjm_designer.model.analytics import HEAT_MEASURES, cell_heat, heat_values

    doc = heat_map()
    assert heat_values(doc, "quality") == {"a": 1.0, "b": 0.0}
    assert heat_values(doc, "emotion") == {"a": 0.0, "b": 1.0}
    assert heat_values(doc, "conversion") == {"a": 0.125}
    assert heat_values(doc, "clicks") == {"a": 0.25, "b": 1.0}  # against the map's most clicked card
    assert heat_values(doc, "kpi") == {"a": 0.5, "b": 1.0}  # beating the target is still the top of the scale
    for measure in HEAT_MEASURES:
        assert all(0 <= v <= 1 for v in heat_values(doc, measure).values())
        assert "c" not in heat_values(doc, measure)  # an unmeasured card stays uncoloured
    assert cell_heat(doc, heat_values(doc, "quality")) == {("s0", "l"): 0.5}
    with pytest.raises(ValueError, match="unknown heat-map measure"):
        heat_values(doc, "mood")


def test_filters_keep_the_cards_of_one_channel_owner_device_or_tag():
    from cjm_designer.model.analytics import CardFilter, filter_choices

    doc = heat_map()
    kept = {f: [c.id for c in doc.cards if CardFilter(*f).matches(c)]
            for f in (("channel", "seo"), ("owner", "seller"), ("device", "mobile"), ("tag", "акция"))}
    assert kept == {("channel", "seo"): ["a", "c"], ("owner", "seller"): ["b"], ("device", "mobile"): ["a"],
                    ("tag", "акция"): ["c"]}
    assert filter_choices(doc, "channel") == ["seo"] and filter_choices(doc, "tag") == ["весна", "акция"]
    assert filter_choices(doc, "device") == ["mobile"] and filter_choices(doc, "owner") == ["seller"]
