"""The SVG export's text drawn as outlines, its words kept as invisible text.

QSvgGenerator writes each line as `<text font-family="PT Sans">`, which draws right only where PT Sans
is installed: elsewhere the viewer's fallback font (DejaVu, a serif) is wider, overflows the cards and
overprints. Embedding the font as `@font-face` data is not enough, as librsvg (GNOME's viewer, Inkscape's
import, converters) ignores it. So each line's glyphs become paths here, placed where Qt places them
for the canvas and the PNG (the same font without kerning, its ligatures, the fallback fonts of
characters PT Sans lacks): the drawing is the same in every viewer. Each glyph's outline is written
once, in `<defs>`, and placed with `<use>`. The `<text>` stays, transparent and stretched over the
drawn line (`textLength`), so that the words are still searched, selected, copied and read aloud.

Every line of the map is drawn by `canvas.painting.draw_text_line` in `painting.font(bold)`; the
`font-weight` Qt writes tells which of the two.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import unescape

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QRawFont, QTextLayout, QTextOption

from ..canvas.painting import font, load_fallback_font

_TEXT = re.compile(rb"<text\b([^>]*)>(.*?)</text>", re.S)
_ATTRIBUTE = re.compile(r'\s([\w:-]+)="([^"]*)"')
_OPACITY = re.compile(r'\sfill-opacity="[^"]*"')
BOLD = 600  # a CSS weight from which PT Sans Bold is drawn
_PREFIX = "cjm-g"


def outline_text(svg: bytes) -> bytes:
    """`svg` as QSvgGenerator wrote it, each `<text>` drawn as glyph outlines before it and made
    transparent; the outlines in the first `<defs>`."""
    glyphs = _Glyphs()
    body = _TEXT.sub(lambda match: glyphs.line(match[1].decode("utf-8"), match[2].decode("utf-8")).encode("utf-8"),
                     svg)
    defs = body.index(b"<defs>") + len(b"<defs>")
    return body[:defs] + glyphs.defs() + body[defs:]


class _Glyphs:
    """The outlines used so far, each with its id, and the SVG of each line (a line drawn again, such as
    a channel's name, is laid out once)."""

    def __init__(self):
        self._ids: dict[tuple, str | None] = {}
        self._paths: list[str] = []
        self._lines: dict[tuple, tuple[str, float]] = {}

    def line(self, attributes: str, escaped: str) -> str:
        """The line's glyphs as `<use>`s of their outlines, in its fill, then its `<text>`, transparent."""
        values = dict(_ATTRIBUTE.findall(attributes))
        key = (escaped, int(values.get("font-weight", 400)) >= BOLD, float(values.get("x", 0)),
               float(values.get("y", 0)))
        if key not in self._lines:
            self._lines[key] = self._uses(*key)
        uses, width = self._lines[key]
        fill = "".join(f' {name}="{values[name]}"' for name in ("fill", "fill-opacity") if name in values)
        hidden = f'{_OPACITY.sub("", attributes).rstrip()} fill-opacity="0" textLength="{_n(width, 2)}"'
        return (f'<g fill-rule="nonzero" stroke="none"{fill}>{uses}</g>\n'
                f'<text{hidden} lengthAdjust="spacingAndGlyphs">{escaped}</text>')

    def _uses(self, escaped: str, bold: bool, x: float, y: float) -> tuple[str, float]:
        """The `<use>`s that draw the line with its baseline starting at (x, y), and its width."""
        layout = _laid_out(unescape(escaped, {"&quot;": '"'}), bold)
        line = layout.lineAt(0)
        y -= line.ascent()  # the layout's positions are from the line's top
        uses = []
        for run in layout.glyphRuns():
            raw = run.rawFont()
            face = (raw.familyName(), raw.styleName(), raw.weight(), raw.pixelSize())
            for glyph, at in zip(run.glyphIndexes(), run.positions()):
                ref = self._outline(raw, face, glyph)
                if ref:
                    down = _n(y + at.y(), 2)  # the baseline: 0, y's default, as lines are drawn at the origin
                    uses.append(f'<use xlink:href="#{ref}" x="{_n(x + at.x(), 2)}"'
                                + ("" if down == "0" else f' y="{down}"') + "/>")
        return "".join(uses), line.naturalTextWidth()

    def _outline(self, raw: QRawFont, face: tuple, glyph: int) -> str | None:
        """The id of the glyph's outline, written on first use; None for a glyph with none (a space)."""
        if (face, glyph) not in self._ids:
            path = raw.pathForGlyph(glyph)
            self._ids[face, glyph] = None if path.isEmpty() else f"{_PREFIX}{len(self._paths)}"
            if not path.isEmpty():
                self._paths.append(f'<path id="{self._ids[face, glyph]}" d="{_d(path)}"/>\n')
        return self._ids[face, glyph]

    def defs(self) -> bytes:
        return ("\n" + "".join(self._paths)).encode("ascii")


def _laid_out(text: str, bold: bool) -> QTextLayout:
    """The line as QPainter.drawText lays it out: one line, unwrapped, in the map's font."""
    load_fallback_font(text, bold)
    layout = QTextLayout(text, font(bold))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


def _d(path: QPainterPath) -> str:
    """The path's SVG data; the font is drawn at 100 px, so tenths of a pixel are exact enough."""
    parts, i = [], 0
    while i < path.elementCount():
        element = path.elementAt(i)
        if element.type == QPainterPath.ElementType.CurveToElement:
            points = [path.elementAt(j) for j in (i, i + 1, i + 2)]
            parts.append("C" + " ".join(f"{_n(p.x, 1)} {_n(p.y, 1)}" for p in points))
            i += 3
            continue
        command = "M" if element.type == QPainterPath.ElementType.MoveToElement else "L"
        parts.append(f"{command}{_n(element.x, 1)} {_n(element.y, 1)}")
        i += 1
    return "".join(parts)


def _n(value: float, digits: int) -> str:
    """A number in few characters: no trailing zeros, no minus zero."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
