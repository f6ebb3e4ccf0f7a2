"""Text in the PDF: the bundled PT Sans, embedded (as a subset) in every file, so Cyrillic and Latin
stay real, selectable text and nothing falls back to the built-in Type 1 fonts.

Text is written as PDF operators directly, the way reportlab documents for its subset fonts, rather
than through its text objects, which measure every line to keep a cursor that a map, placing each
line itself, never uses. A subset's first 31 codes, which every string uses (its first letters), are written as the
bytes they are, not as four-character octal escapes, which made a fifth of a big map's page.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..layout import TextLine, palette
from ..layout.text import font_path

REGULAR, BOLD = "PTSans", "PTSans-Bold"
INK = HexColor(palette.INK)


def _literal(code: int) -> str:
    """A byte as a literal string shows it; the page is written as UTF-8, so only ASCII is raw, and
    line ends stay escaped (a reader takes a raw CR for a line feed)."""
    char = chr(code)
    if char in "()\\":
        return "\\" + char
    return f"\\{code:03o}" if code in (0, 10, 13) or code > 126 else char


_LITERAL = {code: _literal(code) for code in range(256)}


def register_fonts() -> None:
    """Make the bundled TTFs known to reportlab, to be embedded in each PDF."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(font_path(False))))
        pdfmetrics.registerFont(TTFont(BOLD, str(font_path(True))))


def draw_lines(pdf: Canvas, lines: tuple[TextLine, ...] | list[TextLine], dx: float, dy: float,
               color: str | Color = INK) -> None:
    """Text lines at their baselines, offset by (dx, dy), on a page whose y grows downwards; in
    `color`, or each line in its own when it has one."""
    TextWriter(pdf).draw(lines, dx, dy, color)


class TextWriter:
    """Writes text into one PDF, remembering the fill colour it last set (text and shapes share it),
    so that it is written only when it changes."""

    def __init__(self, pdf: Canvas):
        self.pdf = pdf
        self._fonts = {name: pdfmetrics.getFont(name) for name in (REGULAR, BOLD)}
        self._operands: dict[str | Color, str] = {}
        self._fill: str | None = None  # the "r g b" of the fill colour last set; None: not known

    def forget(self) -> None:
        """The fill colour is no longer known (a new page, or a restored state)."""
        self._fill = None

    def fill(self, color: str | Color) -> str:
        """The operator that makes `color` the fill colour, or "" when it already is."""
        operands = self._operands.get(color)
        if operands is None:
            rgb = HexColor(color) if isinstance(color, str) else color
            operands = self._operands[color] = fp_str(rgb.red, rgb.green, rgb.blue)
        if operands == self._fill:
            return ""
        self._fill = operands
        return f"{operands} rg"

    def draw(self, lines: tuple[TextLine, ...] | list[TextLine], dx: float, dy: float,
             color: str | Color = INK) -> None:
        """The lines in one text object: the first placed by a text matrix that turns it back upright,
        each next one moved from the one before (a fraction of the size of a matrix)."""
        code, font = ["BT"], None
        at: tuple[float, ...] | None = None  # where the reader starts a line, as written (no rounding is carried on)
        for line in lines:
            if not line.text:
                continue
            ink = self.fill(line.color or color)
            if ink:
                code.append(ink)
            x, y = dx + line.x, dy + line.y
            if at is None:
                place = fp_str(x, y)
                code.append(f"1 0 0 -1 {place} Tm")
                at = tuple(map(float, place.split()))
            else:
                move = fp_str(x - at[0], at[1] - y)
                code.append(f"{move} Td")
                right, up = map(float, move.split())
                at = (at[0] + right, at[1] - up)
            for name, chunk in self._encode(BOLD if line.bold else REGULAR, line.text):
                if (name, line.size) != font:
                    font = (name, line.size)
                    code.append(f"{name} {fp_str(line.size)} Tf")
                code.append(chunk)
        if font is not None:
            code.append("ET")
            self.pdf.addLiteral(" ".join(code))

    def _encode(self, font_name: str, text: str) -> list[tuple[str, str]]:
        """`text` as (subset font, show operator) pairs: split into the font's subsets as reportlab
        documents for its subset fonts (`TTFont.splitString`), with the codes as `_LITERAL` shows them."""
        font, doc = self._fonts[font_name], self.pdf._doc
        return [(font.getSubsetInternalName(subset, doc), f"({chunk.decode('latin-1').translate(_LITERAL)}) Tj")
                for subset, chunk in font.splitString(text, doc)]
