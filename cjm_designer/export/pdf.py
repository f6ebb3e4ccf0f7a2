"""PDF export, drawn with reportlab from the same layout as the canvas: what is exported is what is
on screen. Text stays text, in the bundled PT Sans embedded in the file (Cyrillic included, never a
built-in Type 1 font), so it can be selected and searched.

The map goes on one poster page, on tiles of A4/A3 sheets (with an index of the sheets), or fitted on
one sheet, landscape or portrait; a cover, the personas and a legend may come first.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PIL import Image
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from .. import __version__
from ..layout import DEFAULT_STYLE, MapLayout, Style, compute_layout, palette
from ..layout.comparison import Mark, compare_layout
from ..layout.missing_glyphs import MissingGlyphs, missing_glyphs
from ..model import JourneyMap
from ..model.compare import MapDiff
from . import Cancelled
from .pdf_extras import draw_cover, draw_header_footer, draw_index, draw_legend
from .pdf_icons import Icons
from .pdf_map import MapDrawing
from .pdf_pages import MAX_PAGE, MM, PageOptions, PagePlan, Pages, Tile, plan_pages, sheet_size
from .pdf_persona import draw_personas, persona_photos
from .pdf_report import draw_report
from .pdf_text import REGULAR, register_fonts
from .pdf_workshop import draw_workshop, has_workshop

__all__ = ["MAX_PAGE", "PdfExport", "PdfOptions", "Pages", "comparison_to_pdf", "to_pdf"]

rl_config.useA85 = 0  # compressed streams stay binary: a sixth smaller, and quicker to write

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class PdfOptions(PageOptions):
    cover: bool = False
    personas: bool = False
    legend: bool = False
    report: bool = False  # a page of analytics: funnel, touchpoints, channels, owners, pains, missed KPIs
    index: bool = True  # tiles: a page showing which sheet holds which part of the map
    day: date | None = None  # the date printed on the cover and in headers; today when None
    embed_map: bool = True  # map_export attaches the editable map (io/embedding.py); off: a client gets none


@dataclass
class PdfExport:
    data: bytes
    pages: int
    notes: list[str] = field(default_factory=list)
    missing: list[MissingGlyphs] = field(default_factory=list)  # text no font has, by card


def to_pdf(doc: JourneyMap, options: PdfOptions = PdfOptions(), style: Style = DEFAULT_STYLE,
           progress: Progress | None = None) -> PdfExport:
    """The map as a vector PDF. `progress(done, total)` is told after each page; when it returns
    False the export stops with `Cancelled`."""
    return _to_pdf(doc, compute_layout(doc, style), (), options, progress)


def comparison_to_pdf(diff: MapDiff, names: tuple[str, str] = ("", ""), options: PdfOptions = PdfOptions(),
                      progress: Progress | None = None) -> PdfExport:
    """A comparison of two maps as a PDF, as the comparison window shows it (layout/comparison.py):
    the later map with the differences marked over it, the summary under its title."""
    comparison = compare_layout(diff, names)
    return _to_pdf(comparison.doc, comparison.layout, comparison.marks, options, progress)


def _to_pdf(doc: JourneyMap, layout: MapLayout, marks: tuple[Mark, ...], options: PdfOptions,
            progress: Progress | None) -> PdfExport:
    register_fonts()
    plan = plan_pages(layout, options)
    day = options.day or date.today()
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=plan.page_size, pageCompression=1, initialFontName=REGULAR,
                 initialFontSize=10)  # never the built-in Helvetica
    _metadata(pdf, doc)
    icons = Icons(pdf)
    drawing = MapDrawing(pdf, layout, icons, doc.personas, marks)
    photos, photo_notes = persona_photos(doc.personas) if options.personas else ({}, [])
    extras = pages_before_map(doc, options, layout, plan, photos)
    total = len(extras) + len(plan.tiles)
    done = 0

    def page_done() -> None:
        nonlocal done
        pdf.showPage()
        done += 1
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    # the other pages on the map's sheets, turned alike; a poster's on the paper asked for
    sheet = plan.page_size if options.pages != Pages.POSTER else sheet_size(options.paper, options.orientation)
    for draw, with_header in extras:
        _start_page(pdf, sheet)
        draw(pdf, icons, sheet)
        if with_header and options.header:
            draw_header_footer(pdf, doc, sheet, min(options.margin, 28), done + 1, total, day)
        page_done()
    for tile in plan.tiles:
        _start_page(pdf, plan.page_size)
        _map_page(pdf, drawing, plan, tile)
        if options.header and options.pages != Pages.POSTER:
            draw_header_footer(pdf, doc, plan.page_size, options.margin, done + 1, total, day, tile,
                               (plan.rows, plan.columns))
        page_done()
    pdf.save()
    return PdfExport(out.getvalue(), total, plan.notes + photo_notes, missing_glyphs(doc, layout))


Page = tuple[Callable[[Canvas, Icons, tuple[float, float]], None], bool]


def pages_before_map(doc: JourneyMap, options: PdfOptions, layout: MapLayout, plan: PagePlan,
                     photos: dict[str, Image.Image] | None = None) -> list[Page]:
    """The pages before the map, in order: how each is drawn (pdf, icons, page size) and whether it
    carries the header and footer (all but the cover). The export dialog counts them too. `photos`
    are the personas' decoded photos (`persona_photos`); a persona not in them has no photo drawn."""
    photos = photos or {}
    day = options.day or date.today()
    pages: list[Page] = []
    if options.cover:
        pages.append((lambda pdf, icons, size: draw_cover(pdf, doc, size, day), False))
    if options.personas:
        for first in range(0, len(doc.personas), 2):  # two personas a page
            pages.append((lambda pdf, icons, size, chunk=doc.personas[first:first + 2]: draw_personas(
                pdf, chunk, doc.meta.language, size, photos), True))
    if options.legend:
        pages.append((lambda pdf, icons, size: draw_legend(pdf, doc, layout, icons, size), True))
    if options.report:
        pages.append((lambda pdf, icons, size: draw_report(pdf, doc, size), True))
    if options.report and has_workshop(doc):
        pages.append((lambda pdf, icons, size: draw_workshop(pdf, doc, size), True))
    if options.pages == Pages.TILES and options.index and len(plan.tiles) > 1:
        pages.append((lambda pdf, icons, size: draw_index(pdf, layout, plan, plan.overlap / MM, size), True))
    return pages


def _map_page(pdf: Canvas, drawing: MapDrawing, plan: PagePlan, tile: Tile) -> None:
    """One sheet of the map: the tile's part, clipped to it, with marks where it overlaps the next."""
    target, source, scale = tile.target, tile.source, plan.scale
    pdf.saveState()
    clip = pdf.beginPath()
    clip.rect(target.x, target.y, target.w, target.h)
    pdf.clipPath(clip, stroke=0, fill=0)
    pdf.translate(target.x - source.x * scale, target.y - source.y * scale)
    pdf.scale(scale, scale)
    drawing.draw(source)
    pdf.restoreState()
    if len(plan.tiles) > 1:
        _overlap_marks(pdf, plan, tile)


def _overlap_marks(pdf: Canvas, plan: PagePlan, tile: Tile) -> None:
    """Dashed lines where the next sheet to the right and below begins, to glue the sheets along."""
    target, scale = tile.target, plan.scale
    pdf.setStrokeColor(HexColor(palette.MUTED))
    pdf.setLineWidth(0.5)
    pdf.setDash([3, 3])
    for other in plan.tiles:
        if other.row == tile.row and other.column == tile.column + 1:
            x = target.x + (other.source.x - tile.source.x) * scale
            pdf.line(x, target.y, x, target.bottom)
        if other.column == tile.column and other.row == tile.row + 1:
            y = target.y + (other.source.y - tile.source.y) * scale
            pdf.line(target.x, y, target.right, y)
    pdf.setDash()


def _start_page(pdf: Canvas, size: tuple[float, float]) -> None:
    """A new page of `size` whose y grows downwards, as the layout's does."""
    pdf.setPageSize(size)
    pdf.translate(0, size[1])
    pdf.scale(1, -1)


def _metadata(pdf: Canvas, doc: JourneyMap) -> None:
    pdf.setTitle(doc.meta.title or "Customer journey map")
    pdf.setAuthor(doc.meta.author)
    pdf.setSubject(doc.meta.description[:200])
    pdf.setCreator(f"CJM Designer {__version__}")
    pdf.setProducer(f"CJM Designer {__version__} (reportlab)")
    pdf.setKeywords(["customer journey map", "CJM"])
