"""Emoji, Chinese, Arabic and Hebrew in the PDF: drawn in the fonts of the chain (each embedded), still
text a reader copies, Arabic shaped and right-to-left text in the order it is seen; a character no font
has is reported with its card, on the command line too."""

import io

import pytest
from arabic_reshaper import reshape
from pypdf import PdfReader

from cjm_designer.cli import main
from cjm_designer.export.pdf import to_pdf
from cjm_designer.io import dumps, load
from cjm_designer.layout.missing_glyphs import MissingGlyphs, PartKind
from cjm_designer.model import Card
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
MIXED = "😀 🚀 中文 العربية עברית Привет"
NOWHERE = "\U0010fffd"  # private use, last plane: no font has it


def with_titles(path, *titles):
    """The template with its first cards titled `titles` (a blank template gets cards)."""
    doc = load(path)
    for n, title in enumerate(titles):
        if n < len(doc.cards):
            doc.cards[n].title = title
        else:
            doc.add_card(Card(id=f"mixed-{n}", stage=doc.stages[0].id, lane=doc.lanes[0].id, title=title))
    return doc


def shown(data: bytes) -> list[tuple[str, str]]:
    """Each text run of the first page as the reader decodes it, in the order drawn, with its font."""
    runs = []
    page = PdfReader(io.BytesIO(data)).pages[0]
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
        (text, str(font["/BaseFont"]) if font else "")) if text.strip() else None)
    return runs


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Each font of the first page, and whether its TrueType program is in the file."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    fonts = {}
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        fonts[str(font["/BaseFont"])] = "/FontFile2" in font["/FontDescriptor"].get_object()
    return fonts


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_emoji_chinese_arabic_and_hebrew_are_text_in_embedded_fonts(path):
    data = to_pdf(with_titles(path, MIXED)).data
    text = "".join(run for run, _font in shown(data))
    for word in ("😀", "🚀", "中文", "Привет"):
        assert word in text, word
    arabic = reshape("العربية")
    assert arabic in text or arabic[::-1] in text  # shaped: its contextual forms, not the bare letters
    assert "עברית" in text or "תירבע" in text
    fonts = embedded_fonts(data)
    assert all(fonts.values()), fonts
    assert any(name.endswith("+NotoEmoji") for name in fonts), fonts
    assert len({name.split("+", 1)[1] for name in fonts}) >= 4  # PT Sans, Noto Emoji, a CJK and an Arabic font


def test_right_to_left_runs_are_drawn_in_the_order_they_are_seen():
    """Arabic before Hebrew in the title is Hebrew left of Arabic on paper; a line that starts in Arabic
    runs from the right, its Latin part on the left, as Qt draws it on the canvas."""
    doc = with_titles(TEMPLATES[0], "العربية עברית", "مرحبا بالعالم — hello")
    runs = [run for run, font in shown(to_pdf(doc).data) if any(0x590 <= ord(c) <= 0xFEFF for c in run)
            or run.startswith("hello")]
    assert runs.index("עברית") < runs.index(reshape("العربية"))
    line = [run.strip() for run in runs if run.strip() in ("hello —", reshape("بالعالم"), reshape("مرحبا"))]
    assert line == ["hello —", reshape("بالعالم"), reshape("مرحبا")]


def test_arabic_is_written_in_presentation_forms():
    doc = with_titles(TEMPLATES[0], "العربية")
    (arabic,) = [run for run, font in shown(to_pdf(doc).data) if any(0x600 <= ord(c) <= 0xFEFF for c in run)]
    assert all(0xFE70 <= ord(char) <= 0xFEFF for char in arabic)


@pytest.mark.parametrize("path", [p for p in TEMPLATES if p.name.startswith("five-stages")], ids=lambda p: p.name)
def test_a_character_no_font_has_is_reported_with_its_card(path):
    doc = with_titles(path, "Все шрифты есть 😀", f"Нет шрифта {NOWHERE} 中")
    made = to_pdf(doc)
    card = doc.cards[1]
    assert made.missing == [MissingGlyphs(PartKind.CARD, card.id, card.title, NOWHERE)]
    assert made.missing[0].codes == "U+10FFFD"


def test_a_header_with_a_character_no_font_has_is_reported_too():
    doc = load(TEMPLATES[0])
    doc.stages[0].name = f"Этап {NOWHERE}"
    assert to_pdf(doc).missing == [MissingGlyphs(PartKind.STAGE, doc.stages[0].id, doc.stages[0].name, NOWHERE)]


@pytest.mark.parametrize("kind", ["pdf", "png", "svg"])
def test_the_command_line_warns_once_a_card_and_still_succeeds(tmp_path, capsys, qapp, kind):
    doc = with_titles(TEMPLATES[0], f"Первая {NOWHERE}", "Вторая 😀", f"Третья {NOWHERE}{NOWHERE}")
    source = tmp_path / "map.cjm"
    source.write_bytes(dumps(doc))
    assert main(["export", str(source), "-o", str(tmp_path / f"map.{kind}")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2
    for line, card in zip(warnings, (doc.cards[0], doc.cards[2])):
        assert f"({card.id})" in line and "U+10FFFD" in line, line
