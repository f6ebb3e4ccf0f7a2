"""A comparison exported as the comparison window shows it (map_export.export_comparison): the PDF
holds the summary, the two maps' names, the stage notes and the changed cards as text; the PNG is
drawn by the comparison's scene, its marks in their colours; a failed export leaves nothing behind."""

import math

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from cjm_designer.export.pdf import PdfOptions
from cjm_designer.layout import palette
from cjm_designer.layout.comparison import compare_layout
from cjm_designer.map_export import PngOptions, export_comparison
from cjm_designer.model.compare import compare
from tests.comparison_maps import ADDED, REMOVED, demo_map, edited_copy

NAMES = ("map.cjm@Workshop 1", "map.cjm")


@pytest.fixture(scope="module")
def diff():
    before = demo_map()
    return compare(before, edited_copy(before))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_holds_the_summary_and_the_changed_cards_as_text(tmp_path, diff):
    out = tmp_path / "comparison.pdf"
    result = export_comparison(diff, "pdf", out, names=NAMES)
    assert result.pages == 1 and out.stat().st_size == result.size
    text = flat(PdfReader(out).pages[0].extract_text())
    comparison = compare_layout(diff, NAMES)
    for wanted in (comparison.summary, "map.cjm@Workshop 1 → map.cjm", "Entered 28 → 41 (+13)",
                   "Sends a quotation with two options and a 3D view", "Asks in the website chat about delivery",
                   "Calls 2 days later to ask about the decision", "KPI 84% → 117.3%", "emotions before"):
        assert flat(wanted) in text, wanted


def test_a_tiled_pdf_draws_each_mark_on_the_sheets_it_meets(tmp_path, diff):
    from cjm_designer.export.pdf_pages import Pages

    out = tmp_path / "tiles.pdf"
    result = export_comparison(diff, "pdf", out, PdfOptions(pages=Pages.TILES, index=False), names=NAMES)
    texts = [flat(page.extract_text()) for page in PdfReader(out).pages]
    assert result.pages == len(texts) > 1
    assert 0 < sum("emotions before" in text for text in texts) < len(texts)


def test_the_png_is_the_comparison_scene_with_its_marks(qapp, tmp_path, diff):
    out = tmp_path / "comparison.png"
    result = export_comparison(diff, "png", out, PngOptions(scale=1.0), names=NAMES)
    comparison = compare_layout(diff, NAMES)
    assert result.pixels == (math.ceil(comparison.layout.width), math.ceil(comparison.layout.height))
    image = QImage(str(out))
    assert (image.width(), image.height()) == result.pixels
    added = comparison.layout.cards[ADDED[0]].rect
    outline = image.pixelColor(round(added.center.x), round(added.y - 2.5))  # on the outline, above the card
    assert _near(outline, palette.COMPARE_ADDED)
    ghost = comparison.layout.cards[REMOVED].rect
    washed = image.pixelColor(round(ghost.x + 3), round(ghost.center.y))  # the card's fill, washed out
    assert washed.lightness() > QColor(comparison.layout.cards[REMOVED].fill).lightness()


def test_an_unknown_format_is_refused_and_nothing_is_written(tmp_path, diff):
    with pytest.raises(ValueError, match="pdf or png"):
        export_comparison(diff, "svg", tmp_path / "comparison.svg")
    assert list(tmp_path.iterdir()) == []


def _near(color: QColor, hex_color: str) -> bool:
    wanted = QColor(hex_color)
    return max(abs(color.red() - wanted.red()), abs(color.green() - wanted.green()),
               abs(color.blue() - wanted.blue())) < 40
