"""The report page of a PDF: the funnel drawn as bars with the largest drop marked, touchpoints per
stage, channels, owners, pain points and missed KPIs, in the map's language (the same figures as
`cjm-designer report` and the Analytics dock)."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..layout import TextLine, palette
from ..model import JourneyMap, numbers
from ..model.analytics import analyse, shown_names
from ..model.captions import caption
from ..model.plain import visible_bidi
from ..model.vocab import CHANNEL_LABELS, OWNER_LABELS, label
from .pdf_extras import BODY, HEADING, SMALL, STRONG, Writer
from .pdf_text import draw_lines

LIST_LINES = 12  # rows of a list before "and N more"


def draw_report(pdf: Canvas, doc: JourneyMap, page: tuple[float, float]) -> None:
    language, names, titles = shown_names(doc)

    def w(key: str) -> str:
        return caption(key, language)

    data = analyse(doc)
    margin = 40
    out = Writer(pdf, margin, margin, page[0] - 2 * margin)
    out.text(w("analytics"), HEADING, gap=10)
    half = (page[0] - 2 * margin - 24) / 2
    left = Writer(pdf, margin, out.y, half)
    left.text(w("funnel"), STRONG, gap=6)
    steps = data.funnel.steps
    most = max((step.entering or 0 for step in steps), default=0)
    if not most:
        left.text(w("no_funnel"), BODY, HexColor(palette.MUTED))
    for step in steps if most else []:
        share = (step.entering or 0) / most
        bar_w = max(half * 0.55 * share, 2)
        pdf.setFillColor(HexColor(palette.lighter(palette.CURVE, 150)))
        pdf.rect(left.x, left.y, bar_w, 14, stroke=0, fill=1)
        figure = numbers.count(step.entering, language)
        bar_text = visible_bidi(f"{names[step.stage_id]} · {figure}")  # drawn as is, not through wrap
        draw_lines(pdf, (TextLine(bar_text, 0, 10.5, 9),), left.x + 4, left.y)
        left.y += 16
        if step.conversion is not None:
            drop = step.stage_id == data.funnel.largest_drop
            note = numbers.percent(step.conversion, language) + (f" — {w('largest_drop')}" if drop else "")
            draw_lines(pdf, (TextLine(note, 0, 8, 8, drop, palette.KPI_MISSED if drop else palette.MUTED),),
                       left.x + 12, left.y)
            left.y += 11
    if data.funnel.overall is not None:
        left.y += 4
        left.text(w("overall").format(value=numbers.percent(data.funnel.overall, language)), BODY)
    left.y += 10
    left.text(f"{w('touchpoints')}: {data.total_touchpoints}", STRONG, gap=4)
    for stage_id, count in data.touchpoints.items():
        left.text(f"{names[stage_id]}: {count}", SMALL, gap=1)

    right = Writer(pdf, margin + half + 24, out.y, half)
    _counts(right, w("channels"), [(label(CHANNEL_LABELS, k, language), n) for k, n in data.channels.most_common()], w)
    _counts(right, w("owners"), [(label(OWNER_LABELS, k, language), n) for k, n in data.owners.most_common()], w)
    _list(right, w("pains"), [f"{titles[c]} ({names[s]})" for c, s in data.pain_points], w)
    missed = []
    for stage_id, card_id, kpi in data.kpis_missed:
        figures = f"{numbers.decimal(kpi.actual, language)} / {numbers.decimal(kpi.target, language)} {kpi.unit}"
        missed.append(f"{kpi.name or (titles[card_id] if card_id else names[stage_id])}: {figures.rstrip()}")
    _list(right, w("kpis"), missed, w)


def _counts(out: Writer, heading: str, rows: list[tuple[str, int]], w) -> None:
    out.text(heading, STRONG, gap=4)
    if not rows:
        out.text(w("none"), SMALL, HexColor(palette.MUTED), gap=8)
        return
    out.text(" · ".join(f"{name} {n}" for name, n in rows), SMALL, max_lines=4, gap=8)


def _list(out: Writer, heading: str, rows: list[str], w) -> None:
    out.text(heading, STRONG, gap=4)
    for row in rows[:LIST_LINES]:
        out.text(f"• {row}", SMALL, max_lines=2, gap=1)
    if len(rows) > LIST_LINES:
        more = len(rows) - LIST_LINES
        out.text(w("and_more").format(more=more), SMALL, HexColor(palette.MUTED))
    if not rows:
        out.text(w("none"), SMALL, HexColor(palette.MUTED))
    out.y += 8

