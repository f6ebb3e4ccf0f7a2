"""CSV export: one row a card, with its stage (and the stage's goal), lane and every field, for
spreadsheets. A CSV file is one table: links, personas, a card's A/B variants and the stages' other
details are not in it — the Excel workbook (`xlsx_export`) carries them all.

Headers and the enumerated values (channel, device, owner, lane kind) are in the map's language, the
words of `sheet_words` (a Russian map says `Канал` = `Сайт`, not `channel` = `website`). Tags are
one a line in their cell (`sheet_words.TAG_SEPARATOR`), so that a tag may hold a comma.

Rows follow the map: stage by stage, lane by lane, cards in their cell order. The Excel flavour is
what Russian Excel opens by double-click: a UTF-8 BOM, `;` between fields, decimal commas; text
that would start a formula guarded by a leading apostrophe; and text Excel would take for a number
or a date ("0012345", "2024-03-01", "1/2") written as the formula `="0012345"`, which Excel shows
as that text. CSV has no types, so this is the one way Excel keeps such text as written (an
apostrophe would be shown, a tab kept in the text); LibreOffice shows the formula itself unless
"Evaluate formulas" is ticked when opening. `csv_import` reads both guards back. For typed cells
without guards, export to Excel (.xlsx).
"""

from __future__ import annotations

import csv
import io
import re

from ..model import Card, JourneyMap, Lane, Stage
from .sheet_words import header, join_tags, value_label

COLUMNS = (
    "id", "stage", "stage_goal", "lane", "lane_kind", "position", "title", "text", "channel", "device", "owner",
    "emotion", "quality", "pain", "kpi_name", "kpi_target", "kpi_actual", "kpi_unit",
    "kpi_lower_is_better", "clicks",
    "conversion", "time_on_site", "tags", "color", "note", "url",
)
"""The columns, by key; the header row names them in the map's language (`headers`)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_LIKE = re.compile(r"[\d\s.,:/%eE+\-\u2212]*\d[\d\s.,:/%eE+\-\u2212]*")
"""Text a spreadsheet reads as a number, a date or a time: digits and the signs between them."""


def to_csv(doc: JourneyMap, *, excel: bool = False) -> bytes:
    """The map's cards as CSV bytes (UTF-8; with `excel`, the Russian Excel flavour)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(headers(doc.meta.language))
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
        writer.writerow([_cell(value, excel) for value in _values(card, stage, lane, position, doc.meta.language)])
    return (("\ufeff" if excel else "") + out.getvalue()).encode("utf-8")


def headers(language: str) -> list[str]:
    """The header row in `language`."""
    return [header("cards", key, language) for key in COLUMNS]


def _values(card: Card, stage: Stage, lane: Lane, position: int, language: str) -> list[object]:
    kpi, metrics = card.kpi, card.metrics
    return [
        card.id, stage.name, stage.goal, lane.name, value_label("lane_kind", lane.kind, language), position,
        card.title, card.text, value_label("channel", card.channel, language),
        value_label("device", card.device, language) if card.device else None,
        value_label("owner", card.owner, language), card.emotion, card.quality, 1 if card.pain else 0,
        kpi.name if kpi else None, kpi.target if kpi else None, kpi.actual if kpi else None,
        kpi.unit if kpi else None, 1 if kpi and kpi.lower_is_better else None,
        metrics.clicks if metrics else None, metrics.conversion if metrics else None,
        metrics.time_on_site if metrics else None,
        join_tags(card.tags), card.color, card.note, card.url,
    ]


def _cell(value: object, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return text.replace(".", ",") if excel else text
    text = str(value)
    if excel and needs_guard(text):
        return "'" + text
    if excel and _NUMBER_LIKE.fullmatch(text):
        return '="' + text + '"'
    return text


def needs_guard(text: str) -> bool:
    """Whether the Excel flavour puts `'` before `text`: it would start a formula, or it starts like a
    guarded text itself (`'=`), so that reading the file back drops only the guard the export added."""
    return text.lstrip("'").startswith(_FORMULA_START)
