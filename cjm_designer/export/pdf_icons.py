"""The canvas's Lucide icons, and other small signs that recur on cards, as PDF vector forms: each is
drawn once into the file as a form XObject and placed wherever it is used, so 5,000 cards do not
repeat its paths (and the export does not compute them 5,000 times). A form is placed by writing its
matrix between q and Q: reportlab's saveState, translate and restoreState would keep a Python copy of
the whole graphics state for each of tens of thousands of placements."""

from __future__ import annotations

import io
from collections.abc import Callable, Hashable

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from ..layout.icons import icon_path
from .pdf_text import REGULAR


def _drawing(name: str, color: str) -> Drawing:
    """The icon in `color`, as a reportlab drawing (bundled SVGs only: nothing a map names is read)."""
    text = icon_path(name).read_text("utf-8").replace("currentColor", color)
    drawing = svg2rlg(io.BytesIO(text.encode("utf-8")))
    if drawing is None:
        raise ValueError(f"the bundled icon {name!r} cannot be read")
    drawing.initialFontName = REGULAR  # the renderer sets a font even for no text: not Helvetica
    return drawing


class Icons:
    """Icons and signs of one PDF: forms defined on first use, then only placed (under short names: a
    big map places tens of thousands)."""

    def __init__(self, pdf: Canvas):
        self._pdf = pdf
        self._forms: dict[tuple[str, str, float], str] = {}
        self._stamps: dict[Hashable, str] = {}

    def stamp(self, looks: Hashable, x: float, y: float, box: Callable[[], tuple[float, float, float, float]],
              draw: Callable[[Canvas], None]) -> None:
        """A sign drawn by `draw` (y downwards, within `box()`: left, top, right, bottom) with its origin
        placed at (x, y); `looks` says what it looks like, so it is drawn into the file (and `box` and
        `draw` are called) only once."""
        pdf = self._pdf
        name = self._stamps.get(looks)
        if name is None:
            name = self._stamps[looks] = f"s{len(self._stamps)}"
            pdf.beginForm(name, *box())
            draw(pdf)
            pdf.endForm()
        self._place(name, x, y)

    def draw(self, name: str, x: float, y: float, size: float, color: str) -> None:
        """The icon in the square at (x, y) of side `size`, on a page whose y grows downwards."""
        self._place(self._form(name, color, size), x, y)

    def _place(self, form: str, x: float, y: float) -> None:
        pdf = self._pdf
        pdf.addLiteral(f"q 1 0 0 1 {fp_str(x, y)} cm")
        pdf.doForm(form)
        pdf.addLiteral("Q")

    def _form(self, name: str, color: str, size: float) -> str:
        """The icon drawn at its size, upright on a page whose y grows downwards, so that placing it
        is only a move."""
        key = (name, color, size)
        if key not in self._forms:
            form = self._forms[key] = f"i{len(self._forms)}"
            drawing = _drawing(name, color)
            pdf = self._pdf
            pdf.beginForm(form, 0, 0, size, size)
            pdf.translate(0, size)
            pdf.scale(size / drawing.width, -size / drawing.height)
            renderPDF.draw(drawing, pdf, 0, 0)
            pdf.endForm()
        return self._forms[key]
