"""Text and shapes of the PowerPoint deck: boxes in points, text in PT Sans with fallbacks, and sizes
chosen with the layout's own text measuring so that text fits its shape where PT Sans is installed
and, shrunk by the viewer's own auto-fit, where it is not.

PT Sans is named on every run with its PANOSE numbers and family (a sans serif), which is what
PowerPoint and Impress use to pick the nearest installed font when PT Sans is missing; East Asian
and complex-script text (which PT Sans lacks) goes to the theme's fonts for those scripts.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from ..layout import palette
from ..layout.fonts import FAMILY
from ..layout.text import TextStyle, wrap
from ..model.captions import caption, language_of

PANOSE = "020B0503020203020204"  # PT Sans: a sans serif, so a missing font falls back to one
SANS_FAMILY = "34"  # variable pitch, Swiss (sans serif)
FIT_MARGIN = 0.9  # text is measured in PT Sans into this share of its box: a fallback font is wider
INSET = 6.0  # a text frame's inner margin, points


@dataclass(frozen=True)
class Run:
    """A piece of text in one style; a paragraph is a list of runs."""

    text: str
    size: float
    bold: bool = False
    color: str = palette.INK


def language_tag(code: str) -> str:
    """The language runs are marked with (for spelling and hyphenation): the map's language code when
    it names a region (de-AT), else its captions' language with the usual one (ru-RU, en-US)."""
    return code if "-" in code else caption("language_tag", language_of(code))


def rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def set_font(run, size: float, bold: bool, color: str, language: str) -> None:
    """PT Sans with its fallbacks, in `size` points, on one run; `language` for spelling (ru-RU, en-US)."""
    font = run.font
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = rgb(color)
    font.name = FAMILY
    properties = run._r.get_or_add_rPr()
    properties.set("lang", language)
    latin = properties.find(qn("a:latin"))
    latin.set("panose", PANOSE)
    latin.set("pitchFamily", SANS_FAMILY)
    latin.set("charset", "0")
    for tag, theme in (("a:cs", "+mn-cs"), ("a:ea", "+mn-ea")):  # each added right after the Latin font
        script = latin.makeelement(qn(tag), {"typeface": theme})
        latin.addnext(script)


def add_text(slide, box: tuple[float, float, float, float], paragraphs: list[list[Run]], language: str, *,
             align: PP_ALIGN = PP_ALIGN.LEFT, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset: float = 0.0,
             shrink: bool = True, spacing: float = 0.0):
    """A text box at `box` (x, y, w, h in points) holding the paragraphs; with `shrink` the viewer
    shrinks the text if it overflows (in a font wider than PT Sans); see `fill_frame`."""
    shape = slide.shapes.add_textbox(*(Pt(v) for v in box))
    fill_frame(shape.text_frame, paragraphs, language, align=align, anchor=anchor, inset=inset, shrink=shrink,
               spacing=spacing)
    return shape


def fill_frame(frame, paragraphs: list[list[Run]], language: str, *, align: PP_ALIGN = PP_ALIGN.LEFT,
               anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset: float = INSET, shrink: bool = True,
               spacing: float = 0.0) -> None:
    """`paragraphs` of runs into a shape's text frame, wrapped, `spacing` points after each paragraph."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if shrink else MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Pt(inset)
    for i, runs in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if spacing:
            paragraph.space_after = Pt(spacing)
        for piece in runs:
            run = paragraph.add_run()
            run.text = piece.text
            set_font(run, piece.size, piece.bold, piece.color, language)


def add_box(slide, box: tuple[float, float, float, float], fill: str | None, line: str | None = None, *,
            radius: float = 0.0, line_width: float = 0.75, oval: bool = False):
    """A rectangle (corners rounded by `radius` points), or an ellipse, filled with `fill` and
    outlined with `line`."""
    x, y, w, h = box
    kind = MSO_SHAPE.OVAL if oval else MSO_SHAPE.ROUNDED_RECTANGLE if radius else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, Pt(x), Pt(y), Pt(w), Pt(h))
    if radius:
        shape.adjustments[0] = min(radius / max(min(w, h), 1.0), 0.5)
    if fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
    if line is None:
        shape.line.fill.background()
    else:
        shape.line.color.rgb = rgb(line)
        shape.line.width = Pt(line_width)
    plain(shape)
    return shape


def plain(shape) -> None:
    """No theme style on the shape (its shadow, its theme-coloured text): only what is set on it shows."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def lines_of(text: str, style: TextStyle, width: float, max_lines: int | None = None) -> list[str]:
    """`text` wrapped as the layout wraps it, into `width` less the room a fallback font needs."""
    return wrap(text, style, width * FIT_MARGIN, max_lines) if text else []


def fitted_size(text: str, sizes: tuple[float, ...], width: float, height: float, bold: bool = False,
                leading: float = 1.2) -> float:
    """The largest of `sizes` (largest first) at which `text` fits `width` × `height`; else the smallest."""
    for size in sizes:
        style = TextStyle(size, bold, leading)
        if len(lines_of(text, style, width)) * style.line_height <= height:
            return size
    return sizes[-1]


def shortened(text: str, style: TextStyle, width: float, max_lines: int) -> str:
    """`text` cut to the `max_lines` lines it fills in `width`, ending in an ellipsis when cut."""
    return " ".join(lines_of(text, style, width, max_lines))
