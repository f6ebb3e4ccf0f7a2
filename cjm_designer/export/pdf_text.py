"""Text in the PDF: the bundled PT Sans, embedded (as a subset) in every file, so Cyrillic and Latin
stay real, selectable text and nothing falls back to the built-in Type 1 fonts."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..layout import TextLine, palette
from ..layout.text import font_path

REGULAR, BOLD = "PTSans", "PTSans-Bold"
INK = HexColor(palette.INK)


def register_fonts() -> None:
    """Make the bundled TTFs known to reportlab, to be embedded in each PDF."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(font_path(False))))
        pdfmetrics.registerFont(TTFont(BOLD, str(font_path(True))))


def draw_lines(pdf: Canvas, lines: tuple[TextLine, ...] | list[TextLine], dx: float, dy: float,
               color: Color = INK) -> None:
    """Text lines at their baselines, offset by (dx, dy), on a page whose y grows downwards: one text
    object, each line placed by a text matrix that turns it back upright; in `color`, or each line in
    its own when it has one."""
    text = pdf.beginText()
    font, ink = None, None
    for line in lines:
        if not line.text:
            continue
        wanted = (BOLD if line.bold else REGULAR, line.size)
        if wanted != font:
            font = wanted
            text.setFont(*font)
        if (line.color or color) != ink:
            ink = line.color or color
            text.setFillColor(HexColor(ink) if isinstance(ink, str) else ink)
        text.setTextTransform(1, 0, 0, -1, dx + line.x, dy + line.y)
        text.textOut(line.text)
    if font is not None:
        pdf.drawText(text)
