"""Text in the PDF: the bundled PT Sans, embedded (as a subset) in every file, so Cyrillic and Latin
stay real, selectable text and nothing falls back to the built-in Type 1 fonts. A line with characters
PT Sans lacks is written in runs, each in the font of the chain (layout/fonts.py) that has them, the
one the layout measured it in: emoji in the bundled Noto Emoji, Arabic, Hebrew and CJK in a font of
the system's, each registered and embedded as a subset when first used. Right-to-left text is written
shaped and in the order it is seen (layout/rtl.py), as reportlab draws characters one after another.

Text is written as PDF operators directly, the way reportlab documents for its subset fonts, rather
than through its text objects, which measure every line to keep a cursor that a map, placing each
line itself, never uses. A subset's first 31 codes, which every string uses (its first letters), are written as the
bytes they are, not as four-character octal escapes, which made a fifth of a big map's page.
"""

from __future__ import annotations

import re

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..layout import TextLine, palette
from ..layout.fonts import Face
from ..layout.rtl import visual
from ..layout.text import font_path, metrics

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
_ASTRAL = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")  # a ToUnicode entry of a character beyond the first plane


class FallbackFont(TTFont):
    """reportlab's TrueType font, but with its ToUnicode maps (what a reader copies and searches) writing
    a character beyond the first plane, as emoji are, as the UTF-16 pair readers expect: reportlab writes
    its code point as it is, and readers reject it (the emoji were lost from copied text)."""

    def addObjects(self, document) -> None:
        super().addObjects(document)
        own = self.face.name.decode("latin-1")
        for name, stream in document.idToObject.items():
            if name.startswith("toUnicodeCMap:") and name.endswith(own):
                stream.content = _ASTRAL.sub(_utf16_entry, stream.content)


def _utf16_entry(match: re.Match) -> str:
    pair = chr(int(match[2], 16)).encode("utf-16-be").hex().upper()
    return f"<{match[1]}> <{pair}>"


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
        self._chains = (metrics(False).chain, metrics(True).chain)
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
            for name, chunk in self._runs(line.bold, line.text):
                if (name, line.size) != font:
                    font = (name, line.size)
                    code.append(f"{name} {fp_str(line.size)} Tf")
                code.append(chunk)
        if font is not None:
            code.append("ET")
            self.pdf.addLiteral(" ".join(code))

    def _runs(self, bold: bool, text: str) -> list[tuple[str, str]]:
        """`text` as (subset font, show operator) pairs: in PT Sans when it has every character (nearly
        every line), else each run in its font, in the order it is seen; a character no font has in
        PT Sans, which draws it as its missing-glyph box (the export reports it)."""
        chain, own = self._chains[bold], BOLD if bold else REGULAR
        if chain.covers(text):
            return self._encode(own, text)
        pairs = []
        for run in chain.runs(visual(text)):
            pairs += self._encode(own if run.face is None or run.face is chain.first else self._font(run.face),
                                  run.text)
        return pairs

    def _font(self, face: Face) -> str:
        """The name reportlab knows `face` by, registered on first use (reportlab's registry is per process,
        as the bundled fonts' is)."""
        name = f"CJM-{face.name}"
        if name not in self._fonts:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(FallbackFont(name, str(face.path)))
            self._fonts[name] = pdfmetrics.getFont(name)
        return name

    def _encode(self, font_name: str, text: str) -> list[tuple[str, str]]:
        """`text` as (subset font, show operator) pairs: split into the font's subsets as reportlab
        documents for its subset fonts (`TTFont.splitString`), with the codes as `_LITERAL` shows them."""
        font, doc = self._fonts[font_name], self.pdf._doc
        return [(font.getSubsetInternalName(subset, doc), f"({chunk.decode('latin-1').translate(_LITERAL)}) Tj")
                for subset, chunk in font.splitString(text, doc)]
