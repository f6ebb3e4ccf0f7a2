"""The pages around the map in a PDF: cover, legend, the index of a tiled map, and the
header and footer of each sheet. Written in the map's language (Russian or English)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..layout import MapLayout, Point, Rect, TextLine, palette
from ..layout.boxes import CardBox, CardFace, LinkPath, Marker
from ..layout.drawing import Shape, card_drawing, cell_box, curve_sample
from ..layout.icons import CHANNEL_ICONS, DEVICE_ICONS
from ..layout.palette import LANE_FILL
from ..layout.text import TextStyle, wrap
from ..model import JourneyMap, LaneKind, LinkKind
from ..model.captions import caption, map_language
from ..model.vocab import CHANNEL_LABELS, DEVICE_LABELS, LANE_KIND_LABELS, LINK_KIND_LABELS, label
from .pdf_icons import Icons
from .pdf_map import Pen, draw_shapes
from .pdf_pages import PagePlan, Tile
from .pdf_text import draw_lines

MUTED = HexColor(palette.MUTED)
TITLE, HEADING, BODY, SMALL = TextStyle(26, bold=True), TextStyle(15, bold=True), TextStyle(10), TextStyle(8.5)
STRONG = TextStyle(10, bold=True)
MARK = Rect(0, 0, 12, 12)  # a card's mark, as the layout places a sign of a card's marker row
LINK_SAMPLE = 36.0  # a link's sample line: long enough to show a round of its dashes before its arrowhead
SAMPLE = 20.0  # where a legend row's text starts, right of its sample (a swatch, an icon, a dot)
MARKS_SAMPLE = 32.0  # ... right of the widest mark of a card (its five quality dots)


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


def draw_legend(pdf: Canvas, doc: JourneyMap, layout: MapLayout, icons: Icons, page: tuple[float, float]) -> None:
    """What the colours, icons and marks of the map mean: lane kinds, channels, devices, emotion
    scale, card marks and link kinds (only those the map uses, where that is long). Each sample is
    made of the layout's own primitives and drawn as the map draws them, so it looks as it does there."""
    language = layout.language
    margin = 40
    out = Writer(pdf, margin, margin, page[0] - 2 * margin)
    out.text(caption("legend", language), HEADING, gap=12)
    top = out.y
    column_width = (page[0] - 2 * margin) / 3

    col = Writer(pdf, margin, top, column_width - 16)
    col.text(caption("lanes", language), STRONG, gap=6)
    for kind, fill in _lane_fills(layout).items():
        _draw(pdf, icons, (cell_box(Rect(col.x, col.y + 1, 14, 10), fill),))
        col.text(label(LANE_KIND_LABELS, kind, language), BODY, indent=SAMPLE, gap=5)
    col.y += 8
    col.text(caption("links", language), STRONG, gap=6)
    for kind in LinkKind:
        sample = LinkPath("", kind.value, (Point(col.x, col.y + 6), Point(col.x + LINK_SAMPLE, col.y + 6)), (), None)
        _draw(pdf, icons, sample.drawing.lines)
        col.text(label(LINK_KIND_LABELS, kind.value, language), BODY, indent=LINK_SAMPLE + 8, gap=5)

    used = {card.channel for card in doc.cards}
    channels = [key for key in CHANNEL_ICONS if key in used] or list(CHANNEL_ICONS)
    col = Writer(pdf, margin + column_width, top, column_width - 16)
    col.text(caption("channels", language), STRONG, gap=6)
    for key in channels:
        _draw(pdf, icons, _mark(Marker("channel", MARK, "", key), col.x, col.y))
        col.text(label(CHANNEL_LABELS, key, language), BODY, indent=SAMPLE, gap=5)
    col.y += 8
    col.text(caption("devices", language), STRONG, gap=6)
    for key in DEVICE_ICONS:
        _draw(pdf, icons, _mark(Marker("device", MARK, "", key), col.x, col.y))
        col.text(label(DEVICE_LABELS, key, language), BODY, indent=SAMPLE, gap=5)

    col = Writer(pdf, margin + 2 * column_width, top, column_width - 16)
    col.text(caption("emotions", language), STRONG, gap=6)
    for value, words in zip(range(-2, 3), caption("emotion_scale", language)):
        _draw(pdf, icons, _mark(Marker("emotion", MARK, "", value), col.x, col.y))
        col.text(f"{value:+d}  {words}" if value else f" 0  {words}", BODY, indent=SAMPLE, gap=5)
    curve_colors = {curve.persona_id: curve.color for curve in layout.curves}  # as the map strokes each curve
    for persona in doc.personas:
        if persona.id in curve_colors:
            _draw(pdf, icons, (curve_sample(Point(col.x, col.y + 6), MARK.w, curve_colors[persona.id]),))
            col.text(persona.name or "—", BODY, indent=SAMPLE, gap=5, max_lines=1)
    col.y += 8
    col.text(caption("marks", language), STRONG, gap=6)
    marks = [(Marker("quality", MARK, "", 3), "quality")]
    if doc.votes:
        marks.append((Marker("votes", MARK, "2", 2), "votes_mark"))
    if any(card.comments for card in doc.cards):
        marks.append((Marker("comments", MARK, "2", 2), "comments_mark"))
    marks += [(Marker(kind, MARK, "", value), key) for kind, value, key in (
        ("pain", None, "pain"), ("owner", None, "owner_mark"), ("metrics", None, "metrics"),
        ("variants", None, "ab_mark"), ("kpi", True, "kpi_met"), ("kpi", False, "kpi_missed"))]
    for marker, key in marks:
        _draw(pdf, icons, _mark(marker, col.x, col.y))
        col.text(caption(key, language), BODY, indent=MARKS_SAMPLE, gap=5)


def _lane_fills(layout: MapLayout) -> dict[LaneKind, str]:
    """The cells' colour of each lane kind the map has, in the kinds' order; of every kind, as a lane of
    it would be filled, for a map with no lanes."""
    fills = {box.kind: box.cell_fill for box in layout.lanes.values()}
    if not fills:
        return {kind: palette.cell_fill(LANE_FILL[kind]) for kind in LaneKind}
    return {kind: fills[kind] for kind in LaneKind if kind in fills}


def _mark(marker: Marker, x: float, y: float) -> tuple[Shape, ...]:
    """What a card at (x, y) draws for `marker`: `card_drawing` of a box holding only that mark (a
    compact box draws its first mark alone, without a frame)."""
    box = CardBox("", "", "", 0, Rect(x, y, MARK.w, MARK.h), CardFace(MARK.h, None, built=((), (marker,))), "",
                  compact=True)
    return card_drawing(box, box.fill).shapes


def _draw(pdf: Canvas, icons: Icons, shapes: tuple[Shape, ...]) -> None:
    """Shapes drawn as the map's are (export/pdf_map.py), in a graphics state of their own: the map's
    pen assumes it set every colour and width it knows of."""
    pdf.saveState()
    draw_shapes(Pen(pdf), icons, shapes)
    pdf.restoreState()


def draw_index(pdf: Canvas, layout: MapLayout, plan: PagePlan, overlap_mm: float, page: tuple[float, float]) -> None:
    """A small picture of the whole map with the sheets on it, numbered as their footers number them,
    and which stages each sheet shows."""
    language = layout.language
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
    for box in layout.stages.values():
        pdf.setFillColor(HexColor(box.fill))
        pdf.rect(box.header.x, box.header.y, box.header.w, box.header.h, stroke=0, fill=1)
    for box in layout.lanes.values():
        pdf.setFillColor(HexColor(box.cell_fill))
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
        names = ", ".join(layout.stages[s].name for s in tile.stages) or caption("no_stages", language)
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
