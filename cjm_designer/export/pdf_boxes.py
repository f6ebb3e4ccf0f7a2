"""Boxes that the designed PDF pages (report, personas) are built of: framed panels, tinted fills, text
blocks that fit their box, heights shared out, and the A4 scale that larger paper is drawn at."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..layout import Rect, TextLine, palette
from ..layout.text import TextStyle, wrap
from .pdf_pages import PAPERS
from .pdf_text import draw_lines


def as_a4(pdf: Canvas, page: tuple[float, float]) -> tuple[float, float]:
    """Scale the drawing so that the page is drawn as an A4 sheet would be, only larger (1.41 times
    on A3): type and spacing keep their proportion to the paper. The page's size in those units."""
    scale = min(page) / min(PAPERS["A4"])
    pdf.scale(scale, scale)
    return page[0] / scale, page[1] / scale


def tint(color: str, strength: float) -> str:
    """`color` mixed with white, `strength` of it kept: the pale fills behind panels, bands and photos."""
    channels = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in channels)


def frame(pdf: Canvas, box: Rect, fill: str = "#FFFFFF", stroke: str | None = palette.GRID) -> None:
    """A rounded box: a panel, a card of a persona sheet, a tinted band."""
    pdf.setFillColor(HexColor(fill))
    pdf.setStrokeColor(HexColor(stroke or fill))
    pdf.setLineWidth(0.7)
    pdf.roundRect(box.x, box.y, box.w, box.h, 6, stroke=1 if stroke else 0, fill=1)


def block(text: str, style: TextStyle, width: float, height: float, color: str | None = None,
          y: float = 0.0, center: bool = False) -> tuple[list[TextLine], float]:
    """`text` wrapped to `width` from `y` down, as many lines as `height` holds (the last ending with
    an ellipsis when more is left), centred or not; the lines and the height they take. Map text is
    data: it wraps and shortens to its box, never spills out of it."""
    fitting = int((height + 1e-6) // style.line_height)
    if not text or fitting < 1:
        return [], 0.0
    lines = wrap(text, style, width, fitting)
    return [TextLine(line, (width - style.width(line)) / 2 if center else 0, y + style.size + i * style.line_height,
                     style.size, style.bold, color) for i, line in enumerate(lines)], len(lines) * style.line_height


def text_box(pdf: Canvas, text: str, style: TextStyle, box: Rect, color: str = palette.INK,
             center: bool = False) -> float:
    """`text` drawn in `box` as `block` fits it; the height it took."""
    lines, height = block(text, style, box.w, box.h, color, center=center)
    draw_lines(pdf, lines, box.x, box.y)
    return height


def fill_heights(available: float, wanted: list[float]) -> list[float]:
    """Heights for boxes stacked in `available`: when all fit, each gets what it wants and the rest
    in proportion, so the stack fills the space and the fuller boxes grow most; otherwise the small
    ones get theirs and the others split what is left equally."""
    if sum(wanted) <= available:
        return [want * available / sum(wanted) for want in wanted]
    heights, left = [0.0] * len(wanted), available
    for done, i in enumerate(sorted(range(len(wanted)), key=wanted.__getitem__)):
        heights[i] = min(wanted[i], left / (len(wanted) - done))
        left -= heights[i]
    return heights
