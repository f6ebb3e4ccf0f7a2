"""The report page of a PDF: the funnel drawn as bars with the largest drop marked, touchpoints per
stage, channels, owners, pain points and missed KPIs, in panels that fill the page, in the map's
language (the same figures as `cjm-designer report` and the Analytics dock).

Every label has its own column or row: a bar's figure inside the bar when it fits there, else beside
it (the bars are scaled to leave room for that); names wrap and shorten within their column; a list
shows what its panel holds and says how many more there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..layout import Rect, TextLine, palette
from ..layout.card_face import metrics_text
from ..layout.text import TextStyle
from ..model import JourneyMap, Variant, numbers
from ..model.ab_test import ab_tests, outcome
from ..model.analytics import Analytics, analyse, kpi_attainment, shown_names
from ..model.captions import caption
from ..model.vocab import CHANNEL_LABELS, OWNER_LABELS, label
from .pdf_boxes import as_a4, block, fill_heights, frame, text_box, tint
from .pdf_extras import HEADING
from .pdf_text import draw_lines

ROW, FIGURE, NOTE = TextStyle(9), TextStyle(9, bold=True), TextStyle(7.5)
PANEL_HEADING = TextStyle(11, bold=True)
BAR_HEIGHT, MIN_BAR, INSET = 14.0, 2.0, 5.0  # a bar's thickness and least length; a figure's gap to its ends
PAD, GAP = 14.0, 14.0  # inside a panel; between panels
FUNNEL, TOUCHPOINTS = palette.CURVE, palette.LINK_STYLES["message"][0]
CHANNELS, OWNERS = palette.LINK_STYLES["call"][0], palette.LINK_STYLES["email"][0]
AB_TESTS = "#00897B"  # teal, none of the other panels' colours


class Row(Protocol):
    """One line of a panel: how tall it is at a width, and how it draws itself in a given box."""

    def height(self, width: float) -> float: ...

    def draw(self, pdf: Canvas, box: Rect) -> None: ...


@dataclass
class Text:
    """A sentence: a summary under a chart, or "none" in an empty panel."""

    text: str
    style: TextStyle = ROW
    color: str = palette.INK
    max_lines: int = 3

    def height(self, width: float) -> float:
        return block(self.text, self.style, width, self.max_lines * self.style.line_height)[1] + 4

    def draw(self, pdf: Canvas, box: Rect) -> None:
        text_box(pdf, self.text, self.style, box._replace(h=box.h - 4), self.color)


def _columns(width: float, note: bool) -> tuple[float, float, float]:
    """The name column, the bar area and the note column of a bar chart `width` wide."""
    note_w = 66.0 if note else 0.0
    name_w = min(max(width * 0.36, 80.0), 170.0)
    return name_w, width - name_w - note_w - (16 if note else 8), note_w


@dataclass
class Header:
    """The captions over a bar chart's columns."""

    captions: tuple[str, str, str]

    def _parts(self, width: float) -> list[tuple[list[TextLine], float]]:
        name_w, bar_w, note_w = _columns(width, True)
        parts = []
        for text, x, column_w in zip(self.captions, (0.0, name_w + 8, width - note_w), (name_w, bar_w, note_w)):
            lines, height = block(text, NOTE, column_w, 2 * NOTE.line_height, palette.MUTED)
            parts.append(([line._replace(x=x) for line in lines], height))
        return parts

    def height(self, width: float) -> float:
        return max(h for _, h in self._parts(width)) + 4

    def draw(self, pdf: Canvas, box: Rect) -> None:
        for lines, _ in self._parts(box.w):
            draw_lines(pdf, lines, box.x, box.y)


@dataclass
class Bar:
    """A stage, channel or owner: its name in the name column; its bar, `share` of the widest, with
    the figure inside when the bar is wide enough and beside it otherwise; a note (a conversion)
    and a remark under it in the note column."""

    name: str
    figure: str
    share: float
    color: str
    peers: tuple[tuple[float, float], ...]  # (share, figure width) of every bar of the chart
    note: str | None = None
    note_color: str = palette.MUTED
    remark: str = ""
    name_lines: int = 2  # 1 when a panel needs the room for more rows

    def _name(self, width: float) -> tuple[list[TextLine], float]:
        return block(self.name, ROW, _columns(width, self.note is not None)[0], self.name_lines * ROW.line_height)

    def _note(self, width: float) -> tuple[list[TextLine], float]:
        note_w = _columns(width, True)[2]
        strong = TextStyle(9, bold=bool(self.remark))
        note, note_h = block(self.note or "", strong, note_w, strong.line_height, self.note_color)
        remark, remark_h = block(self.remark, NOTE, note_w, 2 * NOTE.line_height, self.note_color, note_h)
        return [line._replace(x=note_w - strong.width(line.text)) for line in note] + remark, note_h + remark_h

    def height(self, width: float) -> float:
        return max(self._name(width)[1], self._note(width)[1], BAR_HEIGHT) + 6

    def draw(self, pdf: Canvas, box: Rect) -> None:
        name_w, bar_w, note_w = _columns(box.w, self.note is not None)
        middle = box.y + box.h / 2
        name, name_h = self._name(box.w)
        draw_lines(pdf, name, box.x, middle - name_h / 2)
        left, scale = box.x + name_w + 8, bar_scale(bar_w, self.peers)
        pdf.setFillColor(HexColor(tint(self.color, 0.12)))
        pdf.rect(left, middle - BAR_HEIGHT / 2, bar_w, BAR_HEIGHT, stroke=0, fill=1)  # a figure beside is on it
        length = max(scale * self.share, MIN_BAR)
        pdf.setFillColor(HexColor(self.color))
        pdf.rect(left, middle - BAR_HEIGHT / 2, length, BAR_HEIGHT, stroke=0, fill=1)
        figure_w = FIGURE.width(self.figure)
        inside = length >= figure_w + 2 * INSET
        x = left + length - figure_w - INSET if inside else left + length + INSET
        draw_lines(pdf, (TextLine(self.figure, x, middle + FIGURE.size * 0.35, FIGURE.size, True),), 0, 0,
                   HexColor("#FFFFFF" if inside else palette.INK))
        if self.note is not None:
            note, note_h = self._note(box.w)
            draw_lines(pdf, note, box.right - note_w, middle - note_h / 2)


def bar_scale(area: float, peers: tuple[tuple[float, float], ...]) -> float:
    """The length of a whole bar in a chart `area` wide: the longest at which each figure fits inside
    its bar or beside it within the area, never half out of a bar. Shortening the bars only makes
    room beside them, so each pass settles at least one more bar."""
    scale = area
    for _ in peers:
        wrong = [(share, width) for share, width in peers if max(scale * share, MIN_BAR) < width + 2 * INSET
                 and max(scale * share, MIN_BAR) + INSET + width > area]
        if not wrong:
            break
        scale = min((area - INSET - width) / max(share, 1e-9) for share, width in wrong)
    return max(scale, 0.0)


@dataclass
class Item:
    """An entry of a list: a dot in the panel's colour, the text, and where it is, greyed, below."""

    text: str
    where: str
    color: str
    attainment: float | None = None  # a KPI: how far it reaches its target, drawn as a thin gauge

    def _lines(self, width: float) -> tuple[list[TextLine], float]:
        text, text_h = block(self.text, ROW, width - 12, 2 * ROW.line_height)
        where, where_h = block(self.where, NOTE, width - 12, NOTE.line_height, palette.MUTED, text_h)
        return text + where, text_h + where_h

    def height(self, width: float) -> float:
        return self._lines(width)[1] + (10 if self.attainment is not None else 5)

    def draw(self, pdf: Canvas, box: Rect) -> None:
        lines, text_h = self._lines(box.w)
        pdf.setFillColor(HexColor(self.color))
        pdf.circle(box.x + 3, box.y + ROW.size * 0.6, 2.4, stroke=0, fill=1)
        draw_lines(pdf, lines, box.x + 12, box.y)
        if self.attainment is not None:
            track = Rect(box.x + 12, box.y + text_h + 3, box.w - 12, 3)
            pdf.setFillColor(HexColor(tint(self.color, 0.18)))
            pdf.rect(*track, stroke=0, fill=1)
            pdf.setFillColor(HexColor(self.color))
            pdf.rect(track.x, track.y, track.w * min(max(self.attainment, 0.0), 1.0), track.h, stroke=0, fill=1)


@dataclass
class AbTest:
    """A card's A/B test: the card and its stage, a line for each variant with its figures (the
    winner's bold), and the outcome."""

    title: str
    where: str
    variants: list[tuple[str, bool]]  # a variant's line, and whether it won
    result: str

    def _lines(self, width: float) -> tuple[list[TextLine], float]:
        inner = width - 12
        lines, y = block(self.title, ROW, inner, 2 * ROW.line_height)
        where, height = block(self.where, NOTE, inner, NOTE.line_height, palette.MUTED, y)
        lines, y = lines + where, y + height + 2
        for text, won in self.variants:
            line, height = block(text, TextStyle(NOTE.size, bold=won), inner, 2 * NOTE.line_height, None, y)
            lines, y = lines + line, y + height
        result, height = block(self.result, NOTE, inner, 2 * NOTE.line_height, palette.MUTED, y + 1)
        return lines + result, y + 1 + height

    def height(self, width: float) -> float:
        return self._lines(width)[1] + 7

    def draw(self, pdf: Canvas, box: Rect) -> None:
        pdf.setFillColor(HexColor(AB_TESTS))
        pdf.circle(box.x + 3, box.y + ROW.size * 0.6, 2.4, stroke=0, fill=1)
        draw_lines(pdf, self._lines(box.w)[0], box.x + 12, box.y)


@dataclass
class Panel:
    heading: str
    color: str
    rows: list[Row]
    footer: list[Row] = field(default_factory=list)  # always shown, after the rows
    more: str = ""  # "… and {more} more", for rows that do not fit
    stretch: bool = False  # rows share the panel's spare height (bars), or stay at the top (lists)

    def height(self, width: float) -> float:
        inner = width - 2 * PAD
        rows = sum(row.height(inner) for row in self.rows + self.footer)
        return PANEL_HEADING.line_height + 8 + rows + 2 * PAD

    def draw(self, pdf: Canvas, box: Rect) -> None:
        frame(pdf, box)
        pdf.setFillColor(HexColor(self.color))
        pdf.roundRect(box.x + PAD, box.y + PAD + 1.5, 4, PANEL_HEADING.size, 1.5, stroke=0, fill=1)
        text_box(pdf, self.heading, PANEL_HEADING, Rect(box.x + PAD + 11, box.y + PAD, box.w - 2 * PAD - 11,
                                                        PANEL_HEADING.line_height))
        inner = Rect(box.x + PAD, box.y + PAD + PANEL_HEADING.line_height + 8, box.w - 2 * PAD, 0)
        inner = inner._replace(h=box.bottom - PAD - inner.y)
        limit = inner.bottom - sum(row.height(inner.w) for row in self.footer)
        heights, shown = self._fitting(inner.w, limit - inner.y)
        if shown < len(self.rows):
            self.compact()
            heights, shown = self._fitting(inner.w, limit - inner.y)
        spare = limit - inner.y - sum(heights[:shown])
        extra = min(spare / shown, 12.0) if self.stretch and shown == len(heights) and shown else 0.0
        y = inner.y
        for row, height in zip(self.rows[:shown], heights):
            row.draw(pdf, Rect(inner.x, y, inner.w, height + extra))
            y += height + extra
        if shown < len(self.rows):
            left = self._more(len(self.rows) - shown)
            left.draw(pdf, Rect(inner.x, y, inner.w, left.height(inner.w)))
            y += left.height(inner.w)
        for row in self.footer:
            row.draw(pdf, Rect(inner.x, y, inner.w, row.height(inner.w)))
            y += row.height(inner.w)

    def compact(self) -> None:
        """Names on one line, to show more of the rows."""
        for row in self.rows:
            if isinstance(row, Bar):
                row.name_lines = 1

    def _more(self, count: int) -> Text:
        return Text(self.more.format(more=count), NOTE, palette.MUTED, 1)

    def _fitting(self, width: float, room: float) -> tuple[list[float], int]:
        """The rows' heights, and how many of them fit in `room` (with the "and N more" line when
        not all do)."""
        heights = [row.height(width) for row in self.rows]
        more, used = self._more(len(self.rows)).height(width), 0.0
        for i, height in enumerate(heights):
            if used + height + (more if i + 1 < len(heights) else 0) > room:
                return heights, i
            used += height
        return heights, len(heights)


def draw_report(pdf: Canvas, doc: JourneyMap, page: tuple[float, float]) -> None:
    """The panels in columns that fill the page: three on a landscape sheet, two on a portrait one."""
    language = shown_names(doc)[0]
    margin, top = 40, 44
    pdf.saveState()
    page = as_a4(pdf, page)
    y = top + text_box(pdf, caption("analytics", language), HEADING, Rect(margin, top, page[0] - 2 * margin, 40)) + 10
    area = Rect(margin, y, page[0] - 2 * margin, page[1] - margin - 6 - y)
    panels = _panels(doc, analyse(doc))
    tests = ["ab_tests"] if "ab_tests" in panels else []
    if page[0] > page[1]:
        columns = [(0.4, ["funnel", "touchpoints"]), (0.27, ["channels", "owners"]), (0.33, ["pains", "kpis"] + tests)]
    else:
        columns = [(0.55, ["funnel", "touchpoints", "channels"]), (0.45, ["owners", "pains", "kpis"] + tests)]
    x = area.x
    for share, keys in columns:
        width = (area.w - GAP * (len(columns) - 1)) * share
        room = area.h - GAP * (len(keys) - 1)
        if sum(panels[key].height(width) for key in keys) > room:
            for key in keys:
                panels[key].compact()
        heights = fill_heights(room, [panels[key].height(width) for key in keys])
        y = area.y
        for key, height in zip(keys, heights):
            panels[key].draw(pdf, Rect(x, y, width, height))
            y += height + GAP
        x += width + GAP
    pdf.restoreState()


def _panels(doc: JourneyMap, data: Analytics) -> dict[str, Panel]:
    language, names, titles = shown_names(doc)

    def w(key: str) -> str:
        return caption(key, language)

    def none() -> list[Row]:
        return [Text(w("none"), ROW, palette.MUTED)]

    more = w("and_more")
    overall = data.funnel.overall
    summary = [Text(w("overall").format(value=numbers.percent(overall, language)), TextStyle(10, bold=True))
               ] if overall is not None else []
    panels = {"funnel": Panel(w("funnel"), FUNNEL, _funnel(data, names, language, w), summary, more, True),
              "touchpoints": Panel(f"{w('touchpoints')}: {data.total_touchpoints}", TOUCHPOINTS, _bars(
                  [(names[stage], count) for stage, count in data.touchpoints.items()], TOUCHPOINTS, language)
                  or none(), more=more, stretch=True)}
    for key, labels, color in (("channels", CHANNEL_LABELS, CHANNELS), ("owners", OWNER_LABELS, OWNERS)):
        counts = getattr(data, key).most_common()
        panels[key] = Panel(w(key), color, _bars([(label(labels, k, language), n) for k, n in counts], color,
                                                  language) or none(), more=more, stretch=True)
    pains = [Item(titles[card], names[stage], palette.PAIN) for card, stage in data.pain_points]
    panels["pains"] = Panel(w("pains"), palette.PAIN, pains or none(), more=more)
    missed: list[Row] = []
    for stage_id, card_id, kpi in data.kpis_missed:
        figures = f"{numbers.decimal(kpi.actual, language)} / {numbers.decimal(kpi.target, language)} {kpi.unit}"
        name = kpi.name or (titles[card_id] if card_id else names[stage_id])
        missed.append(Item(f"{name}: {figures.rstrip()}", names[stage_id], palette.KPI_MISSED, kpi_attainment(kpi)))
    counted = data.kpis_met + len(data.kpis_missed)
    met = [Text(w("kpis_met").format(met=data.kpis_met, all=counted), ROW, palette.MUTED)] if counted else []
    panels["kpis"] = Panel(w("kpis"), palette.KPI_MISSED, missed or none(), met, more)
    tests: list[Row] = [AbTest(card.title or card.id, names[card.stage],
                               [(_variant_line(v, language), v.name == result.winner) for v in card.variants],
                               outcome(result, language)) for card, result in ab_tests(doc)]
    if tests:
        panels["ab_tests"] = Panel(w("ab_tests"), AB_TESTS, tests, more=more)
    return panels


def _variant_line(variant: Variant, language: str) -> str:
    """A variant's name, what differs and its figures, as a card writes its figures."""
    figures = variant.metrics
    shown = metrics_text((figures.clicks, figures.conversion, figures.time_on_site), language) if figures else ""
    head = f"{variant.name} — {variant.description}" if variant.description else variant.name
    return f"{head}: {shown}" if shown else head


def _funnel(data: Analytics, names: dict[str, str], language: str, w) -> list[Row]:
    steps = data.funnel.steps
    most = max((step.entering or 0 for step in steps), default=0)
    if not most:
        return [Text(w("no_funnel"), ROW, palette.MUTED)]
    peers = tuple(((step.entering or 0) / most, FIGURE.width(numbers.count(step.entering, language)))
                  for step in steps)
    rows: list[Row] = [Header((w("stage"), w("entering"), w("conversion")))]
    for step in steps:
        drop = step.stage_id == data.funnel.largest_drop
        rows.append(Bar(names[step.stage_id], numbers.count(step.entering, language), (step.entering or 0) / most,
                        FUNNEL, peers, numbers.percent(step.conversion, language) if step.conversion is not None
                        else "", palette.KPI_MISSED if drop else palette.MUTED, w("largest_drop") if drop else ""))
    return rows


def _bars(counts: list[tuple[str, int]], color: str, language: str) -> list[Row]:
    most = max((n for _, n in counts), default=0)
    shown = [(name, numbers.count(n, language), n / most if most else 0.0) for name, n in counts]
    peers = tuple((share, FIGURE.width(figure)) for _, figure, share in shown)
    return [Bar(name, figure, share, color, peers) for name, figure, share in shown]
