"""Excel import: a map from a workbook as `to_xlsx` writes it, or as a person filled in the template
(`cjm-designer xlsx-template`).

Sheets and headers are known in Russian or English (or by their keys), in any order; a sheet or a
column with another name gets a warning. Only Cards is needed: stages and lanes are the Stages and
Lanes sheets' rows, in their order, and a card may name one by its name or id — a stage or lane
named only on Cards is added after them. A row without a valid, unused id gets a fresh one. A
formula gives the value Excel saved with it; nothing is ever evaluated.

Every bad cell is reported, up to `MAX_PROBLEMS`, as one `InvalidFormatError` whose lines read
`FILE: Cards!F7: what is wrong`. Before anything is parsed, the workbook's uncompressed size is
checked (a few kilobytes may unpack to gigabytes), and a sheet may hold at most `MAX_ROWS` rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from pydantic import ValidationError

from ..bulk import collector_paused
from ..model import Card, JourneyMap, Problem, check_references
from ..model.document import MAX_CARDS, fresh_id
from ..model.elements import ID_PATTERN, Lane, Link, Meta, Persona, Stage, Variant
from ..model.numbers import NumberError, parse
from ..model.vocab import Device, LaneKind, LinkKind, lane_kind_named
from .errors import MAX_PROBLEMS, InvalidFormatError, ProblemsFound
from .sheet_words import VALUES, header_keys, map_field_keys, normal, sheet_keys, split_tags, value_key

MAX_ROWS = MAX_CARDS + 1
MAX_COLUMNS = 64
MAX_UNCOMPRESSED = 256 * 1024 * 1024  # bytes of all the workbook's parts unpacked
_ID = re.compile(ID_PATTERN)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TRUE = {"1", "true", "yes", "да", "истина", "x", "+"}
_FALSE = {"0", "false", "no", "нет", "ложь", ""}


class _Bad(ValueError):
    """A cell that cannot be read; the message says what it must be."""


@dataclass
class _Cell:
    value: object
    percent: bool  # formatted as a percentage: the value is a fraction
    where: str  # Cards!F7


@dataclass
class _Sheet:
    title: str
    shown: dict[str, str]  # key -> header as written
    letters: dict[str, str]  # key -> its column's letter
    rows: list[dict[str, _Cell]]  # filled rows, key -> cell
    numbers: list[int]  # each row's number


@dataclass
class _Import(ProblemsFound):
    warnings: list[str] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)



def from_xlsx(raw: bytes, name: str = "<xlsx>") -> tuple[JourneyMap, list[str]]:
    """A map from the bytes of an .xlsx workbook, and warnings about what was not imported; `name`
    is the file named in errors. Raises `InvalidFormatError`."""
    job = _Import(name)
    sheets = _read(job, raw)
    if "cards" not in sheets:
        raise InvalidFormatError(name, [Problem("", 'there is no "Cards" (or "Карточки") sheet; the workbook '
                                                 "is not a map's (see cjm-designer xlsx-template)")])
    with collector_paused():
        doc = _build(job, sheets)
    job.fail_if_any()
    problems = check_references(doc)
    if problems:
        raise InvalidFormatError(name, problems)
    return doc, job.warnings


# -- reading the workbook -----------------------------------------------------------------------


@contextmanager
def open_workbook(name: str, raw: bytes) -> Iterator:
    """The workbook in `raw` (the file `name`), read-only and with the values formulas had when it was
    saved (nothing is evaluated), once it is known to be a zip archive that unpacks within
    MAX_UNCOMPRESSED, for the `with` block, and closed after it. A damaged workbook, or a damaged
    sheet found as the block reads it, is the one-line error every reader of workbooks gives; the
    block's own InvalidFormatError goes through as it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InvalidFormatError(name, [Problem("", "is not an Excel workbook (.xlsx)")]) from None
    if unpacked > MAX_UNCOMPRESSED:
        raise InvalidFormatError(name, [Problem("", f"unpacks to {unpacked:,} bytes, more than the "
                                                 f"{MAX_UNCOMPRESSED:,} a workbook may hold")])
    from openpyxl import load_workbook  # loaded with the first workbook read

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises what its parsers raise on a damaged part  # noqa: BLE001
        raise _unreadable(name, error) from None
    try:
        yield book
    except InvalidFormatError:
        raise
    except Exception as error:  # a damaged sheet's XML (an entity bomb is refused by the parser)  # noqa: BLE001
        raise _unreadable(name, error) from None
    finally:
        book.close()


def _unreadable(name: str, error: Exception) -> InvalidFormatError:
    return InvalidFormatError(name, [Problem("", f"is not a readable Excel workbook ({type(error).__name__})")])


def _read(job: _Import, raw: bytes) -> dict[str, _Sheet]:
    known = sheet_keys()
    sheets: dict[str, _Sheet] = {}
    with open_workbook(job.name, raw) as book:
        for sheet in book.worksheets:
            key = known.get(normal(sheet.title))
            if key == "help":
                continue
            if key is None:
                job.warnings.append(f'sheet "{sheet.title}" is not one of the map\'s sheets and was not imported')
            elif key in sheets:
                job.warnings.append(f'sheet "{sheet.title}" repeats sheet "{sheets[key].title}" and was not imported')
            else:
                sheets[key] = _read_sheet(job, sheet, key)
    job.fail_if_any()
    return sheets


def _read_sheet(job: _Import, sheet, key: str) -> _Sheet:
    from openpyxl.utils import get_column_letter

    known = header_keys(key)
    result = _Sheet(sheet.title, {}, {}, [], [])
    columns: dict[int, str] = {}
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if number > MAX_ROWS:
            raise InvalidFormatError(job.name, [Problem(f"{sheet.title}!A{number}",
                                                        f"a sheet may hold at most {MAX_ROWS - 1:,} rows")])
        if number == 1:
            for index, cell in enumerate(cells):
                title = "" if cell.value is None else str(cell.value)
                column = known.get(normal(title))
                if not title.strip():
                    continue
                if column is None:
                    job.warnings.append(f'{sheet.title}!{get_column_letter(index + 1)}1: column "{title.strip()}" '
                                        "is not a field of this sheet and was not imported")
                elif column in result.shown:
                    job.problem(f"{sheet.title}!{get_column_letter(index + 1)}1",
                                f'column "{title.strip()}" repeats column "{result.shown[column]}"')
                else:
                    columns[index] = column
                    result.shown[column] = title.strip()
                    result.letters[column] = get_column_letter(index + 1)
            continue
        row: dict[str, _Cell] = {}
        for index, cell in enumerate(cells):
            column = columns.get(index)
            value = getattr(cell, "value", None)
            if column is None or value is None or value == "":
                continue
            percent = "%" in (getattr(cell, "number_format", "") or "")
            row[column] = _Cell(value, percent, f"{sheet.title}!{get_column_letter(index + 1)}{number}")
        if any(not isinstance(cell.value, str) or cell.value.strip() for cell in row.values()):
            result.rows.append(row)
            result.numbers.append(number)
    return result


# -- cells --------------------------------------------------------------------------------------


def _text(cell: _Cell | None) -> str:
    """A text cell as text: a number Excel made of digits is written back without `.0`, a date as ISO."""
    if cell is None:
        return ""
    value = cell.value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _number(cell: _Cell | None, what: str, whole: bool = False, low: float | None = None,
            high: float | None = None, percent: bool = False) -> float | int | None:
    if cell is None:
        return None
    value = cell.value
    try:
        if isinstance(value, bool) or isinstance(value, (datetime, date, time)):
            raise NumberError
        if isinstance(value, (int, float)):
            number = per_cent_of(value) if percent and cell.percent else value
            if whole:
                if float(number) != int(number):
                    raise NumberError
                number = int(number)
            else:
                number = float(number)
        else:
            number = parse(str(value), whole=whole, percent=percent)
    except (NumberError, OverflowError, ValueError):
        raise _Bad(what) from None
    if number is not None and ((low is not None and number < low) or (high is not None and number > high)):
        raise _Bad(what)
    return number


def per_cent_of(fraction: float) -> float:
    """0.125 -> 12.5: the per-cent figure `xlsx_export.fraction` wrote, exactly."""
    return float(Decimal(repr(float(fraction))) * 100)


def _flag(cell: _Cell | None) -> bool:
    key = normal(_text(cell))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _Bad("must be 1 or empty (or yes/no, да/нет)")


def _choice(cell: _Cell | None, column: str, open_list: bool) -> str:
    """An enumerated cell's key; in an open list (channel, owner) any other text is the value itself."""
    text = _text(cell)
    if not text.strip():
        return ""
    key = value_key(column, text)
    if key is None and not open_list:
        labels = ", ".join(labels.get("en", "") for labels in VALUES[column].values())
        raise _Bad(f"must be one of: {labels} (or their Russian names)")
    return key or text


def _lines(cell: _Cell | None) -> list[str]:
    return [line.strip() for line in _text(cell).replace("\r\n", "\n").split("\n") if line.strip()]


# -- building the map ---------------------------------------------------------------------------


class _Rows:
    """One sheet's rows, reading each field and keeping every problem with its cell."""

    def __init__(self, job: _Import, sheet: _Sheet | None):
        self.job, self.sheet = job, sheet

    def __iter__(self):
        if self.sheet is None:
            return iter(())
        return iter(zip(self.sheet.numbers, self.sheet.rows))

    def where(self, row: dict[str, _Cell], number: int, key: str) -> str:
        if key in row:
            return row[key].where
        letter = self.sheet.letters.get(key)
        return f"{self.sheet.title}!{letter}{number}" if letter else f"{self.sheet.title}, row {number}"

    def read(self, row: dict[str, _Cell], key: str, reader, *args):
        try:
            return reader(row.get(key), *args)
        except _Bad as error:
            shown = self.sheet.shown.get(key, key)
            self.job.problem(row[key].where, f'"{shown}" {error}')
            return None

    def id(self, row: dict[str, _Cell], number: int, prefix: str) -> str:
        given = _text(row.get("id")).strip()
        if given and not _ID.fullmatch(given):
            self.job.warnings.append(f'{row["id"].where}: "{given}" is not a valid id; a new one was given')
        elif given and given in self.job.taken:
            self.job.warnings.append(f'{row["id"].where}: the id "{given}" is already used; a new one was given')
        elif given:
            self.job.taken.add(given)
            return given
        return fresh_id(prefix, self.job.taken)

    def make(self, row: dict[str, _Cell], number: int, cls, names: dict[str, str], **fields):
        """`cls(**fields)`, or None with each validation error reported at its column's cell."""
        try:
            return cls(**fields)
        except ValidationError as error:
            for e in error.errors():
                loc = [str(part) for part in e["loc"]]
                key = names.get(".".join(loc[:2]), names.get(loc[0], loc[0])) if loc else ""
                message = e["msg"].removeprefix("Value error, ")
                self.job.problem(self.where(row, number, key), f'"{self.sheet.shown.get(key, key)}" {message}')
            return None


_KPI_KEYS = {"kpi.name": "kpi_name", "kpi.target": "kpi_target", "kpi.actual": "kpi_actual", "kpi.unit": "kpi_unit",
             "kpi.lower_is_better": "kpi_lower_is_better"}
_METRIC_KEYS = {"metrics.clicks": "clicks", "metrics.conversion": "conversion", "metrics.time_on_site": "time_on_site"}


def _kpi(rows: _Rows, row: dict[str, _Cell]) -> dict | None:
    if not any(key in row for key in _KPI_KEYS.values()):
        return None
    return {"name": _text(row.get("kpi_name")), "target": rows.read(row, "kpi_target", _number, "must be a number"),
            "actual": rows.read(row, "kpi_actual", _number, "must be a number"),
            "unit": _text(row.get("kpi_unit")),
            "lower_is_better": bool(rows.read(row, "kpi_lower_is_better", _flag))}


def _metrics(rows: _Rows, row: dict[str, _Cell]) -> dict | None:
    if not any(key in row for key in _METRIC_KEYS.values()):
        return None
    return {"clicks": rows.read(row, "clicks", _number, "must be a whole number, 0 or more", True, 0),
            "conversion": rows.read(row, "conversion", _number, "must be a per cent from 0 to 100", False, 0, 100,
                                    True),
            "time_on_site": rows.read(row, "time_on_site", _number, "must be a number of seconds, 0 or more",
                                      False, 0)}


def _build(job: _Import, sheets: dict[str, _Sheet]) -> JourneyMap:
    meta = _meta(job, sheets.get("map"), sheets)
    personas = _personas(job, sheets.get("personas"))
    stages = _stages(job, sheets.get("stages"))
    lanes = _lanes(job, sheets.get("lanes"))
    job.fail_if_any()
    cards = _cards(job, sheets["cards"], stages, lanes, personas)
    by_id = {card.id: card for card in cards}
    _variants(job, sheets.get("variants"), by_id)
    links = _links(job, sheets.get("links"), by_id)
    job.fail_if_any()
    try:
        return JourneyMap(meta=meta, personas=personas, stages=stages, lanes=lanes, cards=cards, links=links)
    except ValidationError as error:  # too many of a kind
        raise InvalidFormatError(job.name, [Problem(".".join(map(str, e["loc"])), e["msg"])
                                            for e in error.errors()[:MAX_PROBLEMS]]) from None


def _meta(job: _Import, sheet: _Sheet | None, sheets: dict[str, _Sheet]) -> Meta:
    fields: dict[str, str] = {}
    where: dict[str, str] = {}
    names = map_field_keys()
    for _, row in _Rows(job, sheet):
        key = names.get(normal(_text(row.get("field"))))
        if key is not None and "value" in row:
            fields[key] = _text(row["value"])
            where[key] = row["value"].where
    if "language" not in fields:
        written = [s.title for s in sheets.values()] + [h for s in sheets.values() for h in s.shown.values()]
        fields["language"] = "ru" if any(_CYRILLIC.search(t) for t in written) else "en"
    try:
        return Meta(**{k: v or None for k, v in fields.items() if k in ("created", "modified")},
                    **{k: v for k, v in fields.items() if k not in ("created", "modified")})
    except ValidationError as error:
        for e in error.errors():
            job.problem(where.get(str(e["loc"][0]), ""), f'{e["loc"][0]} {e["msg"].removeprefix("Value error, ")}')
        return Meta()


def _personas(job: _Import, sheet: _Sheet | None) -> list[Persona]:
    rows = _Rows(job, sheet)
    made = []
    texts = ("gender", "geography", "occupation", "habits", "interests", "goals", "pains", "quote")
    for number, row in rows:
        fields = {key: _text(row.get(key)) for key in texts}
        persona = rows.make(row, number, Persona, {}, id=rows.id(row, number, "persona"),
                            name=_text(row.get("name")), **fields,
                            age=rows.read(row, "age", _number, "must be a whole number from 0 to 150", True, 0, 150),
                            color=_text(row.get("color")).strip() or None)
        if persona is not None:
            made.append(persona)
    return made


def _stages(job: _Import, sheet: _Sheet | None) -> list[Stage]:
    rows = _Rows(job, sheet)
    made = []
    for number, row in rows:
        kpi = _kpi(rows, row)
        width = rows.read(row, "width", _number, "must be a number of points from 40 to 10000", False, 40, 10_000)
        stage = rows.make(row, number, Stage, _KPI_KEYS, id=rows.id(row, number, "stage"),
                          name=_text(row.get("name")), goal=_text(row.get("goal")),
                          questions=_lines(row.get("questions")), business=_lines(row.get("business")),
                          entering=rows.read(row, "entering", _number, "must be a whole number, 0 or more", True, 0),
                          kpi=kpi, color=_text(row.get("color")).strip() or None, width=width)
        if stage is not None:
            made.append(stage)
    return made


def _lanes(job: _Import, sheet: _Sheet | None) -> list[Lane]:
    rows = _Rows(job, sheet)
    made = []
    for number, row in rows:
        lane_name = _text(row.get("name"))
        kind = rows.read(row, "kind", _choice, "lane_kind", False)
        lane = rows.make(row, number, Lane, {}, id=rows.id(row, number, "lane"), name=lane_name,
                         kind=LaneKind(kind) if kind else lane_kind_named(lane_name) or LaneKind.TEXT,
                         height=rows.read(row, "height", _number, "must be a number of points from 20 to 10000",
                                          False, 20, 10_000))
        if lane is not None:
            made.append(lane)
    return made


def _finder(parts: list) -> dict[str, object]:
    """A name or an id -> the part: the id, else the name (as written, or without the spaces around
    it) where it names one part."""
    found: dict[str, object] = {part.id: part for part in parts}
    for spelled in (lambda name: name, str.strip):
        counts: dict[str, int] = {}
        for part in parts:
            counts[spelled(part.name)] = counts.get(spelled(part.name), 0) + 1
        for part in parts:
            if counts[spelled(part.name)] == 1 and spelled(part.name):
                found.setdefault(spelled(part.name), part)
    return found


def _cards(job: _Import, sheet: _Sheet, stages: list[Stage], lanes: list[Lane],
           personas: list[Persona]) -> list[Card]:
    rows = _Rows(job, sheet)
    stage_of, lane_of, persona_of = _finder(stages), _finder(lanes), _finder(personas)
    names = {**_KPI_KEYS, **_METRIC_KEYS}
    made: list[Card] = []
    for number, row in rows:
        stage = _part_named(job, rows, row, number, "stage", stage_of, stages, Stage)
        lane = _part_named(job, rows, row, number, "lane", lane_of, lanes, Lane)
        persona_name = _text(row.get("persona"))
        persona = persona_of.get(persona_name, persona_of.get(persona_name.strip())) if persona_name.strip() else None
        if persona_name and persona is None:
            job.problem(row["persona"].where, f'there is no persona "{persona_name}" on the Personas sheet')
        device = rows.read(row, "device", _choice, "device", False)
        if stage is None or lane is None:
            continue
        card = rows.make(
            row, number, Card, names, id=rows.id(row, number, "card"), stage=stage.id, lane=lane.id,
            title=_text(row.get("title")), text=_text(row.get("text")),
            channel=rows.read(row, "channel", _choice, "channel", True) or "",
            owner=rows.read(row, "owner", _choice, "owner", True) or "",
            device=Device(device) if device else None,
            emotion=rows.read(row, "emotion", _number, "must be from -2 to 2", True, -2, 2),
            quality=rows.read(row, "quality", _number, "must be from 1 to 5", True, 1, 5),
            pain=bool(rows.read(row, "pain", _flag)), kpi=_kpi(rows, row), metrics=_metrics(rows, row),
            tags=split_tags(_text(row.get("tags"))), color=_text(row.get("color")).strip() or None,
            note=_text(row.get("note")), url=_text(row.get("url")), persona=persona.id if persona else None)
        if card is not None:
            made.append(card)
    return made


def _part_named(job: _Import, rows: _Rows, row: dict[str, _Cell], number: int, key: str, found: dict,
                parts: list, cls):
    """The stage or lane a card row names; one named only here is added (after the sheet's)."""
    given = _text(row.get(key))
    if not given.strip():
        job.problem(rows.where(row, number, key), f'the {key} is empty; name a {key} of the {key.title()}s sheet')
        return None
    part = found.get(given, found.get(given.strip()))
    if part is None:
        given = given.strip()
        fields = {"kind": lane_kind_named(given) or LaneKind.TEXT} if cls is Lane else {}
        part = rows.make(row, number, cls, {"name": key}, id=fresh_id(key, job.taken), name=given, **fields)
        if part is None:
            return None
        parts.append(part)
        found[given] = part
        job.warnings.append(f'{row[key].where}: the {key} "{given}" is not on the {key.title()}s sheet; it was added')
    return part


def _variants(job: _Import, sheet: _Sheet | None, cards: dict[str, Card]) -> None:
    rows = _Rows(job, sheet)
    for number, row in rows:
        card_id = _text(row.get("card")).strip()
        card = cards.get(card_id)
        if card is None:
            job.problem(rows.where(row, number, "card"), f'there is no card with the id "{card_id}" on the Cards sheet')
            continue
        metrics = _metrics(rows, row)
        variant = rows.make(row, number, Variant, {**_METRIC_KEYS, "name": "name"}, name=_text(row.get("name")),
                            description=_text(row.get("description")), metrics=metrics)
        if variant is None:
            continue
        try:
            card.variants = [*card.variants, variant]
        except ValidationError as error:
            job.problem(rows.where(row, number, "name"), error.errors()[0]["msg"].removeprefix("Value error, "))


def _links(job: _Import, sheet: _Sheet | None, cards: dict[str, Card]) -> list[Link]:
    rows = _Rows(job, sheet)
    made = []
    for number, row in rows:
        ends = {}
        for end in ("source", "target"):
            card_id = _text(row.get(end)).strip()
            if card_id not in cards:
                job.problem(rows.where(row, number, end),
                            f'there is no card with the id "{card_id}" on the Cards sheet')
            ends[end] = card_id
        kind = rows.read(row, "kind", _choice, "link_kind", False)
        if ends["source"] == ends["target"] and ends["source"] in cards:
            job.problem(rows.where(row, number, "target"), "a link must join two different cards")
            continue
        link = rows.make(row, number, Link, {}, id=rows.id(row, number, "link"), **ends,
                         kind=LinkKind(kind) if kind else LinkKind.FLOW, label=_text(row.get("label")))
        if link is not None:
            made.append(link)
    return made

