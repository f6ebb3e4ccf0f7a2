"""The PDF draws every persona's emotion curve in its colour and names them in the emotions lane's
legend as text a reader can select and search (read back with pdfplumber); the canvas, which the PNG
and SVG exports render, draws the same curves and legend."""

import io

import pdfplumber
from reportlab.lib.colors import HexColor

from cjm_designer.export.pdf import PdfOptions, to_pdf
from cjm_designer.layout import compute_layout
from cjm_designer.layout.palette import CURVE, PERSONA_CURVES
from tests.export.test_parity import canvas_primitives, pdf_primitives
from tests.layout.test_persona_curves import OWN_COLOR, two_personas


def rgb(hex_color: str) -> tuple[float, ...]:
    color = HexColor(hex_color)
    return tuple(round(c, 3) for c in (color.red, color.green, color.blue))


def test_each_curve_is_stroked_in_its_colour_and_the_legend_is_text():
    with pdfplumber.open(io.BytesIO(to_pdf(two_personas()).data)) as pdf:
        page = pdf.pages[0]
        strokes = {tuple(round(c, 3) for c in curve["stroking_color"]) for curve in page.curves
                   if curve.get("stroking_color")}
        text = page.extract_text()
    assert {rgb(CURVE), rgb(PERSONA_CURVES[0]), rgb(OWN_COLOR)} <= strokes
    assert text.count("Без персоны") == 1
    assert text.count("Марина Кузнецова") == 2 and text.count("Олег 🏢 арендодатель") == 2  # the title's, the legend's
    legend = text[text.index("Эмоции"):]
    assert "Марина Кузнецова" in legend and "Олег 🏢 арендодатель" in legend


def test_the_canvas_draws_the_curves_and_the_legend_as_the_pdf_does(qapp, monkeypatch):
    doc = two_personas()
    canvas, pdf = canvas_primitives(monkeypatch, doc), pdf_primitives(monkeypatch, doc)
    assert canvas == pdf
    layout = compute_layout(doc)
    for shape in (*layout.lanes["mood"].legend, *(curve.shapes[-1] for curve in layout.curves)):
        assert canvas[shape] == 1, shape


def test_the_legend_page_names_the_personas_with_curves_of_their_own():
    doc = two_personas(personas=3)
    for card in doc.cards:
        if card.persona == "p2":
            card.persona = None  # the third persona has no curve
    with pdfplumber.open(io.BytesIO(to_pdf(doc, PdfOptions(legend=True)).data)) as pdf:
        legend = next(page for page in pdf.pages if "Условные обозначения" in (page.extract_text() or ""))
        text = legend.extract_text()
        strokes = {tuple(round(c, 3) for c in line["stroking_color"]) for line in legend.lines
                   if line.get("stroking_color")}
    assert "Марина Кузнецова" in text and "Олег 🏢 арендодатель" in text and "Персона 2" not in text
    assert {rgb(PERSONA_CURVES[0]), rgb(OWN_COLOR)} <= strokes
