"""CSV import: a map from a sheet of one row a card, as `to_csv` writes it or as people make it by hand.

What is read:

- **Encoding.** UTF-8, with or without a BOM. Anything else is refused with the byte where it fails.
- **Delimiter.** Whichever of `,` `;` and tab occurs most often in the first line (ties go to `;`,
  then `,`). With `;` the file is taken for the Excel flavour: a leading `'` that guards a formula
  (`'=`, `'+`, `'-`, `'@`, `'` before a tab or carriage return) is removed from every cell, and a
  cell `="text"` (text Excel would take for a number or a date) is read as `text`.
- **Header.** The first row names the columns: the keys of `csv_export.COLUMNS` or their headers in
  Russian or English (`sheet_words`), in any case, with spaces around them ignored and spaces inside
  read as `_` (`KPI name` is `kpi_name`), or the older Russian names of `RUSSIAN_HEADERS`. `stage`
  and `lane` are required. A column with any other name is not imported and gets a warning; so does
  a column with no name that holds data.
- **Rows.** Each other row is a card in cell (stage, lane), named by the cells' text (spaces around
  the names are dropped). Stages are made in the order they first appear; lanes in an order that
  keeps, within every stage, the order of the rows (so the order `to_csv` writes comes back), ties
  broken by first appearance. Cards keep the row order within a cell. A row with a stage or a lane
  but no card field filled declares the stage or lane without a card. Blank rows are skipped.
- **Fields.** `lane_kind` gives the lane's kind: a `LaneKind` value or its Russian or English label
  (the first filled cell of the lane decides; an unknown value gives a warning and kind `text`;
  with no value, a lane named like a kind's label gets that kind). `position` is ignored: the row
  order decides. `id` is kept when it is a valid id not used by an earlier row, else the card gets a
  new one (with a warning when the cell was not empty). Numbers are read by `numbers.parse`: `.` or
  `,` as the decimal sign, digits grouped in threes by spaces (no-break ones too), `12,5 %` in the
  `conversion` column; `pain` is 1/0, true/false, yes/no or да/нет; `device` is a `Device`
  value or its label; `channel` and `owner` a known key or its label in either language (any other
  name is kept as written); `tags` are one a line, or split on `,` in a cell without a line break.
  `stage_goal` is the stage's goal (the first filled cell of the stage decides). Text cells
  (`title`, `text`, `note`, `url`) are kept exactly as written; `channel`, `owner`, `kpi_unit` and
  `color` lose the spaces around them.

Every bad value is reported, up to `MAX_PROBLEMS`, as one `InvalidFormatError` whose lines read
`FILE: row R, column "C": what is wrong` (rows count from 1, the header row being row 1).

A CSV file holds cards only: personas, links, the map's title and description, stage details other
than the goal (questions, colour...), lane heights and empty stages or lanes are not in it (an Excel
workbook holds them all, see `xlsx_import`). Stages and lanes are
known by name, so two with the same name become one. The map's language is `ru` when a stage or
lane name or a header is in Cyrillic, else `en`.
"""

from __future__ import annotations

import csv
import heapq
import io
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..bulk import collector_paused
from ..model import Card, Device, JourneyMap, Lane, LaneKind, Meta, Problem, Stage, check_references
from ..model.document import MAX_CARDS, MAX_LANES, MAX_STAGES, fresh_id
from ..model.elements import ID_PATTERN
from ..model.numbers import NumberError, parse
from ..model.vocab import DEVICE_LABELS, LANE_KIND_LABELS
from .cjm import MAX_FILE_BYTES
from .csv_export import COLUMNS, needs_guard
from .errors import InvalidFormatError, ProblemsFound
from .reading import too_large
from .sheet_words import OLD_RUSSIAN_HEADERS, header_spellings, split_tags, value_key

RUSSIAN_HEADERS = OLD_RUSSIAN_HEADERS
"""Header names of a hand-made Russian sheet and the column each stands for."""

CARD_COLUMNS = tuple(c for c in COLUMNS if c not in ("stage", "stage_goal", "lane", "lane_kind", "position"))
_TRUE = {"1", "true", "yes", "да"}
_FALSE = {"0", "false", "no", "нет", ""}
_ID = re.compile(ID_PATTERN)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_AS_TEXT = re.compile(r'="(?:[^"]|"")*"')  # the Excel flavour's text that would read as a number or a date
_EMPTY = "the file is empty; its first row must name the columns, such as stage, lane, title"
_KPI = {"kpi_name": "name", "kpi_target": "target", "kpi_actual": "actual", "kpi_unit": "unit",
        "kpi_lower_is_better": "lower_is_better"}
_METRICS = ("clicks", "conversion", "time_on_site")


class _Bad(ValueError):
    """A cell that cannot be read; the message says what it must be."""


@dataclass
class _Row:
    number: int
    stage: str | None
    stage_goal: str
    lane: str | None
    lane_kind: str
    card: dict[str, str] | None  # column -> cell text, None when the row has no card field filled


@dataclass
class _Import(ProblemsFound):
    warnings: list[str] = field(default_factory=list)
    excel: bool = False
    columns: dict[str, int] = field(default_factory=dict)  # field -> index
    shown: dict[str, str] = field(default_factory=dict)  # field -> header as written


    def at(self, row: int, column: str) -> str:
        return f'row {row}, column "{self.shown.get(column, column)}"'


def from_csv(raw: bytes, name: str = "<csv>") -> tuple[JourneyMap, list[str]]:
    """A map from CSV bytes, and the warnings about what was not imported; `name` is the file named in
    errors. Raises `InvalidFormatError` with every problem found (up to `MAX_PROBLEMS`)."""
    job = _Import(name)
    text = _decode(raw, name)
    delimiter = _delimiter(text)
    job.excel = delimiter == ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last_line = 0  # the line the row before ended on
    rows: list[_Row] = []
    extra_rows: list[int] = []
    unnamed_warned: set[int] = set()
    header: list[str] | None = None
    number = start = 0
    try:
        for number, cells in enumerate(reader, start=1):
            start, last_line = last_line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = cells
                _read_header(job, header, number)
                continue
            for index in range(len(header), len(cells)):
                if cells[index].strip():
                    extra_rows.append(number)
                    break
            for index, title in enumerate(header[:len(cells)]):
                if not title.strip() and cells[index].strip() and index not in unnamed_warned:
                    unnamed_warned.add(index)
                    job.warnings.append(f"column {index + 1} has no name in the first row and was not imported")
            rows.append(_row(job, number, cells))
    except csv.Error as error:
        job.problem(f"row {number + 1}", f"not valid CSV: {error}")
    else:
        if start and _quote_left_open(text, delimiter, start):
            after = reader.line_num - start
            job.problem(f"row {number}, line {start}", "a quoted cell starts in this row and its closing quote is "
                        f"missing, so it took in {after} line{'' if after == 1 else 's'} after it, to the end "
                        "of the file; close the quote or remove it")
    if header is None:
        raise InvalidFormatError(name, [Problem("", _EMPTY)])
    if extra_rows:
        others = f" and {len(extra_rows) - 1} other rows have" if len(extra_rows) > 1 else " has"
        job.warnings.append(f"row {extra_rows[0]}{others} cells past the last named column; "
                            "those cells were not imported")
    job.fail_if_any()
    with collector_paused():
        doc = _build(job, rows)
    job.fail_if_any()
    problems = check_references(doc)
    if problems:  # cannot happen: every id is made here; kept as a guard
        raise InvalidFormatError(name, problems)
    return doc, job.warnings


# -- reading the text ---------------------------------------------------------------------------


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidFormatError(name, [Problem("", too_large(MAX_FILE_BYTES))])
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = raw[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        line = raw.count(b"\n", 0, offset) + 1
        where = f"byte {offset + 1} (line {line})"
        not_utf8 = 'the text is not UTF-8; save the sheet as "CSV UTF-8"'
        raise InvalidFormatError(name, [Problem(where, not_utf8)]) from None
    if not text.strip():
        raise InvalidFormatError(name, [Problem("", _EMPTY)])
    return text


def _quote_left_open(text: str, delimiter: str, line: int) -> bool:
    """Whether the row that starts at `line` (the last row) has a quoted cell that is never closed:
    the csv module then silently makes the rest of the file that cell's text."""
    rest = io.StringIO(text, newline="")
    for _ in range(line - 1):
        rest.readline()
    try:
        for _ in csv.reader(rest, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _delimiter(text: str) -> str:
    """The delimiter that occurs most in the first line (`;` then `,` on a tie; `,` for one column)."""
    first = next((line for line in text.split("\n") if line.strip(" \t\r,;")), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _normal(header: str) -> str:
    return re.sub(r"[\s_]+", "_", header.replace("\ufeff", "").strip().lower())


KNOWN_HEADERS = ({_normal(name): key for key in COLUMNS for name in (key, *header_spellings("cards", key))}
                 | RUSSIAN_HEADERS)


def _read_header(job: _Import, header: list[str], number: int) -> None:
    for index, title in enumerate(header):
        key = _normal(title)
        if not key:
            continue
        column = KNOWN_HEADERS.get(key)
        if column is None:
            job.warnings.append(f'column "{title.strip()}" is not a card field and was not imported')
        elif column in job.columns:
            job.problem(f"row {number}", f'column "{title.strip()}" repeats column "{job.shown[column]}"')
        else:
            job.columns[column] = index
            job.shown[column] = title.strip()
    for column, russian in (("stage", "этап"), ("lane", "дорожка")):
        if column not in job.columns:
            job.problem(f"row {number}", f'there is no "{column}" column (or "{russian}"); '
                                 'a map from CSV needs the columns "stage" and "lane"')
    job.fail_if_any()


def _row(job: _Import, number: int, cells: list[str]) -> _Row:
    def cell(column: str) -> str:
        index = job.columns.get(column)
        value = cells[index] if index is not None and index < len(cells) else ""
        if job.excel and value[:1] == "'" and needs_guard(value[1:]):
            value = value[1:]
        elif job.excel and _AS_TEXT.fullmatch(value):
            value = value[2:-1].replace('""', '"')
        return value

    present = sorted((c for c in CARD_COLUMNS if c in job.columns), key=job.columns.__getitem__)  # sheet order
    card = {column: cell(column) for column in present}
    filled = any(value.strip() for value in card.values())
    stage, lane = cell("stage").strip(), cell("lane").strip()
    return _Row(number, stage if stage or filled else None, cell("stage_goal"), lane if lane or filled else None,
                cell("lane_kind").strip(), card if filled else None)


# -- building the map ---------------------------------------------------------------------------


def _build(job: _Import, rows: list[_Row]) -> JourneyMap:
    wanted: dict[int, str] = {}  # row number -> the id it keeps
    taken: set[str] = set()
    for row in rows:
        given = row.card.get("id", "").strip() if row.card else ""
        if not given:
            continue
        if not _ID.fullmatch(given):
            job.warnings.append(f'row {row.number}: "{given}" is not a valid id; the card got a new one')
        elif given in taken:
            job.warnings.append(f'row {row.number}: the id "{given}" is already used above; the card got a new one')
        else:
            taken.add(given)
            wanted[row.number] = given

    stages: dict[str, Stage] = {}
    for row in rows:
        if row.stage is not None and row.stage not in stages:
            if len(stages) >= MAX_STAGES:
                job.problem(job.at(row.number, "stage"), f"a map holds at most {MAX_STAGES} stages")
                return JourneyMap()
            goal = next((r.stage_goal for r in rows if r.stage == row.stage and r.stage_goal.strip()), "")
            stage = _part(job, row.number, "stage", Stage, id=fresh_id("stage", taken), name=row.stage, goal=goal)
            if stage is not None:
                stages[row.stage] = stage

    for column in ("stage", "lane"):
        empty = [row.number for row in rows if row.card is not None and not getattr(row, column)]
        if empty:
            others = f" and {len(empty) - 1} other rows" if len(empty) > 1 else ""
            job.warnings.append(f"row {empty[0]}{others}: the {column} is empty; "
                                f"{'its card is' if len(empty) == 1 else 'their cards are'} in a {column} with no name")

    lanes: dict[str, Lane] = {}
    for lane_name in _lane_order(rows):
        if len(lanes) >= MAX_LANES:
            job.problem(job.at(next(r.number for r in rows if r.lane == lane_name), "lane"),
                        f"a map holds at most {MAX_LANES} lanes")
            return JourneyMap()
        lane = _part(job, next(r.number for r in rows if r.lane == lane_name), "lane", Lane,
                     id=fresh_id("lane", taken), name=lane_name, kind=_lane_kind(job, rows, lane_name))
        if lane is not None:
            lanes[lane_name] = lane

    cards: list[Card] = []
    for row in rows:
        if row.card is None or row.stage not in stages or row.lane not in lanes or job.full():
            continue
        if len(cards) >= MAX_CARDS:
            job.problem(f"row {row.number}", f"a map holds at most {MAX_CARDS} cards")
            break
        card_id = wanted.get(row.number) or fresh_id("card", taken)
        card = _card(job, row, card_id, stages[row.stage].id, lanes[row.lane].id)
        if card is not None:
            cards.append(card)

    names = list(stages) + list(lanes) + list(job.shown.values())
    language = "ru" if any(_CYRILLIC.search(n) for n in names) else "en"
    return JourneyMap(meta=Meta(language=language), stages=list(stages.values()), lanes=list(lanes.values()),
                      cards=cards)


def _part(job: _Import, number: int, column: str, cls, **fields):
    try:
        return cls(**fields)
    except ValidationError as error:
        for e in error.errors():
            job.problem(job.at(number, column), _message(e))
        return None


def _lane_order(rows: list[_Row]) -> list[str]:
    """Lanes in an order that keeps, within each stage, the order in which the rows name them; where
    that leaves a choice (or the stages disagree), the lane seen first comes first."""
    first: dict[str, int] = {}
    per_stage: dict[str | None, list[str]] = {}
    for row in rows:
        if row.lane is None:
            continue
        first.setdefault(row.lane, len(first))
        in_stage = per_stage.setdefault(row.stage, [])
        if row.lane not in in_stage:
            in_stage.append(row.lane)
    after: dict[str, set[str]] = {lane: set() for lane in first}
    waiting = {lane: 0 for lane in first}
    for sequence in per_stage.values():
        for a, b in zip(sequence, sequence[1:]):
            if b not in after[a]:
                after[a].add(b)
                waiting[b] += 1
    ready = [(first[lane], lane) for lane, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(first):
        if not ready:  # the stages disagree (a cycle): take the earliest lane not placed yet
            lane = min((lane for lane in first if lane not in placed), key=first.__getitem__)
        else:
            lane = heapq.heappop(ready)[1]
            if lane in placed:
                continue
        order.append(lane)
        placed.add(lane)
        for later in after[lane]:
            waiting[later] -= 1
            if waiting[later] == 0 and later not in placed:
                heapq.heappush(ready, (first[later], later))
    return order


def _lane_kind(job: _Import, rows: list[_Row], lane_name: str) -> LaneKind:
    decided: tuple[int, LaneKind, str] | None = None
    for row in rows:
        if row.lane != lane_name or not row.lane_kind:
            continue
        kind = _kind_of(row.lane_kind)
        if decided is None:
            if kind is None:
                known = ", ".join(k.value for k in LaneKind)
                job.warnings.append(f'{job.at(row.number, "lane_kind")}: "{row.lane_kind}" is not a lane kind '
                                    f'({known}); the lane "{lane_name}" is of kind text')
                kind = LaneKind.TEXT
            decided = (row.number, kind, row.lane_kind)
        elif kind != decided[1]:
            job.warnings.append(f'{job.at(row.number, "lane_kind")}: the lane "{lane_name}" is already of kind '
                                f'{decided[1].value} (row {decided[0]}); "{row.lane_kind}" was ignored')
    if decided is not None:
        return decided[1]
    return _kind_of(lane_name, values=False) or LaneKind.TEXT


def _kind_of(text: str, values: bool = True) -> LaneKind | None:
    key = text.strip().casefold()
    for kind in LaneKind:
        labels = {label.casefold() for label in LANE_KIND_LABELS[kind].values()}
        if (values and key == kind.value) or key in labels:
            return kind
    return None


# -- cards --------------------------------------------------------------------------------------


def _card(job: _Import, row: _Row, card_id: str, stage_id: str, lane_id: str) -> Card | None:
    cells = row.card or {}
    fields: dict[str, object] = {}
    kpi: dict[str, object] = {}
    metrics: dict[str, object] = {}
    bad = False
    for column, text in cells.items():
        if column == "id":
            continue
        try:
            value = _PARSERS[column](text)
        except _Bad as error:
            job.problem(job.at(row.number, column), str(error))
            bad = True
            continue
        if column in _KPI:
            kpi[_KPI[column]] = value
        elif column in _METRICS:
            metrics[column] = value
        else:
            fields[column] = value
    if bad:
        return None
    # A KPI (metrics) exists when one of its cells is filled; then its name is kept exactly as written.
    has_kpi = any(cells[column].strip() for column in _KPI if column in cells)
    has_metrics = any(cells[column].strip() for column in _METRICS if column in cells)
    try:
        return Card(id=card_id, stage=stage_id, lane=lane_id, **fields,
                    kpi=kpi if has_kpi else None, metrics=metrics if has_metrics else None)
    except ValidationError as error:
        for e in error.errors():
            job.problem(job.at(row.number, _column_of(e["loc"])), _message(e))
        return None


def _column_of(loc: tuple) -> str:
    if loc[0] == "kpi" and len(loc) > 1:
        return f"kpi_{loc[1]}"
    if loc[0] == "metrics" and len(loc) > 1:
        return str(loc[1])
    return str(loc[0])


def _message(error: dict) -> str:
    if error["type"] == "string_pattern_mismatch" and error["loc"][-1] == "color":
        return "must be a colour written #rrggbb, such as #ffeeaa"
    message = error["msg"].removeprefix("Value error, ")
    return message[0].lower() + message[1:]


def _text(text: str) -> str:
    return text


def _token(text: str) -> str:
    return text.strip()


def _optional_token(text: str) -> str | None:
    return text.strip() or None


def _number(text: str, what: str, whole: bool = False, percent: bool = False) -> float | int | None:
    """A number as `numbers.parse` reads it; `what` says what the column wants when it is not one."""
    try:
        return parse(text, whole=whole, percent=percent)
    except NumberError:
        raise _Bad(what) from None


def _whole(text: str, low: int, high: int | None, what: str) -> int | None:
    number = _number(text, what, whole=True)
    if number is not None and (number < low or (high is not None and number > high)):
        raise _Bad(what)
    return number


def _emotion(text: str) -> int | None:
    return _whole(text, -2, 2, "must be a whole number from -2 to 2")


def _quality(text: str) -> int | None:
    return _whole(text, 1, 5, "must be a whole number from 1 to 5")


def _clicks(text: str) -> int | None:
    return _whole(text, 0, None, "must be a whole number, 0 or more")


def _any_number(text: str) -> float | None:
    return _number(text, "must be a number")


def _conversion(text: str) -> float | None:
    number = _number(text, "must be a number from 0 to 100 (per cent)", percent=True)
    if number is not None and not 0 <= number <= 100:
        raise _Bad("must be a number from 0 to 100 (per cent)")
    return number


def _seconds(text: str) -> float | None:
    number = _number(text, "must be a number of seconds, 0 or more")
    if number is not None and number < 0:
        raise _Bad("must be a number of seconds, 0 or more")
    return number


def _flag(text: str) -> bool:
    """A yes-or-no column: pain, kpi_lower_is_better."""
    key = text.strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _Bad("must be 1 or 0 (or true/false, yes/no, да/нет)")


def _device(text: str) -> Device | None:
    key = text.strip().casefold()
    if not key:
        return None
    for device in Device:
        if key == device.value or key in {label.casefold() for label in DEVICE_LABELS[device].values()}:
            return device
    raise _Bad(f"must be one of {', '.join(d.value for d in Device)}")


def _choice(column: str):
    def read(text: str) -> str:
        return value_key(column, text) or text.strip() if text.strip() else ""
    return read


_PARSERS = {
    "title": _text, "text": _text, "note": _text, "url": _text, "channel": _choice("channel"),
    "owner": _choice("owner"), "kpi_name": _text,
    "kpi_unit": _token, "kpi_lower_is_better": _flag, "device": _device, "emotion": _emotion, "quality": _quality,
    "pain": _flag,
    "kpi_target": _any_number, "kpi_actual": _any_number, "clicks": _clicks, "conversion": _conversion,
    "time_on_site": _seconds, "tags": split_tags, "color": _optional_token,
}
