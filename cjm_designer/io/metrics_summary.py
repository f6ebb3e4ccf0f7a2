"""What importing a web-analytics report would do, as plain text for the terminal
(`cjm-designer import-metrics`): what matched, what did not, what changed, and how ambiguous keys
were resolved. Titles and keys are data: shown on one line each, their control characters visible."""

from __future__ import annotations

from ..model import JourneyMap, Metrics, numbers
from ..model.captions import map_language
from ..model.metrics_match import CardMatch, MatchBy, Plan, Report, ReportRow
from ..model.plain import one_line

TITLE_LIMIT = 40
KEY_LIMIT = 80
LISTED = 20  # rows or cards listed in each section; the rest are counted
FIGURE_NAMES = {"clicks": "visits", "conversion": "conversion", "time_on_site": "time on site"}
BY_NAMES = {MatchBy.URL: "page address (url)", MatchBy.UTM: "UTM tag (url)", MatchBy.TAG: "tag"}


def plan_text(doc: JourneyMap, report: Report, plan: Plan, report_name: str) -> list[str]:
    """The lines that describe `plan`, made from `report` (read from `report_name`) for `doc`."""
    language = map_language(doc)
    titles = {card.id: _title(card.title, card.id) for card in doc.cards}
    figures = ", ".join(FIGURE_NAMES[f] for f in report.figures)
    rows = len(report.rows)
    lines = [f"{report_name}: {rows} row{'' if rows == 1 else 's'} by “{one_line(report.key_column, 60)}” "
             f"({figures}); cards matched by {BY_NAMES[plan.by]}"]
    if report.subtotals:
        lines.append(f"a tree report: {len(report.subtotals)} subtotal row{'' if len(report.subtotals) == 1 else 's'}"
                     f" of upper levels left out (rows {_numbers(report.subtotals)}), only the deepest rows are read")
    changed, same = plan.changed, [m for m in plan.matched if not m.changed]
    lines += _section(f"changed, {_cards(len(changed))}",
                      [f"{titles[m.card_id]}: {_change(m, report, language)}" for m in changed])
    lines += _section(f"unchanged, {_cards(len(same))}", [titles[m.card_id] for m in same])
    lines += _section(f"report rows that matched no card, {len(plan.unmatched_rows)}",
                      [_row(row) for row in plan.unmatched_rows])
    lines += _section(f"cards with a {BY_NAMES[plan.by]} that matched no row, {len(plan.unmatched_cards)}",
                      [f"{titles[card_id]} {one_line(key, KEY_LIMIT)}" for card_id, key in plan.unmatched_cards])
    lines += _section("one row for several cards (each gets its figures)",
                      [f"{_row(row)} → {', '.join(titles[c] for c in cards)}" for row, cards in plan.shared_rows])
    lines += _section("several rows for one card (visits summed, conversion and time on site averaged by visits)",
                      [f"{titles[m.card_id]} ← rows {', '.join(str(r.number) for r in m.rows)}"
                       for m in plan.combined])
    return lines


def _section(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    more = len(items) - LISTED
    return [f"{heading}:"] + [f"  {item}" for item in items[:LISTED]] + ([f"  … and {more} more"] if more > 0 else [])


def _numbers(numbers: tuple[int, ...]) -> str:
    shown = ", ".join(str(n) for n in numbers[:LISTED])
    return shown + (f" and {len(numbers) - LISTED} more" if len(numbers) > LISTED else "")


def _cards(n: int) -> str:
    return f"{n} card{'' if n == 1 else 's'}"


def _title(title: str, card_id: str) -> str:
    return f"“{one_line(title, TITLE_LIMIT)}”" if title.strip() else card_id


def _row(row: ReportRow) -> str:
    return f"row {row.number} {one_line(row.key, KEY_LIMIT)}"


def _change(match: CardMatch, report: Report, language: str) -> str:
    before = match.before or Metrics()
    parts = [f"{FIGURE_NAMES[name]} {figure(before, name, language)} → {figure(match.after, name, language)}"
             for name in report.figures if getattr(before, name) != getattr(match.after, name)]
    return ", ".join(parts)


def figure(metrics: Metrics, name: str, language: str) -> str:
    """One figure of `metrics` as the map's readers write it: 1 234, 8,5 %, 2:14."""
    value = getattr(metrics, name)
    if name == "clicks":
        return numbers.count(value, language)
    if name == "conversion":
        return numbers.per_cent(value, language)
    return clock(value)


def clock(seconds: float | None) -> str:
    """Seconds as minutes and seconds, 2:14 (1:02:05 past an hour), as both tools show time on site."""
    if seconds is None:
        return numbers.MISSING
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
