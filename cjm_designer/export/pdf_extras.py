"""The pages around the map in a PDF: cover, legend, the index of a tiled map, and the
header and footer of each sheet. Written in the map's language (Russian or English)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..layout import MapLayout, Rect, TextLine, palette
from ..layout.icons import CHANNEL_ICONS, DEVICE_ICONS, MARKER_ICONS
from ..layout.palette import EMOTION_COLORS, LANE_FILL, LINK_STYLES
from ..layout.text import TextStyle, wrap
from ..model import JourneyMap, LaneKind, Persona
from ..model.captions import caption, map_language
from ..model.vocab import CHANNEL_LABELS, DEVICE_LABELS, LANE_KIND_LABELS, LINK_KIND_LABELS, label
from .pdf_icons import Icons
from .pdf_pages import PagePlan, Tile
from .pdf_text import draw_lines

MUTED, GRID = HexColor(palette.MUTED), HexColor(palette.GRID)
TITLE, HEADING, BODY, SMALL = TextStyle(26, bold=True), TextStyle(15, bold=True), TextStyle(10), TextStyle(8.5)
STRONG = TextStyle(10, bold=True)


def format_date(day: date, language: str) -> str:
    return caption("date_format", language).format(day=day)


class Writer:
    """Flowing text and blocks down a page (y downwards), `width` points wide from `x`."""

    def __init__(self, pdf: Canvas, x: float, y: float, width: float):
        self.pdf, self.x, self.y, self.width = pdf, x, y, width

    def text(self, text: str, style: TextStyle, color=None, indent: float = 0, max_lines: int | None = None,
             gap: float = 4) -> None:
        lines = wrap(text, style, self.width - indent, max_lines) if text else []
        for i, line in enumerate(lines):
            draw_lines(self.pdf, (TextLine(line, 0, style.size + i * style.line_height, style.size, style.bold),),
                       self.x + indent, self.y, color or HexColor(palette.INK))
        self.y += len(lines) * style.line_height + gap


def draw_cover(pdf: Canvas, doc: JourneyMap, page: tuple[float, float], day: date) -> None:
    language = map_language(doc)
    margin = 56
    out = Writer(pdf, margin, page[1] * 0.28, page[0] - 2 * margin)
    out.text(caption("map", language).upper(), SMALL, MUTED, gap=10)
    out.text(doc.meta.title or caption("map", language), TITLE, max_lines=3, gap=14)
    if doc.meta.description:
        out.text(doc.meta.description, TextStyle(12), max_lines=8, gap=18)
    facts = [f"{caption('date', language)}: {format_date(day, language)}"]
    if doc.meta.author:
        facts.insert(0, f"{caption('author', language)}: {doc.meta.author}")
    for fact in facts:
        out.text(fact, BODY, gap=3)
    out.text(caption("contents", language).format(stages=len(doc.stages), lanes=len(doc.lanes),
                                                  cards=len(doc.cards), links=len(doc.links)), BODY, MUTED, gap=3)
    if doc.personas:
        out.y += 10
        out.text(f"{caption('personas', language)}: " + ", ".join(p.name for p in doc.personas), BODY, gap=3)
    pdf.setStrokeColor(HexColor(palette.CURVE))
    pdf.setLineWidth(3)
    pdf.line(margin, page[1] * 0.28 - 24, margin + 80, page[1] * 0.28 - 24)


def draw_legend(pdf: Canvas, doc: JourneyMap, icons: Icons, page: tuple[float, float]) -> None:
    """What the colours, icons and marks of the map mean: lane kinds, channels, devices, emotion
    scale, card marks and link kinds (only those the map uses, where that is long)."""
    language = map_language(doc)
    margin = 40
    out = Writer(pdf, margin, margin, page[0] - 2 * margin)
    out.text(caption("legend", language), HEADING, gap=12)
    top = out.y
    column_width = (page[0] - 2 * margin) / 3

    kinds = [kind for kind in LaneKind if any(lane.kind == kind for lane in doc.lanes)] or list(LaneKind)
    col = Writer(pdf, margin, top, column_width - 16)
    col.text(caption("lanes", language), STRONG, gap=6)
    for kind in kinds:
        _swatch(pdf, col.x, col.y, palette.cell_fill(LANE_FILL[kind]))
        col.text(label(LANE_KIND_LABELS, kind, language), BODY, indent=20, gap=5)
    col.y += 8
    col.text(caption("links", language), STRONG, gap=6)
    for kind, (color, dashes) in LINK_STYLES.items():
        pdf.setStrokeColor(HexColor(color))
        pdf.setLineWidth(1.4)
        pdf.setDash(dashes or [])
        pdf.line(col.x, col.y + 6, col.x + 14, col.y + 6)
        pdf.setDash()
        col.text(label(LINK_KIND_LABELS, kind, language), BODY, indent=20, gap=5)

    used = {card.channel for card in doc.cards}
    channels = [key for key in CHANNEL_ICONS if key in used] or list(CHANNEL_ICONS)
    col = Writer(pdf, margin + column_width, top, column_width - 16)
    col.text(caption("channels", language), STRONG, gap=6)
    for key in channels:
        icons.draw(CHANNEL_ICONS[key], col.x, col.y, 11, palette.MUTED)
        col.text(label(CHANNEL_LABELS, key, language), BODY, indent=20, gap=5)
    col.y += 8
    col.text(caption("devices", language), STRONG, gap=6)
    for key, name in DEVICE_ICONS.items():
        icons.draw(name, col.x, col.y, 11, palette.MUTED)
        col.text(label(DEVICE_LABELS, key, language), BODY, indent=20, gap=5)

    col = Writer(pdf, margin + 2 * column_width, top, column_width - 16)
    col.text(caption("emotions", language), STRONG, gap=6)
    for value, words in zip(range(-2, 3), caption("emotion_scale", language)):
        pdf.setFillColor(HexColor(EMOTION_COLORS[value]))
        pdf.setStrokeColor(HexColor("#455A64"))
        pdf.circle(col.x + 6, col.y + 6, 5, stroke=1, fill=1)
        col.text(f"{value:+d}  {words}" if value else f" 0  {words}", BODY, indent=20, gap=5)
    colors = palette.persona_colors(doc.personas)
    for persona in _with_curves(doc):
        pdf.setStrokeColor(HexColor(colors[persona.id]))
        pdf.setLineWidth(2)
        pdf.line(col.x, col.y + 6, col.x + 14, col.y + 6)
        col.text(persona.name or "—", BODY, indent=20, gap=5, max_lines=1)
    col.y += 8
    col.text(caption("marks", language), STRONG, gap=6)
    pdf.setStrokeColor(MUTED)
    pdf.setFillColor(MUTED)
    for i in range(5):
        pdf.circle(col.x + i * 3.4 + 2, col.y + 6, 1.4, stroke=1, fill=1 if i < 3 else 0)
    col.text(caption("quality", language), BODY, indent=20, gap=5)
    if doc.votes:
        pdf.setFillColor(HexColor(palette.VOTE))
        for i in range(3):
            pdf.circle(col.x + i * 5 + 3, col.y + 6, 2.2, stroke=0, fill=1)
        col.text(caption("votes_mark", language), BODY, indent=20, gap=5)
    if any(card.comments for card in doc.cards):
        icons.draw(MARKER_ICONS["comments"], col.x, col.y, 11, palette.MUTED)
        col.text(caption("comments_mark", language), BODY, indent=20, gap=5)
    for name, color, key in ((MARKER_ICONS["pain"], palette.PAIN, "pain"),
                             (MARKER_ICONS["owner"], palette.MUTED, "owner_mark"),
                             (MARKER_ICONS["metrics"], palette.MUTED, "metrics"),
                             (MARKER_ICONS["variants"], palette.MUTED, "ab_mark"),
                             (MARKER_ICONS["kpi"], palette.KPI_MET, "kpi_met"),
                             (MARKER_ICONS["kpi"], palette.KPI_MISSED, "kpi_missed")):
        icons.draw(name, col.x, col.y, 11, color)
        col.text(caption(key, language), BODY, indent=20, gap=5)


def _with_curves(doc: JourneyMap) -> list[Persona]:
    """The personas that have an emotion curve of their own: points of an emotions lane tagged with them."""
    emotions = {lane.id for lane in doc.lanes if lane.kind == LaneKind.EMOTIONS}
    tagged = {card.persona for card in doc.cards if card.lane in emotions}
    return [persona for persona in doc.personas if persona.id in tagged]


def _swatch(pdf: Canvas, x: float, y: float, color: str) -> None:
    pdf.setFillColor(HexColor(color))
    pdf.setStrokeColor(GRID)
    pdf.setLineWidth(0.5)
    pdf.rect(x, y + 1, 14, 10, stroke=1, fill=1)


def draw_index(pdf: Canvas, doc: JourneyMap, layout: MapLayout, plan: PagePlan, overlap_mm: float,
               page: tuple[float, float]) -> None:
    """A small picture of the whole map with the sheets on it, numbered as their footers number them,
    and which stages each sheet shows."""
    language = map_language(doc)
    margin = 40
    out = Writer(pdf, margin, margin, page[0] - 2 * margin)
    out.text(caption("index", language), HEADING, gap=4)
    out.text(caption("index_note", language).format(overlap=round(overlap_mm)), BODY, MUTED, gap=10)
    listing_width = 220
    area = Rect(margin, out.y, page[0] - 3 * margin - listing_width, page[1] - out.y - margin)
    scale = min(area.w / layout.width, area.h / layout.height)
    pdf.saveState()
    pdf.translate(area.x, area.y)
    pdf.scale(scale, scale)
    stages = {stage.id: stage for stage in doc.stages}
    for stage_id, box in layout.stages.items():
        pdf.setFillColor(HexColor(stages[stage_id].color or palette.STAGE_DEFAULT))
        pdf.rect(box.header.x, box.header.y, box.header.w, box.header.h, stroke=0, fill=1)
    for box in layout.lanes.values():
        pdf.setFillColor(HexColor(palette.cell_fill(LANE_FILL[box.kind])))
        pdf.rect(box.row.x, box.row.y, box.row.w, box.row.h, stroke=0, fill=1)
    pdf.setFillColor(HexColor("#B0BEC5"))
    for card in layout.cards.values():
        pdf.rect(card.rect.x, card.rect.y, card.rect.w, card.rect.h, stroke=0, fill=1)
    pdf.setLineWidth(1.2 / scale)
    pdf.setStrokeColor(HexColor(palette.CURVE))
    for tile in plan.tiles:
        source = tile.source
        pdf.rect(source.x, source.y, source.w, source.h, stroke=1, fill=0)
        number = str(tile.number)
        style = TextStyle(min(source.w, source.h) * 0.25, bold=True)
        draw_lines(pdf, (TextLine(number, -style.width(number) / 2, style.size / 3, style.size, True),),
                   source.x + source.w / 2, source.y + source.h / 2, HexColor(palette.CURVE))
    pdf.restoreState()
    listing = Writer(pdf, page[0] - margin - listing_width, area.y, listing_width)
    for tile in plan.tiles:
        names = ", ".join(stages[s].name for s in tile.stages) or caption("no_stages", language)
        listing.text(caption("page_stages", language).format(number=tile.number, stages=names),
                     SMALL, max_lines=2, gap=3)
        if listing.y > page[1] - margin:
            break


def draw_header_footer(pdf: Canvas, doc: JourneyMap, page: tuple[float, float], margin: float, number: int,
                       total: int, day: date, tile: Tile | None = None, grid: tuple[int, int] | None = None) -> None:
    """The map's title and the date at the top of a sheet; its page number (and place among the
    sheets of a tiled map) at the bottom."""
    language = map_language(doc)
    title = wrap(doc.meta.title or caption("map", language), SMALL, page[0] * 0.6, 1)[0]
    draw_lines(pdf, (TextLine(title, 0, SMALL.size, SMALL.size, True),), margin, margin, MUTED)
    shown = format_date(day, language)
    right = page[0] - margin - SMALL.width(shown)
    draw_lines(pdf, (TextLine(shown, 0, SMALL.size, SMALL.size),), right, margin, MUTED)
    footer = caption("page_of", language).format(page=number, pages=total)
    if tile is not None and grid is not None and grid != (1, 1):
        footer += " · " + caption("sheet", language).format(number=tile.number, row=tile.row + 1,
                                                             column=tile.column + 1)
    draw_lines(pdf, (TextLine(footer, 0, 0, SMALL.size),), margin, page[1] - margin, MUTED)
