"""CSV export: one row a card, with its stage, lane and every field, for spreadsheets; but not a
card's A/B variants, a table of their own that one row cannot hold (the .cjm and the report keep them).

Rows follow the map: stage by stage, lane by lane, cards in their cell order. The Excel flavour is
what Russian Excel opens by double-click: a UTF-8 BOM, `;` between fields, decimal commas, and text
that would start a formula guarded by a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from ..model import Card, JourneyMap, Lane, Stage

COLUMNS = (
    "id", "stage", "lane", "lane_kind", "position", "title", "text", "channel", "device", "owner",
    "emotion", "quality", "pain", "kpi_name", "kpi_target", "kpi_actual", "kpi_unit",
    "kpi_lower_is_better", "clicks",
    "conversion", "time_on_site", "tags", "color", "note",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(doc: JourneyMap, *, excel: bool = False) -> bytes:
    """The map's cards as CSV bytes (UTF-8; with `excel`, the Russian Excel flavour)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    stages = {s.id: (i, s) for i, s in enumerate(doc.stages)}
    lanes = {lane.id: (i, lane) for i, lane in enumerate(doc.lanes)}
    positions: dict[tuple[str, str], int] = {}
    rows = []
    for card in doc.cards:
        cell = (card.stage, card.lane)
        positions[cell] = positions.get(cell, 0) + 1
        rows.append((stages[card.stage][0], lanes[card.lane][0], positions[cell], card))
    rows.sort(key=lambda row: row[:3])
    for stage_index, lane_index, position, card in rows:
        stage, lane = doc.stages[stage_index], doc.lanes[lane_index]
        writer.writerow([_cell(value, excel) for value in _values(card, stage, lane, position)])
    return (("\ufeff" if excel else "") + out.getvalue()).encode("utf-8")


def _values(card: Card, stage: Stage, lane: Lane, position: int) -> list[object]:
    kpi, metrics = card.kpi, card.metrics
    return [
        card.id, stage.name, lane.name, lane.kind.value, position, card.title, card.text,
        card.channel, card.device.value if card.device else None, card.owner, card.emotion, card.quality,
        1 if card.pain else 0,
        kpi.name if kpi else None, kpi.target if kpi else None, kpi.actual if kpi else None,
        kpi.unit if kpi else None, 1 if kpi and kpi.lower_is_better else None,
        metrics.clicks if metrics else None, metrics.conversion if metrics else None,
        metrics.time_on_site if metrics else None,
        ", ".join(card.tags), card.color, card.note,
    ]


def _cell(value: object, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return text.replace(".", ",") if excel else text
    text = str(value)
    return "'" + text if excel and needs_guard(text) else text


def needs_guard(text: str) -> bool:
    """Whether the Excel flavour puts `'` before `text`: it would start a formula, or it starts like a
    guarded text itself (`'=`), so that reading the file back drops only the guard the export added."""
    return text.lstrip("'").startswith(_FORMULA_START)
