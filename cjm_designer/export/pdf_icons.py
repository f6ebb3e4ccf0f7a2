"""The canvas's Lucide icons, and other small signs that recur on cards, as PDF vector forms: each is
drawn once into the file as a form XObject and placed wherever it is used, so 5,000 cards do not
repeat its paths (and the export does not compute them 5,000 times)."""

from __future__ import annotations

import io
from collections.abc import Callable, Hashable
from functools import cache

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from ..layout.icons import icon_path
from .pdf_text import REGULAR

VIEWBOX = 24.0  # Lucide draws on a 24 × 24 grid


@cache
def _drawing(name: str, color: str) -> Drawing:
    """The icon in `color`, as a reportlab drawing (bundled SVGs only: nothing a map names is read)."""
    text = icon_path(name).read_text("utf-8").replace("currentColor", color)
    drawing = svg2rlg(io.BytesIO(text.encode("utf-8")))
    if drawing is None:
        raise ValueError(f"the bundled icon {name!r} cannot be read")
    drawing.initialFontName = REGULAR  # the renderer sets a font even for no text: not Helvetica
    return drawing


class Icons:
    """Icons and signs of one PDF: forms defined on first use, then only placed."""

    def __init__(self, pdf: Canvas):
        self._pdf = pdf
        self._forms: dict[tuple[str, str], str] = {}
        self._stamps: dict[Hashable, str] = {}

    def stamp(self, looks: Hashable, x: float, y: float, size: tuple[float, float],
              draw: Callable[[Canvas], None]) -> None:
        """A sign drawn by `draw` (in its own box at the origin, y downwards, `size` wide and high) placed
        at (x, y); `looks` says what it looks like, so it is drawn into the file only once (under a
        short name: a big map places thousands)."""
        pdf = self._pdf
        name = self._stamps.get(looks)
        if name is None:
            name = self._stamps[looks] = f"sign-{len(self._stamps)}"
            pdf.beginForm(name, 0, 0, *size)
            draw(pdf)
            pdf.endForm()
        pdf.saveState()
        pdf.translate(x, y)
        pdf.doForm(name)
        pdf.restoreState()

    def draw(self, name: str, x: float, y: float, size: float, color: str) -> None:
        """The icon in the square at (x, y) of side `size`, on a page whose y grows downwards."""
        form = self._form(name, color)
        pdf = self._pdf
        pdf.saveState()
        pdf.translate(x, y + size)
        pdf.scale(size / VIEWBOX, -size / VIEWBOX)
        pdf.doForm(form)
        pdf.restoreState()

    def _form(self, name: str, color: str) -> str:
        key = (name, color)
        if key not in self._forms:
            form = self._forms[key] = f"icon-{name}-{color.lstrip('#')}"
            drawing = _drawing(name, color)
            pdf = self._pdf
            pdf.beginForm(form, 0, 0, VIEWBOX, VIEWBOX)
            pdf.scale(VIEWBOX / drawing.width, VIEWBOX / drawing.height)
            renderPDF.draw(drawing, pdf, 0, 0)
            pdf.endForm()
        return self._forms[key]
