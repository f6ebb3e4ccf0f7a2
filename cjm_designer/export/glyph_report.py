"""Which parts of a map hold characters no font has, for the exports Qt draws (PNG, SVG): their scene
lays the map out itself, so the parts are found on a layout of their own, as the PDF finds them on its."""

from __future__ import annotations

from ..layout import DEFAULT_STYLE, Style, compute_layout
from ..layout.missing_glyphs import MissingGlyphs, missing_glyphs
from ..model import JourneyMap


def glyph_report(doc: JourneyMap, style: Style = DEFAULT_STYLE) -> list[MissingGlyphs]:
    return missing_glyphs(doc, compute_layout(doc, style))
