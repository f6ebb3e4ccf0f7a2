"""What the interactive HTML page shows besides the drawing, as one JSON object: each card's box on the
map and its details, the heat-map colours and the "show only" choices, the funnel, the personas and
the stages. Everything the page shows is decided here, in the map's language, with the model's own
rules (analytics, A/B tests, number formats, the canvas's heat-map tints); the page's script only
lays it out.

Map text goes in as it is, except that bidi controls are made visible (model/plain.py), as the
window's panels show them; the page puts every string in with textContent.
"""

from __future__ import annotations

import json

from ..canvas.scene import HEAT_CARD, HEAT_UNMEASURED
from ..layout import palette
from ..layout.boxes import MapLayout
from ..model import JourneyMap
from ..model.ab_test import ab_result, lift_text
from ..model.analytics import (
    FILTER_FIELDS,
    HEAT_MEASURES,
    CardFilter,
    filter_choices,
    funnel,
    heat_values,
    kpi_attainment,
)
from ..model.captions import caption, map_language
from ..model.elements import Card, Kpi, Metrics, Persona
from ..model.numbers import count, decimal, per_cent, percent
from ..model.plain import visible_bidi
from ..model.vocab import CHANNEL_LABELS, DEVICE_LABELS, OWNER_LABELS, label

LEGEND_STOPS = (0.0, 0.5, 1.0)
_VALUE_LABELS = {"channel": CHANNEL_LABELS, "owner": OWNER_LABELS, "device": DEVICE_LABELS}


def page_data(doc: JourneyMap, layout: MapLayout, exported: str, version: str) -> dict:
    """The page's data for `doc` drawn as `layout`; `exported` is the date shown as the export's."""
    language = map_language(doc)
    stages = {stage.id: stage for stage in doc.stages}
    lanes = {lane.id: lane for lane in doc.lanes}
    personas = {persona.id: persona for persona in doc.personas}
    cards = [card for card in doc.cards if card.id in layout.cards]
    index = {card.id: i for i, card in enumerate(cards)}
    return {
        "language": language,
        "title": _shown(doc.meta.title),
        "description": _shown(doc.meta.description),
        "author": _shown(doc.meta.author),
        "exported": exported,
        "version": version,
        "size": [round(layout.width, 2), round(layout.height, 2)],
        "cards": [_card(card, layout, stages, lanes, personas, language) for card in cards],
        "heat": _heat(doc, index, {card_id for card_id, box in layout.cards.items() if box.compact}),
        "legend": [palette.heat_color(stop, HEAT_CARD) for stop in LEGEND_STOPS],
        "filters": _filters(doc, cards, language),
        "funnel": _funnel(doc, language),
        "personas": [_persona(persona) for persona in doc.personas],
        "stages": [{"name": _shown(stage.name), "x": round(box.column.x, 2), "w": round(box.column.w, 2)}
                   for stage in doc.stages if (box := layout.stages.get(stage.id)) is not None],
    }


def json_for_script(data: dict) -> str:
    """`data` as JSON that cannot end or disturb the `<script>` element holding it: every `<`, `>` and
    `&` (so `</script>` and `<!--` too) and the JavaScript line breaks U+2028/U+2029 escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _shown(text: str) -> str:
    return visible_bidi(text)


def _card(card: Card, layout: MapLayout, stages, lanes, personas, language: str) -> dict:
    """A card's box (x, y, width, height) and its details as rows of (field, text); the page names each
    field in its own language table."""
    box = layout.cards[card.id].rect
    rows: list[list] = []

    def add(field: str, value) -> None:
        if value not in (None, "", []):
            rows.append([field, value])

    add("text", _shown(card.text))
    add("stage", _shown(stages[card.stage].name) if card.stage in stages else "")
    add("lane", _shown(lanes[card.lane].name) if card.lane in lanes else "")
    add("channel", _shown(label(CHANNEL_LABELS, card.channel, language)) if card.channel else "")
    add("device", label(DEVICE_LABELS, card.device.value, language) if card.device else "")
    add("owner", _shown(label(OWNER_LABELS, card.owner, language)) if card.owner else "")
    add("emotion", None if card.emotion is None else f"{card.emotion:+d}" if card.emotion else "0")
    add("quality", None if card.quality is None else f"{card.quality} / 5")
    add("pain", "✓" if card.pain else "")
    add("kpi", _kpi(card.kpi, language))
    add("metrics", _metrics(card.metrics, language))
    add("tags", ", ".join(_shown(tag) for tag in card.tags))
    add("url", _shown(card.url))
    add("note", _shown(card.note))
    add("persona", _shown(personas[card.persona].name) if card.persona in personas else "")
    shown = {"id": card.id, "box": [round(value, 2) for value in box], "title": _shown(card.title), "rows": rows}
    if card.variants:
        shown["ab"] = _variants(card, language)
    if card.comments:
        shown["comments"] = [{"author": _shown(comment.author), "date": comment.created.date().isoformat(),
                              "text": _shown(comment.text), "resolved": comment.resolved}
                             for comment in card.comments]
    return shown


def _kpi(kpi: Kpi | None, language: str) -> str:
    """"Name: 42 % against a target of 50 % · 84 %": plan, fact and how far the target is reached."""
    if kpi is None:
        return ""
    unit = f"\u00a0{kpi.unit}" if kpi.unit else ""
    figures = caption("kpi_limit" if kpi.lower_is_better else "kpi_target", language).format(
        actual=decimal(kpi.actual, language) + unit, target=decimal(kpi.target, language) + unit)
    attained = kpi_attainment(kpi)
    text = f"{_shown(kpi.name)}: {figures}" if kpi.name else figures
    return text if attained is None else f"{text} · {percent(attained, language)}"


def _metrics(metrics: Metrics | None, language: str) -> str:
    if metrics is None:
        return ""
    parts = []
    if metrics.clicks is not None:
        parts.append(caption("metric_clicks", language).format(clicks=count(metrics.clicks, language)))
    if metrics.conversion is not None:
        parts.append(f"CR {per_cent(metrics.conversion, language)}")
    if metrics.time_on_site is not None:
        parts.append(duration(metrics.time_on_site, language))
    return " · ".join(parts)


def duration(seconds: float, language: str) -> str:
    """Time on site as a reader says it: 42 s, 1 min 35 s (1 мин 35 с)."""
    whole = round(seconds)
    if whole < 60:
        return caption("time_seconds", language).format(seconds=decimal(round(seconds, 1), language))
    minutes = caption("time_minutes", language).format(minutes=whole // 60)
    return f"{minutes}\u00a0{caption('time_seconds', language).format(seconds=whole % 60)}" if whole % 60 else minutes


def _variants(card: Card, language: str) -> dict:
    result = ab_result(card.variants)
    lift = "" if result.lift is None else lift_text(result.lift, language)
    return {"winner": _shown(result.winner or ""), "lift": lift,
            "tie": caption("ab_tie", language) if result.measure and result.winner is None else "",
            "variants": [{"name": _shown(v.name), "description": _shown(v.description),
                          "metrics": _metrics(v.metrics, language), "won": v.name == result.winner}
                         for v in card.variants]}


def _heat(doc: JourneyMap, index: dict[str, int], points: set[str]) -> dict[str, list[str]]:
    """Per measure, each card's colour (in the order of the page's cards): the canvas's tint of its
    value, or the grey of a card without the measure; none for a point of the emotion curve (`points`),
    which the canvas draws without a card to fill."""
    shown = {}
    for measure in HEAT_MEASURES:
        values = heat_values(doc, measure)
        colours = [HEAT_UNMEASURED] * len(index)
        for card_id, value in values.items():
            if card_id in index:
                colours[index[card_id]] = palette.heat_color(value, HEAT_CARD)
        for card_id in points & index.keys():
            colours[index[card_id]] = ""
        shown[measure] = colours
    return shown


def _filters(doc: JourneyMap, cards: list[Card], language: str) -> dict[str, list[dict]]:
    """Per field, its values as the Analyse bar lists them (most used first), each with its label and
    the page's cards it shows."""
    shown = {}
    for field in FILTER_FIELDS:
        labels = _VALUE_LABELS.get(field)
        choices = []
        for value in filter_choices(doc, field):
            matching = CardFilter(field, value)
            choices.append({"label": _shown(label(labels, value, language) if labels else value),
                            "cards": [i for i, card in enumerate(cards) if matching.matches(card)]})
        shown[field] = choices
    return shown


def _funnel(doc: JourneyMap, language: str) -> dict:
    found = funnel(doc)
    names = {stage.id: _shown(stage.name) for stage in doc.stages}
    return {"steps": [{"stage": names[step.stage_id], "entering": step.entering,
                       "enteringText": count(step.entering, language),
                       "conversion": "" if step.conversion is None else percent(step.conversion, language),
                       "lost": "" if step.lost is None else count(step.lost, language),
                       "drop": step.stage_id == found.largest_drop}
                      for step in found.steps],
            "overall": "" if found.overall is None else percent(found.overall, language)}


def _persona(persona: Persona) -> dict:
    """A persona's name, photo (as the map holds it: base64 image bytes, shown as a data: URI) and fields."""
    fields = (("gender", persona.gender), ("age", persona.age), ("geography", persona.geography),
              ("occupation", persona.occupation), ("habits", persona.habits), ("interests", persona.interests),
              ("goals", persona.goals), ("pains", persona.pains), ("quote", persona.quote))
    rows = [[name, _shown(str(value))] for name, value in fields if value not in (None, "")]
    photo = f"data:{persona.photo.media_type};base64,{persona.photo.data}" if persona.photo else ""
    return {"name": _shown(persona.name), "photo": photo, "color": persona.color or "", "rows": rows}
