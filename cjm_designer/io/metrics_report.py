"""A web-analytics report as Яндекс.Метрика or Google Analytics 4 exports it: its key column (pages,
landing pages, UTM values, traffic sources) and its visits, conversion and time on site.

What the tools write (from their documentation and from the exports people parse in public code):

- **Метрика** (CSV, XLSX): report names and dimensions as the interface shows them, in its language —
  "Страница входа" / "Landing page", "Адрес страницы" / "Page URL", "UTM Source", "UTM Medium",
  "UTM Campaign", "UTM Content", "UTM Term", "Источник трафика" / "Traffic source"; metrics "Визиты" /
  "Sessions" (older English: "Visits"), "Посетители" / "Users", "Просмотры" / "Pageviews", "Отказы" /
  "Bounce rate", "Глубина просмотра" / "Page depth", "Время на сайте" / "Time on site" (h:mm:ss or
  mm:ss), "Конверсия" / "Conversion rate" (also per goal: "Конверсия по цели «…»"; a per cent, as
  the API's `ym:s:goal<id>conversionRate`, 12.5 for 12.5 %). A few lines about
  the report (its name, period, counter) may come before the table, and the row right after the
  header is "Итого и средние" / "Total and averages". CSV is UTF-8 with a BOM, comma-separated; files
  re-saved by Excel come as cp1251 or UTF-16 with `;` or tabs.
- **GA4** (CSV, and XLSX through Sheets): a comment block first (`# ----`, the report's name,
  account, property, `# Start date: 20240101`, `# End date: …`), a blank line, then the table:
  "Page path and screen class", "Page path + query string", "Landing page", "Landing page + query
  string", "Session source / medium", "Session source", "Session medium", "Session campaign", "Session
  manual ad content"; metrics "Views", "Sessions", "Active users", "Average engagement time per
  session" (seconds), "Session key event rate" (older: "Session conversion rate"; a 0..1 fraction in
  CSV). In Russian: "Путь к странице и класс экрана", "Путь к странице + строка запроса", "Целевая
  страница" / "Страница входа" (+ " + строка запроса"), "Источник/канал сеанса", "Кампания сеанса",
  "Просмотры", "Сеансы", "Среднее время взаимодействия за сеанс", "Коэффициент ключевых событий
  сеанса". A totals row reads "Grand total" / "Итого"; further tables (`# …` again) are not read.

How it is read:

- The **encoding**: UTF-16 (by its BOM or its zero bytes), UTF-8 with or without a BOM, else cp1251.
  An XLSX workbook (a zip file) is read by openpyxl, read-only with cached values (`data_only`):
  a formula gives the value it was last saved with and is never evaluated.
- The **header** is the first row, among the first `HEADER_ROWS`, that names a key column and at
  least one figure column (below); lines before it, `#` comments and the delimiter (`,` `;` tab, the
  one that makes a header) are found on the way. The table ends at a `#` line (GA4's next table).
- **Rows**: a totals row, a row with no key and a blank row are skipped. Numbers as the tools write
  them are read by `numbers.parse`: "1 234" (space or no-break space), "1,234", "12,5". Conversion:
  "12,5 %" and "12.5%" are per cent; a plain number is per cent too (Метрика's 12.5), but in one of
  GA4's rate columns whose values are all 0..1 it is a fraction (0.125), as is an Excel cell
  formatted as per cent. Time on site: "00:01:23", "1:23", "83" (seconds), "1 мин 23 с", "1m 23s",
  an Excel time.
- A **tree report** (Метрика's default view of landing pages: "Страница входа, ур. 1", "ур. 2"… /
  "Landing page, level 1"…, each level a longer address, `https://site.ru/`, `https://site.ru/a/`;
  often with the whole address, "Страница входа", as the last level) comes either with one column a
  level, a row giving the levels down to its own, or with one level column whose rows are indented
  by their depth. A row's key is its deepest level's address; a row with deeper rows under it is
  its level's subtotal and is skipped, so that a section's visits are not counted twice.
- A bad cell is reported by row and column (`report.csv: row 7, column "Визиты": …`, or
  `Sheet!C7` in a workbook), up to `MAX_PROBLEMS` in one `InvalidFormatError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from ..model import Problem
from ..model.metrics_match import FIGURES, SOURCE_MEDIUM, KeyKind, Report, ReportRow
from ..model.numbers import NumberError, parse
from .errors import InvalidFormatError, ProblemsFound
from .reading import read_limited, too_large
from .xlsx_import import open_workbook

MAX_REPORT_BYTES = 32 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 64
HEADER_ROWS = 40


def _names(*names: str) -> tuple[str, ...]:
    return tuple(_normal(name) for name in names)


def _normal(header: str) -> str:
    """A column's name as compared: case, `ё`, quotes and the spaces in it do not matter."""
    text = header.replace("\ufeff", "").replace("ё", "е").replace("Ё", "Е").casefold()
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip(" \"'")


def _key_columns() -> dict[str, tuple[KeyKind, str]]:
    """The key columns: each name, the kind of key it holds, and the UTM parameter it is about."""
    addresses = _names(
        "Страница входа", "Адрес страницы", "Страница", "URL", "URL страницы", "Адрес",
        "Страница входа + строка запроса",
        "Путь к странице и класс экрана", "Путь к странице + строка запроса", "Путь к странице", "Целевая страница",
        "Целевая страница + строка запроса", "Landing page", "Landing page + query string", "Page URL", "Page address",
        "Page", "Page path", "Page path and screen class", "Page path + query string", "Page location",
        "Местоположение страницы", "Entry page", "URL-адрес", "URL-address", "URL address")
    utm = (("UTM Source", "utm_source"), ("UTM Medium", "utm_medium"), ("UTM Campaign", "utm_campaign"),
           ("UTM Content", "utm_content"), ("UTM Term", "utm_term"),
           ("Session source", "utm_source"), ("Session medium", "utm_medium"), ("Session campaign", "utm_campaign"),
           ("Session manual ad content", "utm_content"), ("Session manual term", "utm_term"),
           ("Session source / medium", SOURCE_MEDIUM), ("Source / medium", SOURCE_MEDIUM),
           ("Источник сеанса", "utm_source"), ("Канал сеанса", "utm_medium"), ("Кампания сеанса", "utm_campaign"),
           ("Содержание объявления сеанса (вручную)", "utm_content"),
           ("Ключевое слово сеанса (вручную)", "utm_term"),
           ("Источник/канал сеанса", SOURCE_MEDIUM), ("Источник / канал сеанса", SOURCE_MEDIUM),
           ("Источник/канал", SOURCE_MEDIUM))
    names = _names("Источник трафика", "Traffic source", "Источник", "Source", "Рекламная система")
    return {**{name: (KeyKind.URL, "") for name in addresses},
            **{_normal(name): (KeyKind.UTM, parameter) for name, parameter in utm},
            **{name: (KeyKind.TEXT, "") for name in names}}


_KEYS = _key_columns()
# A tree report's level column: "Страница входа, ур. 2", "Landing page, level 2", "URL-адрес, ур. 3".
_LEVEL = re.compile(r"(?P<name>.+?),? (?:ур\.?|уровень|level) ?(?P<level>\d+)")

# The figure columns, each list in order of preference: visits before pageviews.
_COLUMNS = {
    "clicks": _names("Визиты", "Сеансы", "Visits", "Sessions", "Просмотры", "Views", "Pageviews",
                     "Просмотры страниц", "Page views"),
    "conversion": _names("Конверсия", "Conversion rate", "Conversion", "Session key event rate",
                         "Коэффициент ключевых событий сеанса", "Session conversion rate",
                         "Коэффициент конверсии сеанса", "Key event rate", "Коэффициент ключевых событий"),
    "time_on_site": _names("Время на сайте", "Time on site", "Average engagement time per session",
                           "Среднее время взаимодействия за сеанс", "Average session duration",
                           "Средняя длительность сеанса", "Average engagement time", "Среднее время взаимодействия",
                           "Average engagement time per active user",
                           "Среднее время взаимодействия на активного пользователя"),
}
_CONVERSION_WORDS = _names("Конверсия", "Conversion rate", "Session key event rate",
                          "Коэффициент ключевых событий сеанса")  # in a goal's column: "Конверсия по цели «Заказ»"
_GA4_RATES = _names("Session key event rate", "Коэффициент ключевых событий сеанса", "Session conversion rate",
                    "Коэффициент конверсии сеанса", "Key event rate", "Коэффициент ключевых событий",
                    "User key event rate", "Коэффициент ключевых событий пользователя")
_TOTALS = set(_names("Итого и средние", "Total and averages", "Grand total", "Итого", "Total", "Всего",
                     "Общий итог", "Totals"))
_WHAT = {"clicks": "must be a whole number of visits, 0 or more",
         "conversion": "must be a conversion rate: 12.5%, 12,5 % or a fraction such as 0.125",
         "time_on_site": "must be a time on site: 00:01:23, 1:23, 83 (seconds), 1 мин 23 с or 1m 23s"}
_DURATION = re.compile(r"(?:(?P<h>\d+(?:[.,]\d+)?)\s*(?:h|hr|hours?|ч|час(?:а|ов)?)\.?\s*)?"
                       r"(?:(?P<m>\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minutes?|мин|минут[аы]?)\.?\s*)?"
                       r"(?:(?P<s>\d+(?:[.,]\d+)?)\s*(?:s|sec|secs|seconds?|с|сек|секунд[аы]?)\.?)?")
_NOT_A_REPORT = "is not a report: neither a text table (CSV) nor an Excel workbook (.xlsx)"
_NO_TABLE = ('no table of a web-analytics report: no row names a page, UTM or source column (such as "Страница '
             'входа", "Landing page", "UTM Campaign", "Session source / medium") and a visits, conversion or time '
             'on site column (such as "Визиты", "Sessions", "Конверсия", "Время на сайте")')


@dataclass
class _Reading(ProblemsFound):
    """One report being read: its name in messages and the problems found so far."""



@dataclass
class _Rows:
    """A report's table from its header row on: (row number, cells); `place` names a workbook's cell."""

    rows: list[tuple[int, list]]
    place: Callable[[int, int], str] | None = None


@dataclass
class _Table:
    """The columns found in a header row: key and figure column indexes."""

    key: int
    key_name: str
    kind: KeyKind
    parameter: str
    figures: dict[str, int]
    names: dict[int, str]
    levels: tuple[int, ...] = ()  # a tree report's level columns, top level first (the key column among them)


def read_report(path: str | Path, name: str | None = None) -> Report:
    """The report in the file `path` (CSV or XLSX, by its content); `name` is the file named in
    errors. Raises `InvalidFormatError`, one line a problem."""
    shown = str(path) if name is None else name
    try:
        raw = read_limited(path, MAX_REPORT_BYTES, shown)
    except InvalidFormatError as error:
        if error.problems[0].what == too_large(MAX_REPORT_BYTES):
            raise InvalidFormatError(shown, [Problem("", f"the file is larger than {MAX_REPORT_BYTES // 2**20} MiB, "
                                                         "the most a report may be")]) from None
        raise
    return parse_report(raw, shown)


def parse_report(raw: bytes, name: str = "<report>") -> Report:
    """The report in `raw`, the bytes of a CSV file or an XLSX workbook."""
    reading = _Reading(name)
    if len(raw) > MAX_REPORT_BYTES:
        raise InvalidFormatError(name, [Problem("", f"the report is larger than {MAX_REPORT_BYTES // 2**20} MiB")])
    if raw.startswith(b"PK\x03\x04"):
        rows = _workbook_rows(reading, raw)
    else:
        rows = _text_rows(reading, raw)
    return _report(reading, rows)


# -- CSV ----------------------------------------------------------------------------------------


def _decode(reading: _Reading, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\0" in raw[:4096] and raw[:4096].count(b"\0") * 3 >= min(len(raw), 4096):
        encoding = "utf-16-le" if raw[1:2] == b"\0" else "utf-16-be"
    else:
        encoding = None
    try:
        if encoding:
            text = raw.decode(encoding)
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1251")
    except UnicodeDecodeError as error:
        raise InvalidFormatError(reading.name, [Problem(f"byte {error.start + 1}", _NOT_A_REPORT)]) from None
    if "\0" in text or _binary(text):
        raise InvalidFormatError(reading.name, [Problem("", _NOT_A_REPORT)])
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InvalidFormatError(reading.name, [Problem("", "the report is empty")])
    return text


def _binary(text: str) -> bool:
    """Whether decoded text is really binary bytes: many control characters other than line ends and tabs."""
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t")
    return controls * 20 > len(sample)


def _text_rows(reading: _Reading, raw: bytes) -> _Rows:
    """The rows of a CSV report from its header on."""
    text = _decode(reading, raw)
    lines = text.splitlines()
    for number, line in enumerate(lines[:HEADER_ROWS], start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for delimiter in ("\t", ";", ","):
            cells = next(csv.reader([line], delimiter=delimiter), [])
            if len(cells) > 1 and _header(cells) is not None:
                return _Rows(_csv_table(reading, lines, number, delimiter))
    raise InvalidFormatError(reading.name, [Problem("", _NO_TABLE)])


def _csv_table(reading: _Reading, lines: list[str], start: int, delimiter: str) -> list[tuple[int, list]]:
    rest = io.StringIO("\n".join(lines[start - 1:]), newline="")
    rows: list[tuple[int, list]] = []
    reader = csv.reader(rest, delimiter=delimiter)
    try:
        for cells in reader:
            number = start + reader.line_num - 1
            if rows and cells and cells[0].lstrip().startswith("#"):
                break
            if not any(c.strip() for c in cells):
                continue
            if len(rows) > MAX_ROWS:
                raise InvalidFormatError(reading.name, [Problem(f"row {number}", f"a report may hold at most "
                                                                                   f"{MAX_ROWS:,} rows")])
            rows.append((number, cells[:MAX_COLUMNS]))
    except csv.Error as error:
        raise InvalidFormatError(reading.name, [Problem(f"row {start + reader.line_num - 1}",
                                                        f"not a readable CSV row ({error})")]) from None
    return rows


# -- XLSX ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    """A workbook cell's value, and whether Excel shows it as a per cent or a time."""

    value: object
    number_format: str


def _workbook_rows(reading: _Reading, raw: bytes) -> _Rows:
    from openpyxl.utils import get_column_letter

    with open_workbook(reading.name, raw) as book:
        for sheet in book.worksheets:
            rows: list[tuple[int, list]] = []
            for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
                values = [_Cell(getattr(c, "value", None), getattr(c, "number_format", "") or "") for c in cells]
                if not rows:
                    if number > HEADER_ROWS:
                        break
                    if _header([_text(v) for v in values]) is None:
                        continue
                elif values and _text(values[0]).lstrip().startswith("#"):
                    break
                elif not any(_text(v).strip() for v in values):
                    continue
                if rows and number - rows[0][0] > MAX_ROWS:  # blank rows count: a sheet may claim a million
                    raise InvalidFormatError(reading.name, [Problem(f"{sheet.title}!A{number}", f"a report may hold "
                                                                    f"at most {MAX_ROWS:,} rows")])
                rows.append((number, values))
            if rows:
                return _Rows(rows, partial(_cell_name, sheet.title, get_column_letter))
    raise InvalidFormatError(reading.name, [Problem("", _NO_TABLE)])


def _cell_name(title: str, letter: Callable[[int], str], number: int, index: int) -> str:
    return f"{title}!{letter(index + 1)}{number}"


def _text(value) -> str:
    if isinstance(value, _Cell):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- the table ----------------------------------------------------------------------------------


def _header(cells: list[str]) -> _Table | None:
    """The key and figure columns named in `cells`, or None when they do not make a report's header."""
    key = None
    figures: dict[str, int] = {}
    names = {}
    ranks: dict[str, int] = {}
    levels: dict[int, int] = {}  # column: its level in a tree report
    for index, cell in enumerate(cells):
        name = _normal(cell)
        names[index] = cell.strip()
        level = _tree_level(name)
        if level is not None:
            levels[index] = level
        elif key is None and name in _KEYS:
            key = index
        for figure, known in _COLUMNS.items():
            rank = known.index(name) if name in known else None
            if rank is None and figure == "conversion" and any(word in name for word in _CONVERSION_WORDS):
                rank = len(known)
            if rank is not None and rank < ranks.get(figure, len(known) + 1):
                figures[figure], ranks[figure] = index, rank
    if levels:
        return _tree(cells, key, levels, figures, names)
    if key is None or not figures:
        return None
    kind, parameter = _KEYS[_normal(cells[key])]
    return _Table(key, cells[key].strip(), kind, parameter, figures, names)


def _tree_level(name: str) -> int | None:
    """The level of a tree report's column named `name` ("страница входа, ур. 2" is 2), or None."""
    found = _LEVEL.fullmatch(name)
    if found is None or _KEYS.get(found["name"], (None,))[0] != KeyKind.URL:
        return None
    return int(found["level"])


def _tree(cells: list[str], key: int | None, levels: dict[int, int], figures: dict[str, int],
          names: dict[int, str]) -> _Table | None:
    """A tree report's table: its level columns in order, then the whole address's column when the
    header has one (Метрика's last level)."""
    if not figures:
        return None
    columns = sorted(levels, key=lambda index: (levels[index], index))
    if key is not None and _KEYS[_normal(cells[key])][0] == KeyKind.URL:
        columns.append(key)
    deepest = columns[-1]
    shown = re.sub(r",?\s+(?:ур\.?|уровень|level)\s*\d+$", "", cells[columns[0]].strip(), flags=re.IGNORECASE)
    return _Table(deepest, shown, KeyKind.URL, "", figures, names, tuple(columns))


def _report(reading: _Reading, found: _Rows) -> Report:
    header_number, header_cells = found.rows[0]
    table = _header([_text(c) for c in header_cells])
    assert table is not None  # the header row is where one was found
    subtotals: list[int] = []
    body = _tree_leaves(found.rows[1:], table, subtotals) if table.levels else _flat_rows(found.rows[1:], table)
    fractions = _fraction_column(body, table)
    result = []
    for number, cells, key in body:
        figures = {}
        for figure, index in table.figures.items():
            cell = cells[index] if index < len(cells) else None
            try:
                figures[figure] = _READERS[figure](cell, fractions)
            except (NumberError, ValueError, OverflowError):
                where = found.place(number, index) if found.place else f'row {number}, column "{table.names[index]}"'
                reading.problem(where, _WHAT[figure])
        result.append(ReportRow(key, number, **figures))
    reading.fail_if_any()
    return Report(tuple(result), table.kind, table.key_name, table.parameter,
                  tuple(f for f in FIGURES if f in table.figures), tuple(subtotals))


def _flat_rows(rows: list[tuple[int, list]], table: _Table) -> list[tuple[int, list, str]]:
    """The rows with a key, and not the totals: (row number, cells, key)."""
    body = []
    for number, cells in rows:
        key = _text(cells[table.key]).strip() if table.key < len(cells) else ""
        if key and _normal(key) not in _TOTALS:
            body.append((number, cells, key))
    return body


def _tree_leaves(rows: list[tuple[int, list]], table: _Table, subtotals: list[int]) -> list[tuple[int, list, str]]:
    """A tree report's deepest rows, each keyed by its deepest level's address; a row with deeper
    rows under it (the levels it gives go on in a later row, or the next row is indented deeper)
    is a subtotal of the rows under it: its number goes to `subtotals`."""
    paths = []
    for number, cells in rows:
        texts = [_text(cells[index]) if index < len(cells) else "" for index in table.levels]
        path = tuple(text.strip() for text in texts if text.strip())
        if path and not any(_normal(text) in _TOTALS for text in path):
            indent = next(len(text) - len(text.lstrip()) for text in texts if text.strip())
            paths.append((number, cells, path, indent))
    parents = {path[:depth] for _, _, path, _ in paths for depth in range(1, len(path))}
    leaves = []
    for at, (number, cells, path, indent) in enumerate(paths):
        following = paths[at + 1] if at + 1 < len(paths) else None
        if path in parents or (following is not None and following[3] > indent):
            subtotals.append(number)
            continue
        leaves.append((number, cells, path[-1]))
    return leaves


def _fraction_column(body, table: _Table) -> bool:
    """Whether the conversion column's plain numbers are fractions (GA4's 0.125) rather than per cents
    (Метрика's 12.5): it is one of GA4's rates and no value in it is above 1 or written with `%`.
    (An Excel cell formatted as per cent holds a fraction whatever the column.)"""
    index = table.figures.get("conversion")
    if index is None or not _normal(table.names[index]).startswith(_GA4_RATES):
        return False
    for _, cells, _ in body:
        value = _value(cells[index]) if index < len(cells) else None
        if isinstance(value, str) and "%" in value:
            return False
        try:
            number = value if isinstance(value, (int, float)) else parse(str(value or ""))
        except NumberError:
            continue
        if number is not None and number > 1:
            return False
    return True


def _value(cell):
    return cell.value if isinstance(cell, _Cell) else cell


def _clicks(cell, fractions: bool) -> int | None:
    value = _value(cell)
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        if float(value) != int(value):
            raise ValueError
        number = int(value)
    else:
        number = parse(str(value or ""), whole=True)
    if number is not None and number < 0:
        raise ValueError
    return number


def _conversion(cell, fractions: bool) -> float | None:
    value = _value(cell)
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        number = float(value)
        fractions = fractions or (isinstance(cell, _Cell) and "%" in cell.number_format)
    else:
        number = parse(str(value or ""), percent=True)
        if number is None:
            return None
        if "%" in str(value):
            fractions = False
    number = float(Decimal(repr(float(number))) * 100) if fractions else float(number)
    if not 0 <= number <= 100:
        raise ValueError
    return number


def _time_on_site(cell, fractions: bool) -> float | None:
    value = _value(cell)
    if isinstance(value, bool) or isinstance(value, datetime):
        raise ValueError
    if isinstance(value, time):
        return float(value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6)
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)):
        number_format = cell.number_format if isinstance(cell, _Cell) else ""
        seconds = float(value) * 86400 if re.search(r"[hH]|mm:ss", number_format) else float(value)
    else:
        seconds = duration(str(value or ""))
        if seconds is None:
            return None
    if seconds < 0:
        raise ValueError
    return round(seconds, 3)


def duration(text: str) -> float | None:
    """Seconds in "00:01:23", "1:23", "83", "83,5", "1 мин 23 с", "1m 23s" (None when blank)."""
    text = text.strip()
    if not text:
        return None
    if ":" in text:
        parts = text.split(":")
        if len(parts) > 3 or not all(re.fullmatch(r"\d+", p.strip()) for p in parts[:-1]):
            raise ValueError
        seconds = parse(parts[-1])
        if seconds is None or seconds < 0 or (len(parts) > 1 and seconds >= 60):
            raise ValueError
        whole = [int(p) for p in parts[:-1]]
        if len(whole) == 2 and whole[1] >= 60:
            raise ValueError
        return float(sum(v * 60 ** (len(whole) - i) for i, v in enumerate(whole)) + seconds)
    if re.fullmatch(r"[\d\s.,\u00a0]+", text):
        return float(parse(text))
    spelled = _DURATION.fullmatch(text.casefold())
    if spelled is None or not any(spelled.group(g) for g in "hms"):
        raise ValueError
    return sum(float((spelled.group(g) or "0").replace(",", ".")) * scale for g, scale in (("h", 3600), ("m", 60),
                                                                                             ("s", 1)))


_READERS = {"clicks": _clicks, "conversion": _conversion, "time_on_site": _time_on_site}
