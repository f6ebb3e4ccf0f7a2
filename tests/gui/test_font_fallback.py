"""The canvas, PNG and SVG use the font chain the layout measured with: Qt draws emoji, Chinese, Arabic
and Hebrew as wide as the layout measured them, emoji as their outlines (not an empty box), and the
SVG carries their outlines too."""

import io
import re

import pytest
from PIL import Image, ImageChops
from PySide6.QtGui import QDesktopServices, QFontMetricsF

from cjm_designer.canvas.painting import BASE_SIZE, font, load_fallback_font, load_fonts
from cjm_designer.export.image import render_png, render_svg
from cjm_designer.io import load
from cjm_designer.layout import TextLine, compute_layout
from cjm_designer.layout.text import metrics
from cjm_designer.paths import templates_dir
from cjm_designer.ui.export_dialog import ExportDialog
from cjm_designer.ui.settings import Settings

NOWHERE = "\U0010fffd"  # no font has it: drawn as an empty box


def titled(title: str):
    doc = load(templates_dir() / "five-stages.en.cjm")
    doc.cards[0].title = title
    return doc


@pytest.mark.parametrize("text", ["😀🚀👍 ✅", "中文汉字客户", "العربية", "עברית", "Путь 😀 中文 العربية עברית"])
@pytest.mark.parametrize("bold", [False, True])
def test_qt_draws_a_line_as_wide_as_the_layout_measured_it(qapp, text, bold):
    load_fonts()
    load_fallback_font(text, bold)
    drawn = QFontMetricsF(font(bold)).horizontalAdvance(text)
    assert drawn == pytest.approx(metrics(bold).width(text, BASE_SIZE), rel=0.01)


@pytest.mark.parametrize("path", sorted(templates_dir().glob("*.cjm")), ids=lambda p: p.name)
def test_on_every_template_a_mixed_card_is_wrapped_as_qt_draws_it(qapp, path):
    """Each line the layout broke a card of emoji, Chinese, Arabic and Hebrew into is as wide on the canvas
    as the layout measured it, so it fits its card there as it does in the PDF."""
    load_fonts()
    doc = load(path)
    text = "😀 🚀 中文 العربية עברית Привет " * 3
    if doc.cards:
        doc.cards[0].title = text
    else:
        doc.meta.title = text
    layout = compute_layout(doc)
    lines = ([shape for shape in layout.cards[doc.cards[0].id].drawing.shapes if type(shape) is TextLine]
             if doc.cards else list(layout.title_texts()))
    mixed = [line for line in lines if not metrics(line.bold).chain.covers(line.text)]
    assert len(mixed) >= 2  # wrapped
    for line in mixed:
        load_fallback_font(line.text, line.bold)
        drawn = QFontMetricsF(font(line.bold)).horizontalAdvance(line.text) * line.size / BASE_SIZE
        assert drawn == pytest.approx(metrics(line.bold).width(line.text, line.size), rel=0.01), line.text


def title_area(doc, scale: int) -> Image.Image:
    """The first card's first line, cut from the PNG of the map."""
    layout = compute_layout(doc)
    card = layout.cards[doc.cards[0].id]
    line = next(shape for shape in card.drawing.shapes if type(shape) is TextLine)
    image = Image.open(io.BytesIO(render_png(doc, scale=scale))).convert("L")
    box = (line.x, line.y - line.size, line.x + metrics(line.bold).width(line.text, line.size), line.y + line.size / 3)
    return image.crop(tuple(round(v * scale) for v in box))


def ink(area: Image.Image) -> int:
    """How many pixels are clearly darker than the card's fill."""
    return sum(area.histogram()[:128])


def test_emoji_on_the_canvas_are_their_outlines_not_empty_boxes(qapp):
    """Two characters no font has are the same box; two emoji are two different drawings."""
    smile, rocket = title_area(titled("😀"), 2), title_area(titled("🚀"), 2)
    box, other_box = title_area(titled(NOWHERE), 2), title_area(titled("\U0010fffc"), 2)
    assert ImageChops.difference(box, other_box).getbbox() is None
    assert smile.size == rocket.size
    assert ImageChops.difference(smile, rocket).getbbox() is not None
    assert ink(smile) > 0 and ink(rocket) > 0
    last_quarter = smile.crop((smile.width * 3 // 4, 0, smile.width, smile.height))
    assert ink(last_quarter) > 0  # the emoji fills the width the layout measured for it


def test_the_svg_draws_emoji_and_chinese_as_outlines(qapp):
    """Each run of a line is a `<text>` of its own (one font each), its outlines drawn before it."""
    svg = render_svg(titled("😀 中文")).decode("utf-8")
    for word, glyphs in (("😀", 1), ("中文", 2)):
        found = re.search(r'<g fill-rule="nonzero"[^>]*>((?:<use [^>]*/>)*)</g>\s*<text[^>]*>\s*' + word, svg)
        assert found is not None, word
        assert found[1].count("<use ") == glyphs


def test_the_export_dialog_names_each_card_with_a_character_no_font_has(qtbot, tmp_path, boxes, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)  # nothing opened if asked to
    doc = titled(f"Нет шрифта {NOWHERE}")
    doc.cards[2].title = f"Тоже {NOWHERE} 😀"
    dialog = ExportDialog(doc, None, Settings())
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.export_to(tmp_path / "map.pdf")
    (box,) = boxes.shown
    assert box.text().splitlines()[1:] == [f"Card “{doc.cards[0].title}”: U+10FFFD",
                                           f"Card “{doc.cards[2].title}”: U+10FFFD"]
