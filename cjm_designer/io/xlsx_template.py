"""The empty workbook to fill in (`cjm-designer xlsx-template`): the map's sheets with their headers,
a first sheet saying how to fill them in and listing the words the enumerated columns take, and
drop-down lists — a card's stage and lane from the Stages and Lanes sheets, channels, devices and
owners from the first sheet, emotion -2..2 and quality 1..5 — so that what a person types imports.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..model.captions import caption, language_of
from .sheet_words import VALUES, header, map_field, sheet_name, value_label
from .xlsx_export import columns, style_header, write_cell

ROWS = 500  # rows the drop-down lists cover
_LISTS = ("channel", "device", "owner", "lane_kind", "link_kind")  # the enumerated columns' words, listed


def xlsx_template(language: str) -> bytes:
    """The empty workbook in `language` ("ru" or "en"): headers and lists in that language."""
    language = language_of(language)
    book = Workbook()
    help_sheet = book.active
    help_sheet.title = sheet_name("help", language)
    ranges = _help(help_sheet, language)
    sheets = {}
    for key in ("cards", "stages", "lanes", "links", "personas", "variants", "map"):
        sheet = book.create_sheet(sheet_name(key, language))
        keys = columns(key)
        for column, name in enumerate(keys, start=1):
            write_cell(sheet, 1, column, header(key, name, language))
        style_header(sheet, keys, [max(12, len(header(key, k, language))) for k in keys], ROWS)
        sheets[key] = sheet
    map_sheet = sheets["map"]
    write_cell(map_sheet, 2, 1, map_field("language", language))
    write_cell(map_sheet, 2, 2, language)
    write_cell(map_sheet, 3, 1, map_field("title", language))
    stage_names = f"{quote_sheetname(sheets['stages'].title)}!$B$2:$B${ROWS}"
    lane_names = f"{quote_sheetname(sheets['lanes'].title)}!$B$2:$B${ROWS}"
    _list(sheets["cards"], "cards", "stage", stage_names, strict=True)
    _list(sheets["cards"], "cards", "lane", lane_names, strict=True)
    for column, source in (("channel", "channel"), ("owner", "owner")):
        _list(sheets["cards"], "cards", column, ranges[source], strict=False)
    _list(sheets["cards"], "cards", "device", ranges["device"], strict=True)
    _list(sheets["lanes"], "lanes", "kind", ranges["lane_kind"], strict=True)
    _list(sheets["links"], "links", "kind", ranges["link_kind"], strict=True)
    _whole(sheets["cards"], "cards", "emotion", -2, 2)
    _whole(sheets["cards"], "cards", "quality", 1, 5)
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _help(sheet, language: str) -> dict[str, str]:
    """The instructions in the first column, and right of them one column a list of words; returns
    each list's cell range."""
    lines = caption("template_help", language)
    for number, line in enumerate(lines, start=1):
        write_cell(sheet, number, 1, line)
    sheet.cell(row=1, column=1).font = Font(name="Calibri", bold=True, size=13)
    sheet.column_dimensions["A"].width = round(max(len(line) for line in lines) * 0.85)  # ~ a digit's width
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    ranges = {}
    for index, key in enumerate(_LISTS, start=3):
        column = get_column_letter(index)
        title = caption(f"list_{key}", language)
        write_cell(sheet, 1, index, title)
        sheet.cell(row=1, column=index).font = Font(name="Calibri", bold=True)
        labels = [value_label(key, value, language) for value in VALUES[key]]
        for offset, label in enumerate(labels, start=2):
            write_cell(sheet, offset, index, label)
        sheet.column_dimensions[column].width = max(len(label) for label in (title, *labels)) + 2
        ranges[key] = f"{quote_sheetname(sheet.title)}!${column}$2:${column}${len(labels) + 1}"
    return ranges


def _letter(sheet_key: str, key: str) -> str:
    return get_column_letter(columns(sheet_key).index(key) + 1)


def _list(sheet, sheet_key: str, key: str, source: str, strict: bool) -> None:
    """A drop-down list; `strict` refuses other values, else they are allowed (channel, owner)."""
    rule = DataValidation(type="list", formula1=f"={source}", allow_blank=True, showErrorMessage=strict)
    letter = _letter(sheet_key, key)
    rule.add(f"{letter}2:{letter}{ROWS}")
    sheet.add_data_validation(rule)


def _whole(sheet, sheet_key: str, key: str, low: int, high: int) -> None:
    rule = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high), allow_blank=True,
                          showErrorMessage=True, error=f"{low} … {high}")
    letter = _letter(sheet_key, key)
    rule.add(f"{letter}2:{letter}{ROWS}")
    sheet.add_data_validation(rule)

