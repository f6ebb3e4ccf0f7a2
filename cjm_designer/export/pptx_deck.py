"""The map as a PowerPoint deck (16:9) for presenting it: a title slide, a slide per persona, the whole
map as one sharp picture, a slide (or a few) per stage with its cards as native shapes that can be
edited (export/pptx_stage.py), the funnel as a native chart and the analytics: pain points, missed
KPIs and A/B tests. Written in the map's language, in PT Sans with fallbacks (export/pptx_text.py).

The figures come from the same functions the PDF report and the Markdown report use (model/analytics,
model/ab_test), the map picture from the PNG export, the cards from the layout: nothing is counted a
second way.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Pt

from .. import __version__
from ..layout import DEFAULT_STYLE, MapLayout, compute_layout, palette
from ..layout.text import TextStyle
from ..model import JourneyMap, Persona, numbers
from ..model.ab_test import ab_tests, outcome
from ..model.analytics import Analytics, analyse, shown_names
from ..model.captions import caption
from . import Cancelled
from .pdf_persona import PERSONA_SECTIONS, persona_photos
from .pptx_stage import MARGIN, MAX_SLIDES, SLIDE_H, SLIDE_W, CardText, draw_stage, plan_stage
from .pptx_text import Run, add_box, add_text, fill_frame, fitted_size, language_tag, lines_of, rgb

Progress = Callable[[int, int], bool]
PICTURE_DPI = 300  # pixels an inch of the map picture where it stands on the slide: sharp on a projector and in print
MAX_PICTURE_SIDE = 4000  # pixels: the picture of a huge map stays a few megabytes
TITLE_TOP = 26.0
BODY_TOP = 92.0


@dataclass
class PptxExport:
    data: bytes
    slides: int
    notes: list[str] = field(default_factory=list)


def to_pptx(doc: JourneyMap, *, picture: bool = True, day: date | None = None,
            progress: Progress | None = None) -> PptxExport:
    """The deck's bytes. `picture`: with the slide of the whole map (drawn by the canvas scene, so it
    needs Qt's offscreen drawing). `progress(done, total)` is told after each slide; returning False
    stops with `Cancelled`."""
    language, names, titles = shown_names(doc)
    layout = compute_layout(doc, DEFAULT_STYLE)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(SLIDE_W), Pt(SLIDE_H)
    _properties(deck, doc)
    texts: dict[str, CardText] = {}
    plans = [slide for stage in doc.stages for slide in plan_stage(doc, layout, stage.id, texts)]
    data = analyse(doc)
    funnel = any(step.entering is not None for step in data.funnel.steps)
    photos, notes = persona_photos(doc.personas)
    steps: list[Callable[[], None]] = [lambda: _title_slide(deck, doc, day or date.today(), language)]
    steps += [lambda persona=persona: _persona_slide(deck, persona, photos.get(persona.id), language,
                                                     doc.meta.language) for persona in doc.personas]
    if picture:
        steps.append(lambda: _picture_slide(deck, doc, layout, language))
    steps += [lambda plan=plan: draw_stage(deck, doc, layout, plan, texts) for plan in plans]
    if funnel:
        steps.append(lambda: _funnel_slide(deck, doc, data, names, language))
    steps.append(lambda: _analytics_slide(deck, doc, data, names, titles, language))
    left_out = sum(plan.left_out for plan in plans)
    if left_out:
        notes.append(f"{left_out} cards of the fullest stages are on the map's picture only: a stage has at most "
                     f"{MAX_SLIDES} slides")
    for done, step in enumerate(steps, 1):
        step()
        if progress is not None and progress(done, len(steps)) is False:
            raise Cancelled(f"export cancelled after {done} of {len(steps)} slides")
    out = io.BytesIO()
    deck.save(out)
    return PptxExport(out.getvalue(), len(steps), notes)


def _properties(deck, doc: JourneyMap) -> None:
    properties = deck.core_properties
    properties.title = doc.meta.title or "Customer journey map"
    properties.author = doc.meta.author
    properties.subject = doc.meta.description[:200]
    properties.keywords = "customer journey map; CJM"
    properties.comments = f"CJM Designer {__version__}"
    properties.language = doc.meta.language


def _slide(deck, heading: str, lang: str):
    """A blank slide with `heading` over an accent line."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    size = fitted_size(heading, (28, 24, 20), SLIDE_W - 2 * MARGIN, 44, bold=True)
    add_text(slide, (MARGIN, TITLE_TOP - 6, SLIDE_W - 2 * MARGIN, 50), [[Run(heading, size, True)]],
             lang, anchor=MSO_ANCHOR.MIDDLE)
    add_box(slide, (MARGIN, TITLE_TOP + 48, 64, 4), palette.CURVE)
    return slide


def _title_slide(deck, doc: JourneyMap, day: date, language: str) -> None:
    """The map's title, what it is about, who drew it and when, and what it holds."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    lang = language_tag(doc.meta.language)
    add_box(slide, (0, 0, 18, SLIDE_H), palette.CURVE)
    width = SLIDE_W - 2 * 64
    title = doc.meta.title or caption("untitled", language)
    add_text(slide, (64, 120, width, 28), [[Run(caption("map", language).upper(), 14, True, palette.CURVE)]], lang)
    size = fitted_size(title, (40, 34, 28, 24), width, 130, bold=True, leading=1.15)
    add_text(slide, (64, 152, width, 136), [[Run(title, size, True)]], lang, anchor=MSO_ANCHOR.TOP)
    if doc.meta.description:
        text = " ".join(lines_of(doc.meta.description, TextStyle(16), width, 5))
        add_text(slide, (64, 296, width, 120), [[Run(text, 16, False, palette.MUTED)]], lang)
    facts = [f"{caption('date', language)}: {caption('date_format', language).format(day=day)}"]
    if doc.meta.author:
        facts.insert(0, f"{caption('author', language)}: {doc.meta.author}")
    contents = caption("contents", language).format(stages=len(doc.stages), lanes=len(doc.lanes),
                                                    cards=len(doc.cards), links=len(doc.links))
    add_text(slide, (64, SLIDE_H - 100, width, 60),
             [[Run("   ·   ".join(facts), 13, True, palette.INK)], [Run(contents, 12, False, palette.MUTED)]], lang)


def _persona_slide(deck, persona: Persona, photo: Image.Image | None, language: str, doc_language: str) -> None:
    """A persona as a profile: photo (or initials) and name, key facts and quote on the left; goals,
    pains, habits and interests in boxes on the right."""
    lang = language_tag(doc_language)
    slide = _slide(deck, persona.name, lang)
    left_w, top = 270.0, BODY_TOP + 4
    diameter = 112.0
    cx = MARGIN + left_w / 2
    if photo is not None:
        picture = slide.shapes.add_picture(io.BytesIO(_square_png(photo)), Pt(cx - diameter / 2), Pt(top),
                                           Pt(diameter), Pt(diameter))
        picture.auto_shape_type = MSO_SHAPE.OVAL
    else:
        disc = add_box(slide, (cx - diameter / 2, top, diameter, diameter), persona.color or palette.CURVE, oval=True)
        initials = "".join(next((c for c in word if c.isalpha()), "") for word in persona.name.split())[:2].upper()
        fill_frame(disc.text_frame, [[Run(initials, 36, True, "#FFFFFF")]], lang, align=PP_ALIGN.CENTER,
                   anchor=MSO_ANCHOR.MIDDLE, shrink=False)
    y = top + diameter + 14
    facts = [(caption(key, language), value) for key, value in (
        ("age", "" if persona.age is None else str(persona.age)), ("gender", persona.gender),
        ("geography", persona.geography), ("occupation", persona.occupation)) if value]
    if facts:
        fact = TextStyle(13, leading=1.2)
        height = sum(len(lines_of(f"{name}: {value}", fact, left_w)) for name, value in facts) * fact.line_height
        add_text(slide, (MARGIN, y, left_w, height + 4),
                 [[Run(f"{name}: ", 13, True, palette.MUTED), Run(value, 13)] for name, value in facts], lang)
        y += height + 14
    if persona.quote and y < SLIDE_H - 60:
        quote = persona.quote.strip()
        if not quote.startswith(("«", "“", "„", '"')):
            quote = caption("quote", language).format(quote=quote)
        box = (MARGIN, y, left_w, SLIDE_H - 24 - y)
        size = fitted_size(quote, (16, 14, 12, 11, 10), left_w - 12, box[3] - 12)
        add_text(slide, box, [[Run(quote, size, False, palette.CURVE)]], lang, inset=6)
    sections = [(caption(key, language), getattr(persona, name), accent) for name, key, accent in PERSONA_SECTIONS
                if name in ("goals", "pains") or getattr(persona, name)]
    x0, gap = MARGIN + left_w + 24, 14.0
    columns = 2 if len(sections) > 1 else 1
    rows = (len(sections) + columns - 1) // columns
    w = (SLIDE_W - MARGIN - x0 - gap * (columns - 1)) / columns
    h = (SLIDE_H - 24 - BODY_TOP - gap * (rows - 1)) / rows
    for i, (heading, text, accent) in enumerate(sections):
        x, y = x0 + (i % columns) * (w + gap), BODY_TOP + (i // columns) * (h + gap)
        add_box(slide, (x, y, w, h), "#FFFFFF", palette.GRID, radius=8)
        add_box(slide, (x, y + 10, 4, 20), accent)
        add_text(slide, (x + 12, y + 8, w - 24, 24), [[Run(heading, 16, True)]], lang, anchor=MSO_ANCHOR.MIDDLE)
        body = text or numbers.MISSING
        size = fitted_size(body, (16, 15, 14, 13, 12, 11, 10, 9), w - 24, h - 48)
        add_text(slide, (x + 12, y + 36, w - 24, h - 44), [[Run(body, size, False,
                                                                 palette.INK if text else palette.MUTED)]], lang)


def _square_png(photo: Image.Image) -> bytes:
    """The photo's middle square, as PNG: a round frame shows the face, not a stretched photo."""
    side = min(photo.size)
    left, top = (photo.width - side) // 2, (photo.height - side) // 2
    out = io.BytesIO()
    photo.crop((left, top, left + side, top + side)).save(out, "PNG")
    return out.getvalue()


def _picture_slide(deck, doc: JourneyMap, layout: MapLayout, language: str) -> None:
    """The whole map as a picture fitted to the slide, drawn by the PNG export at PICTURE_DPI of its
    size on the slide (at most MAX_PICTURE_SIDE pixels a side)."""
    from .image import render_png  # the canvas scene and Qt load only for this slide

    # headed "Customer journey map": the picture shows the map's own title
    slide = _slide(deck, caption("map", language), language_tag(doc.meta.language))
    area_w, area_h = SLIDE_W - 2 * MARGIN, SLIDE_H - BODY_TOP - 16
    fit = min(area_w / layout.width, area_h / layout.height)
    scale = min(fit * PICTURE_DPI / 72, MAX_PICTURE_SIDE / max(layout.width, layout.height))
    png = render_png(doc, scale=scale)
    w, h = layout.width * fit, layout.height * fit
    slide.shapes.add_picture(io.BytesIO(png), Pt(MARGIN + (area_w - w) / 2), Pt(BODY_TOP + (area_h - h) / 2),
                             Pt(w), Pt(h))


def _funnel_slide(deck, doc: JourneyMap, data: Analytics, names: dict[str, str], language: str) -> None:
    """The funnel as a native column chart of how many enter each stage (the largest drop in red),
    each stage's share going on under its name, and the overall conversion."""
    lang = language_tag(doc.meta.language)
    slide = _slide(deck, caption("funnel", language), lang)
    chart_data = CategoryChartData(number_format="#,##0")
    steps = data.funnel.steps
    going_on = caption("funnel_going_on", language)
    chart_data.categories = [names[step.stage_id] + ("\n" + going_on.format(
        conversion=numbers.percent(step.conversion, language)) if step.conversion is not None else "")
        for step in steps]
    chart_data.add_series(caption("entering", language), [step.entering for step in steps])
    bottom = SLIDE_H - 60 if data.funnel.overall is not None else SLIDE_H - 24
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Pt(MARGIN), Pt(BODY_TOP), Pt(SLIDE_W - 2 * MARGIN),
                                   Pt(bottom - BODY_TOP), chart_data)
    chart = frame.chart
    chart.has_legend = False
    chart.has_title = False
    chart.font.name = "PT Sans"
    chart.font.size = Pt(12)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(13)
    labels.font.bold = True
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = rgb(palette.CURVE)
    for i, step in enumerate(steps):
        if step.stage_id == data.funnel.largest_drop:
            point = series.points[i].format
            point.fill.solid()
            point.fill.fore_color.rgb = rgb(palette.KPI_MISSED)
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = rgb(palette.GRID)
    chart.value_axis.tick_labels.font.color.rgb = rgb(palette.MUTED)
    lines: list[list[Run]] = []
    if data.funnel.overall is not None:
        lines.append([Run(caption("overall", language).format(value=numbers.percent(data.funnel.overall, language)),
                          16, True)])
    if data.funnel.largest_drop is not None:
        lines[-1:] = [lines[-1] + [Run(f"   ■ {caption('largest_drop', language)}: "
                                       f"{names[data.funnel.largest_drop]}", 13, False, palette.KPI_MISSED)]] \
            if lines else [[Run(f"■ {caption('largest_drop', language)}: {names[data.funnel.largest_drop]}", 13,
                                False, palette.KPI_MISSED)]]
    if lines:
        add_text(slide, (MARGIN, SLIDE_H - 54, SLIDE_W - 2 * MARGIN, 36), lines, lang, anchor=MSO_ANCHOR.MIDDLE)


Piece = tuple[str, bool, str, bool]  # text, bold, colour, in the smaller size
ITEM_SIZES = (18, 16, 14, 13, 12, 11)


def _analytics_slide(deck, doc: JourneyMap, data: Analytics, names: dict[str, str], titles: dict[str, str],
                     language: str) -> None:
    """Pain points, missed KPIs and A/B tests side by side, each a list in the largest size at which
    it fits its column (or as much as fits at the smallest, the rest counted), worded as the PDF's
    report page words them."""
    lang = language_tag(doc.meta.language)
    slide = _slide(deck, caption("analytics", language), lang)
    pains: list[list[Piece]] = [[(titles[card_id], True, palette.INK, False),
                                 (f" — {names[stage_id]}", False, palette.MUTED, True)]
                                for card_id, stage_id in data.pain_points]
    missed: list[list[Piece]] = []
    for stage_id, card_id, kpi in data.kpis_missed:
        figures = f"{numbers.decimal(kpi.actual, language)}\u00a0/\u00a0{numbers.decimal(kpi.target, language)}"
        figures += f"\u00a0{kpi.unit}" if kpi.unit else ""
        name = kpi.name or (titles[card_id] if card_id else names[stage_id])
        missed.append([(f"{name}: ", True, palette.INK, False), (figures, False, palette.KPI_MISSED, False),
                       (f" — {names[stage_id]}", False, palette.MUTED, True)])
    counted = data.kpis_met + len(data.kpis_missed)
    kpi_note = caption("kpis_met", language).format(met=data.kpis_met, all=counted) if counted else ""
    tests: list[list[Piece]] = [[(f"{card.title or card.id} ", True, palette.INK, False),
                                 (f"({names[card.stage]}): ", False, palette.MUTED, True),
                                 (outcome(result, language), False, palette.INK, False)]
                                for card, result in ab_tests(doc)]
    columns = [(caption("pains", language), palette.PAIN, pains, ""),
               (caption("kpis", language), palette.KPI_MISSED, missed, kpi_note)]
    if tests:
        columns.append((caption("ab_tests", language), palette.LINK_STYLES["call"][0], tests, ""))
    gap = 16.0
    w = (SLIDE_W - 2 * MARGIN - gap * (len(columns) - 1)) / len(columns)
    h = SLIDE_H - 24 - BODY_TOP
    for i, (heading, accent, items, note) in enumerate(columns):
        x = MARGIN + i * (w + gap)
        add_box(slide, (x, BODY_TOP, w, h), "#FFFFFF", palette.GRID, radius=8)
        add_box(slide, (x, BODY_TOP + 12, 4, 26), accent)
        add_text(slide, (x + 12, BODY_TOP + 8, w - 24, 30), [[Run(heading, 20, True)]], lang,
                 anchor=MSO_ANCHOR.MIDDLE)
        room = h - 64 - (24 if note else 0)
        size = next((s for s in ITEM_SIZES if _fitting(items, w - 36, room, s) == len(items)), ITEM_SIZES[-1])
        shown = _fitting(items, w - 36, room, size)
        paragraphs = [[Run("• ", size, True, accent)] + [Run(text, size - 1 if smaller else size, bold, color)
                                                         for text, bold, color, smaller in item]
                      for item in items[:shown]]
        if shown < len(items):
            paragraphs.append([Run(caption("and_more", language).format(more=len(items) - shown), 11, False,
                                   palette.MUTED)])
        if not items:
            paragraphs = [[Run(caption("none", language), 14, False, palette.MUTED)]]
        if note:
            paragraphs.append([Run(note, 13, False, palette.MUTED)])
        add_text(slide, (x + 12, BODY_TOP + 44, w - 24, h - 52), paragraphs, lang, spacing=size * 0.5)


def _fitting(items: list[list[Piece]], width: float, height: float, size: float) -> int:
    """How many list items fit `height` at `size`, each followed by half a line's space."""
    used = 0.0
    style = TextStyle(size, leading=1.2)
    for count, item in enumerate(items):
        text = "• " + "".join(piece[0] for piece in item)
        used += len(lines_of(text, style, width)) * style.line_height + size * 0.5
        if used > height - 18:  # the last line kept for "… more"
            return count
    return len(items)
