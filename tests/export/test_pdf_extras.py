"""The legend page and the index of a tiled PDF draw what the map draws: the legend's samples are the
layout's own primitives (a message link is dashed as on the map, not in a pattern of its own; a persona's
curve is stroked in its colour and width), and the index takes its colours, stage names and language
from the layout, not from the model (read back with pdfplumber)."""

import io
from dataclasses import replace

import pdfplumber
from reportlab.lib.colors import HexColor

from cjm_designer.export import pdf as pdf_export
from cjm_designer.export.pdf import Pages, PdfOptions, to_pdf
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.layout.drawing import CURVE_WIDTH, LINK_WIDTH
from cjm_designer.layout.palette import LINK_STYLES, PERSONA_CURVES
from cjm_designer.model import LinkKind
from cjm_designer.paths import templates_dir
from tests.layout.test_persona_curves import OWN_COLOR, two_personas


def rgb(hex_color: str) -> tuple[float, ...]:
    color = HexColor(hex_color)
    return tuple(round(c, 3) for c in (color.red, color.green, color.blue))


def strokes(page, colors: set[tuple[float, ...]]) -> set[tuple]:
    """(colour, width, dashes) of the page's stroked lines and curves in `colors`."""
    found = set()
    for shape in page.lines + page.curves:
        color = tuple(round(c, 3) for c in shape.get("stroking_color") or ())
        if color in colors:
            found.add((color, round(shape["linewidth"], 3), tuple(round(d, 3) for d in shape["dash"][0])))
    return found


def fills(page) -> list[tuple[float, ...]]:
    return [tuple(round(c, 3) for c in rect["non_stroking_color"]) for rect in page.rects if rect["fill"]]


def test_the_legend_draws_each_link_kind_as_the_map_strokes_it():
    doc = load(templates_dir() / "window-installation.en.cjm")
    assert {link.kind for link in doc.links} == set(LinkKind)
    link_colors = {rgb(color) for color, _ in LINK_STYLES.values()}
    with pdfplumber.open(io.BytesIO(to_pdf(doc, PdfOptions(legend=True)).data)) as pdf:
        legend, map_page = pdf.pages
        assert "Legend" in legend.extract_text()
        drawn, on_map = strokes(legend, link_colors), strokes(map_page, link_colors)
    assert {color for color, _, _ in drawn} == link_colors  # one sample of each kind
    assert drawn <= on_map  # each in its colour, width and dashes on the map
    message_color, pattern = LINK_STYLES["message"]
    assert (rgb(message_color), LINK_WIDTH, tuple(round(d * LINK_WIDTH, 3) for d in pattern)) in drawn


def test_the_legend_draws_each_persona_s_curve_as_the_map_strokes_it():
    doc = two_personas(personas=3)
    for card in doc.cards:
        if card.persona == "p2":
            card.persona = None  # the third persona has no curve, and no sample
    persona_colors = {rgb(PERSONA_CURVES[0]), rgb(OWN_COLOR), rgb(PERSONA_CURVES[2])}
    with pdfplumber.open(io.BytesIO(to_pdf(doc, PdfOptions(legend=True)).data)) as pdf:
        legend, map_page = pdf.pages
        drawn, on_map = strokes(legend, persona_colors), strokes(map_page, persona_colors)
    assert drawn == {(rgb(PERSONA_CURVES[0]), CURVE_WIDTH, ()), (rgb(OWN_COLOR), CURVE_WIDTH, ())}
    assert drawn <= on_map  # each in its colour and width on the map


def test_the_index_takes_colours_names_and_language_from_the_layout(monkeypatch):
    doc = load(templates_dir() / "window-installation.en.cjm")  # English; the layout says Russian

    def laid_out(doc, style):
        layout = compute_layout(doc, style)
        layout.language = "ru"
        layout.stages = {stage_id: replace(box, fill="#123456", name=f"Этап {box.index + 1}")
                         for stage_id, box in layout.stages.items()}
        layout.lanes = {lane_id: replace(box, cell_fill="#ABCDEF") for lane_id, box in layout.lanes.items()}
        return layout

    monkeypatch.setattr(pdf_export, "compute_layout", laid_out)
    with pdfplumber.open(io.BytesIO(to_pdf(doc, PdfOptions(pages=Pages.TILES, paper="A4")).data)) as pdf:
        index = pdf.pages[0]
        text = " ".join(index.extract_text().split())
        drawn = fills(index)
    assert "Как сложить страницы" in text
    assert "Лист 1: Этап 1" in text and doc.stages[0].name not in text
    assert drawn.count(rgb("#123456")) == len(doc.stages) and drawn.count(rgb("#ABCDEF")) == len(doc.lanes)
    assert rgb(doc.stages[0].color) not in drawn
