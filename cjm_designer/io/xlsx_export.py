"""Excel export: the map as a workbook of tables a marketer can sort, filter and fill in — Cards,
Stages, Lanes, Links, Personas, A-B variants and the Map's details, headers and enumerated values in
the map's language (`sheet_words`) — and the empty template to fill in (`xlsx_template`).

Cells are typed, so that the spreadsheet never changes what it shows: numbers are numbers, a
conversion is a percentage (the fraction, formatted `0.00%`), and text is text, formatted `@` and
stored as a string, so that "0012345", "2024-03-01" and "=1+1" stay as written and never become a
number, a date or a formula. Personas' photos, the Inbox, votes, comments, snapshots and conflicts are
not in the workbook (the .cjm keeps them). openpyxl is imported with this module, which only an
export loads.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Card, JourneyMap
from .sheet_words import HEADERS, MAP_FIELDS, header, join_tags, map_field, sheet_name, value_label

TEXT = "@"
PERCENT = "0.00%"
MAX_WIDTH = 45  # characters: a longer text is cut at the column's edge, whole in the cell
HEADER_WIDTH = 14  # characters of a header a column makes room for: a longer one wraps
MIN_WIDTH = 6
LINE_HEIGHT = 15.0  # points a line of 11-point Calibri takes: rows of wrapped text are given their lines' height
MAX_ROW_LINES = 8  # a cell with more lines shows these; the rest is in the cell
_HEADER_FILL = PatternFill("solid", fgColor="E8EEF7")
PERCENT_COLUMNS = {"conversion"}
NUMBER_COLUMNS = {"emotion", "quality", "pain", "kpi_target", "kpi_actual", "kpi_lower_is_better", "clicks",
                  "conversion", "time_on_site", "entering", "width", "height", "age"}


class Percent(float):
    """A per-cent figure (12.5 for 12.5 %), written as the fraction with a per-cent format."""


def to_xlsx(doc: JourneyMap) -> tuple[bytes, list[str]]:
    """The workbook's bytes, and notes on what it leaves out (personas' photos)."""
    language = doc.meta.language
    book = Workbook()
    book.remove(book.active)
    names = _Names(doc)
    _table(book, "cards", language, (_card_row(doc, card, names, language) for card in _cards_in_order(doc)))
    _table(book, "stages", language, ([
        s.id, s.name, s.goal, "\n".join(s.questions), "\n".join(s.business), s.entering, *_kpi(s.kpi),
        s.color, s.width] for s in doc.stages))
    _table(book, "lanes", language, ([lane.id, lane.name, value_label("lane_kind", lane.kind, language),
                                      lane.height] for lane in doc.lanes))
    _table(book, "links", language, ([link.id, link.source, link.target, value_label("link_kind", link.kind, language),
                                      link.label] for link in doc.links))
    _table(book, "personas", language, ([
        p.id, p.name, p.gender, p.age, p.geography, p.occupation, p.habits, p.interests, p.goals, p.pains, p.quote,
        p.color] for p in doc.personas))
    _table(book, "variants", language, (_variant_row(card.id, variant) for card in doc.cards
                                        for variant in card.variants))
    meta = doc.meta
    _table(book, "map", language, ([map_field(key, language), _meta_value(meta, key)] for key in MAP_FIELDS))
    out = io.BytesIO()
    book.save(out)
    photos = sum(1 for p in doc.personas if p.photo is not None)
    notes = [f"personas' photos are not in the workbook ({photos}); the .cjm file keeps them"] if photos else []
    return out.getvalue(), notes


def _meta_value(meta, key: str) -> str:
    value = getattr(meta, key)
    return value.isoformat() if value is not None and not isinstance(value, str) else (value or "")


class _Names:
    """How a card row names its stage, lane and persona: by name where the name says which one,
    else by id."""

    def __init__(self, doc: JourneyMap):
        self.stages = _naming([(s.id, s.name) for s in doc.stages])
        self.lanes = _naming([(lane.id, lane.name) for lane in doc.lanes])
        self.personas = _naming([(p.id, p.name) for p in doc.personas])


def _naming(parts: list[tuple[str, str]]) -> dict[str, str]:
    ids = {part_id for part_id, _ in parts}
    names = [name for _, name in parts]
    return {part_id: name if names.count(name) == 1 and name.strip() and (name not in ids or name == part_id)
            and not ILLEGAL_CHARACTERS_RE.search(name) else part_id for part_id, name in parts}


def _wrapped_lines(text: str, width: float) -> int:
    """The lines `text` takes wrapped at spaces into a column `width` characters wide."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def _cards_in_order(doc: JourneyMap) -> list[Card]:
    """Stage by stage, lane by lane, in cell order: the map as it is read."""
    stage_index = {s.id: i for i, s in enumerate(doc.stages)}
    lane_index = {lane.id: i for i, lane in enumerate(doc.lanes)}
    return sorted(doc.cards, key=lambda c: (stage_index[c.stage], lane_index[c.lane]))


def _kpi(kpi) -> list[object]:
    if kpi is None:
        return [None] * 5
    return [kpi.name, kpi.target, kpi.actual, kpi.unit, True if kpi.lower_is_better else None]


def _card_row(doc: JourneyMap, card: Card, names: _Names, language: str) -> list[object]:
    metrics = card.metrics
    return [
        card.id, names.stages[card.stage], names.lanes[card.lane], card.title, card.text,
        value_label("channel", card.channel, language),
        value_label("device", card.device, language) if card.device else None,
        value_label("owner", card.owner, language), card.emotion, card.quality, True if card.pain else None,
        *_kpi(card.kpi),
        metrics.clicks if metrics else None, _percent(metrics.conversion if metrics else None),
        metrics.time_on_site if metrics else None, join_tags(card.tags), card.color, card.note, card.url,
        names.personas[card.persona] if card.persona else None,
    ]


def _variant_row(card_id: str, variant) -> list[object]:
    metrics = variant.metrics
    return [card_id, variant.name, variant.description, metrics.clicks if metrics else None,
            _percent(metrics.conversion if metrics else None), metrics.time_on_site if metrics else None]


def _percent(value: float | None) -> Percent | None:
    return None if value is None else Percent(value)


def fraction(per_cent: float) -> float:
    """12.5 -> 0.125, in decimal so that `per_cent_of` gives back exactly the number written."""
    return float(Decimal(repr(per_cent)) / 100)


def columns(sheet: str) -> list[str]:
    """The sheet's columns in the workbook: a card's stage goal and lane kind are the Stages and Lanes
    sheets', its order the rows'."""
    return [key for key in HEADERS[sheet] if sheet != "cards" or key not in ("stage_goal", "lane_kind", "position")]


def _table(book: Workbook, sheet: str, language: str, rows: Iterable[list[object]]) -> Worksheet:
    keys = columns(sheet)
    sheet_ = book.create_sheet(sheet_name(sheet, language))
    sheet_.append([header(sheet, key, language) for key in keys])
    widths = [min(HEADER_WIDTH, len(header(sheet, key, language))) for key in keys]
    count = 0
    for number, values in enumerate(rows, start=2):
        count += 1
        lines = 1
        for column, value in enumerate(values, start=1):
            write_cell(sheet_, number, column, value)
            if value is not None and not isinstance(value, bool):
                shown = str(value).split("\n")
                widths[column - 1] = max(widths[column - 1], max(len(line) for line in shown))
                lines = max(lines, len(shown))
        if lines > 1:  # a spreadsheet does not grow a row for its wrapped cells when it opens the file
            sheet_.row_dimensions[number].height = LINE_HEIGHT * min(lines, MAX_ROW_LINES)
            for cell in sheet_[number]:  # the row's one-line cells at the top too, level with the first lines
                cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="top")
    style_header(sheet_, keys, widths, count)
    return sheet_


def write_cell(sheet: Worksheet, row: int, column: int, value: object) -> None:
    """A typed cell: numbers as numbers, a `Percent` as a percentage, a flag as 1, and text as text
    that is never read as a number, a date or a formula (characters XML cannot hold are dropped)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Percent):
        cell.value = fraction(float(value))
        cell.number_format = PERCENT
    elif isinstance(value, bool):
        cell.value = 1
    elif isinstance(value, (int, float)):
        cell.value = value
    elif value is None:
        return
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell.data_type = TYPE_STRING  # never a formula, even when it starts with "="
        cell.number_format = TEXT
        if "\n" in cell.value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def style_header(sheet: Worksheet, keys: list[str], widths: list[int], rows: int) -> None:
    """A bold, frozen header row with filters, columns as wide as their content (capped), and each
    column formatted for what it holds, so that a row typed in later is typed right too. The header
    row is as high as its longest wrapped header; printed, a sheet is A4 landscape."""
    header_lines = 1
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        dimension = sheet.column_dimensions[letter]
        dimension.width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
        key = keys[column - 1]
        if key in PERCENT_COLUMNS:
            dimension.number_format = PERCENT
        elif key not in NUMBER_COLUMNS:
            dimension.number_format = TEXT
        cell = sheet.cell(row=1, column=column)
        cell.font = Font(name="Calibri", bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        header_lines = max(header_lines, _wrapped_lines(str(cell.value or ""), dimension.width - 2))  # bold: wider
    sheet.row_dimensions[1].height = LINE_HEIGHT * header_lines
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # printed: landscape, as wide as the sheet, the header on every page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{max(rows + 1, 2)}"
