"""Which touchpoint cards the rows of a web-analytics report are about, and the figures each card gets.

A report (Яндекс.Метрика, Google Analytics 4; read by `io.metrics_report`) has one key column — page
addresses, UTM values or traffic sources — and some of visits, conversion and time on site. The
cards are matched by a field the user chooses:

- **URL** (`Card.url`): addresses are compared as a marketer reads them, not as text: the scheme, the
  case of the host, a leading `www.`, a trailing slash and the fragment do not matter; a row that
  holds only a path (`/catalog/`, as both tools write landing pages) matches a card's address with
  the same path on any host; a query string counts only when both sides have one, and then as a set
  of parameters (`?utm_source=a&utm_medium=b` is `?utm_medium=b&utm_source=a`).
- **UTM** : the card's `url` holds a tagged address (or the bare value); its `utm_source`,
  `utm_campaign`, `utm_content`… — the one the report's key column is about — or its
  `utm_source / utm_medium`, is compared with the row's value, case and spaces around `/` ignored.
- **tag**: a card's tag equals the row's key (case ignored).
- **auto**: URL (or UTM, for a report of UTM values) when some card has an address, else tags.

Ambiguity is resolved, never refused, and always reported: one row that matches several cards gives
each of them its figures; several rows that match one card are combined — visits summed, conversion
and time on site averaged weighted by visits (plain averages when the rows have no visits). A
report's figure that a row leaves blank keeps the card's own; figures the report has no column for
are left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import parse_qsl, unquote, urlsplit

from .document import JourneyMap
from .elements import Card, Metrics

FIGURES = ("clicks", "conversion", "time_on_site")
SOURCE_MEDIUM = "source / medium"  # the key parameter of a "Session source / medium" column


class KeyKind(StrEnum):
    """What a report's key column holds."""

    URL = "url"  # page addresses or paths
    UTM = "utm"  # a UTM parameter's values, or "source / medium"
    TEXT = "text"  # other names (Metrica's traffic sources): matched by tag only


class MatchBy(StrEnum):
    """The card field rows are matched by."""

    AUTO = "auto"
    URL = "url"
    UTM = "utm"
    TAG = "tag"


@dataclass(frozen=True)
class ReportRow:
    """One row of a report: its key and the figures it gives (None where its cell is blank); `number`
    is where it is in the file (a line, or a sheet's row), for the lists the user reads."""

    key: str
    number: int
    clicks: int | None = None
    conversion: float | None = None
    time_on_site: float | None = None


@dataclass(frozen=True)
class Report:
    """A report as read: its rows, the kind of its key column, the UTM parameter that column is about
    (`utm_campaign`, `SOURCE_MEDIUM`; "" for addresses and names), the figures it has columns for, and
    the rows of a tree report's upper levels left out as subtotals (file places)."""

    rows: tuple[ReportRow, ...]
    key_kind: KeyKind
    key_column: str
    parameter: str = ""
    figures: tuple[str, ...] = FIGURES
    subtotals: tuple[int, ...] = ()


@dataclass(frozen=True)
class CardMatch:
    """A card the report has figures for: the key that matched (of a card with several tags, the tags
    that found rows), the rows matched (file places), and its figures before and after."""

    card_id: str
    key: str
    rows: tuple[ReportRow, ...]
    before: Metrics | None
    after: Metrics

    @property
    def changed(self) -> bool:
        return (self.before or Metrics()) != self.after


@dataclass
class Plan:
    """What importing a report would do: the cards matched, the rows and the cards (with a key) left
    over, and the ambiguous keys — a row for several cards, several rows for one card."""

    by: MatchBy
    matched: list[CardMatch] = field(default_factory=list)
    unmatched_rows: list[ReportRow] = field(default_factory=list)
    unmatched_cards: list[tuple[str, str]] = field(default_factory=list)  # (card id, its key)
    shared_rows: list[tuple[ReportRow, list[str]]] = field(default_factory=list)  # a row, the card ids it fills
    combined: list[CardMatch] = field(default_factory=list)  # matches of several rows

    @property
    def changed(self) -> list[CardMatch]:
        return [m for m in self.matched if m.changed]

    def changes(self) -> dict[str, dict[str, Metrics]]:
        """The new figures, as `Editor.set_fields` takes them (kind CARD, field "metrics")."""
        return {m.card_id: {"metrics": m.after} for m in self.changed}


def plan_import(doc: JourneyMap, report: Report, by: MatchBy = MatchBy.AUTO) -> Plan:
    """What importing `report` into `doc` by the field `by` would change (nothing is changed)."""
    by = resolved(doc, report, by)
    keys = {card.id: card_keys(card, by, report.parameter) for card in doc.cards}
    keys = {card_id: found for card_id, found in keys.items() if found}
    index = _RowIndex(report.rows, by)
    rows_of: dict[str, list[ReportRow]] = {}
    matched_keys: dict[str, str] = {}
    cards_of: dict[int, list[str]] = defaultdict(list)
    for card_id, card_key in keys.items():
        found, which = index.find(card_key)
        if found:
            rows_of[card_id], matched_keys[card_id] = found, ", ".join(which)
            for row in found:
                cards_of[row.number].append(card_id)
    plan = Plan(by)
    for card in doc.cards:
        if card.id in rows_of:
            rows = tuple(rows_of[card.id])
            match = CardMatch(card.id, matched_keys[card.id], rows, card.metrics, _figures(card.metrics, rows, report))
            plan.matched.append(match)
            if len(rows) > 1:
                plan.combined.append(match)
        elif card.id in keys:
            plan.unmatched_cards.append((card.id, keys[card.id][0]))
    for row in report.rows:
        cards = cards_of.get(row.number)
        if not cards:
            plan.unmatched_rows.append(row)
        elif len(cards) > 1:
            plan.shared_rows.append((row, cards))
    return plan


def resolved(doc: JourneyMap, report: Report, by: MatchBy) -> MatchBy:
    """`by`, with AUTO made the field it stands for with this map and report."""
    if by != MatchBy.AUTO:
        return by
    if report.key_kind != KeyKind.TEXT and any(card.url.strip() for card in doc.cards):
        return MatchBy.URL if report.key_kind == KeyKind.URL else MatchBy.UTM
    return MatchBy.TAG


def write_figures(doc: JourneyMap, plan: Plan) -> int:
    """Give the cards of `doc` — a map no editing session holds, such as the command line's — their
    new figures; the number of cards changed. (A window's map changes through `Editor.set_fields`.)"""
    cards = {card.id: card for card in doc.cards}
    for match in plan.changed:
        cards[match.card_id].metrics = match.after
    return len(plan.changed)


# -- keys ---------------------------------------------------------------------------------------


def card_keys(card: Card, by: MatchBy, parameter: str = "") -> list[str]:
    """The keys a card is matched by (as written on the card): its address, its UTM value, its tags."""
    if by == MatchBy.TAG:
        return [tag for tag in card.tags if tag.strip()]
    url = card.url.strip()
    if not url:
        return []
    if by == MatchBy.URL:
        return [url]
    value = utm_value(url, parameter)
    return [value] if value else []


def utm_value(url: str, parameter: str) -> str:
    """The value of `parameter` in a tagged address (`utm_source / utm_medium` for `SOURCE_MEDIUM`);
    a card's text with no query string is taken as the value itself."""
    query = url.split("#", 1)[0]
    if "?" not in query and "=" not in query:
        return "" if "://" in url or url.startswith("/") else url  # an address without tags has no value
    pairs = {name.strip().casefold(): value.strip()
             for name, value in parse_qsl(query.split("?", 1)[-1], keep_blank_values=True)}
    if parameter == SOURCE_MEDIUM:
        source, medium = pairs.get("utm_source", ""), pairs.get("utm_medium", "")
        return f"{source} / {medium}" if source and medium else ""
    return pairs.get(parameter, "")


def text_key(text: str) -> str:
    """A UTM value or a tag as compared: case, spaces around it and around a `/` ignored."""
    return " / ".join(part.strip() for part in text.casefold().split("/")).strip()


@dataclass(frozen=True)
class Address:
    """An address as compared: host (no `www.`, lower case; "" for a path alone), path (unquoted, no
    trailing slash) and query parameters (None without a query string)."""

    host: str
    path: str
    query: frozenset[tuple[str, str]] | None

    def matches(self, other: Address) -> bool:
        if self.path != other.path:
            return False
        if self.host and other.host and self.host != other.host:
            return False
        return self.query is None or other.query is None or self.query == other.query


def address(text: str) -> Address:
    """How `text` (`https://www.Site.ru/a/?x=1#top`, `site.ru/a`, `/a/`) is compared."""
    text = text.strip()
    if not text.startswith(("/", "?")) and "://" not in text:
        if "." not in text.split("/", 1)[0]:
            return Address("", text, None)  # not an address ("spring-sale"): never the site's root
        text = "//" + text  # a host without a scheme: site.ru/a, www.site.ru
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # "http://[x", "site.ru:port": not an address, compared as the text it is
        return Address("", text, None)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = unquote(parts.path).rstrip("/")
    query = frozenset(parse_qsl(parts.query, keep_blank_values=True)) if parts.query else None
    return Address(host, path, query)


class _RowIndex:
    """The report's rows by what they are compared by, so that 5,000 cards find their rows at once."""

    def __init__(self, rows: Iterable[ReportRow], by: MatchBy):
        self.by = by
        self.rows: dict[str, list[tuple[Address | None, ReportRow]]] = defaultdict(list)
        for row in rows:
            if by == MatchBy.URL:
                where = address(row.key)
                self.rows[where.path].append((where, row))
            else:
                self.rows[text_key(row.key)].append((None, row))

    def find(self, keys: list[str]) -> tuple[list[ReportRow], list[str]]:
        """The rows any of `keys` matches, and the keys that matched some."""
        found: dict[int, ReportRow] = {}
        which = []
        for key in keys:
            if self.by == MatchBy.URL:
                where = address(key)
                rows = [row for at, row in self.rows.get(where.path, ()) if at is not None and at.matches(where)]
            else:
                rows = [row for _, row in self.rows.get(text_key(key), ())]
            if rows:
                which.append(key)
                found.update((row.number, row) for row in rows)
        return [found[number] for number in sorted(found)], which


# -- figures ------------------------------------------------------------------------------------


def _figures(before: Metrics | None, rows: tuple[ReportRow, ...], report: Report) -> Metrics:
    """The card's figures once the report's are in: `combined` figures for the report's columns, the
    card's own where no matched row has a figure."""
    old = before or Metrics()
    new = combined(rows)
    values = {name: getattr(new, name) if name in report.figures and getattr(new, name) is not None
              else getattr(old, name) for name in FIGURES}
    return Metrics(**values)


def combined(rows: tuple[ReportRow, ...] | list[ReportRow]) -> Metrics:
    """The figures of several rows as one: visits summed; conversion and time on site averaged,
    weighted by visits (plainly when no row with the figure has visits)."""
    if len(rows) == 1:
        row = rows[0]
        return Metrics(clicks=row.clicks, conversion=row.conversion, time_on_site=row.time_on_site)
    visits = [row.clicks for row in rows if row.clicks is not None]
    return Metrics(clicks=sum(visits) if visits else None,
                   conversion=_average(rows, "conversion", 2),
                   time_on_site=_average(rows, "time_on_site", 1))


def _average(rows, name: str, digits: int) -> float | None:
    given = [(getattr(row, name), row.clicks or 0) for row in rows if getattr(row, name) is not None]
    if not given:
        return None
    weight = sum(w for _, w in given)
    if weight:
        return round(sum(value * w for value, w in given) / weight, digits)
    return round(sum(value for value, _ in given) / len(given), digits)
