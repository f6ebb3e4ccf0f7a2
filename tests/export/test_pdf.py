"""PDF export: every template in Russian and English keeps its text as text, in embedded fonts."""

import io

import pytest
from pypdf import PdfReader

from cjm_designer.cli import main
from cjm_designer.export.pdf import MAX_PAGE, to_pdf
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_stage_and_card_title_is_text_in_embedded_fonts(path):
    doc = load(path)
    reader = PdfReader(io.BytesIO(to_pdf(doc)))
    (page,) = reader.pages
    text = flat(page.extract_text())
    for stage in doc.stages:
        assert flat(stage.name) in text
    for card in doc.cards:
        assert flat(card.title) in text, card.title
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded TrueType, no built-in Type 1
        assert "PTSans" in font["/BaseFont"]
    layout = compute_layout(doc)
    box = page.mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((layout.width, layout.height))
    assert reader.metadata.title == (doc.meta.title or "Customer journey map")
    assert reader.metadata.creator.startswith("CJM Designer")


def test_a_map_larger_than_viewers_allow_is_scaled_to_fit():
    reader = PdfReader(io.BytesIO(to_pdf(generate_map(1500, stages=10, lanes=10))))
    box = reader.pages[0].mediabox
    assert max(float(box.width), float(box.height)) == pytest.approx(MAX_PAGE)


def test_cli_exports_pdf(tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert main(["export", str(templates_dir() / "window-installation.ru.cjm"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Установка окон" in PdfReader(out).pages[0].extract_text()
