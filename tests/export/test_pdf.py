"""PDF export: every template in Russian and English keeps its text as text, in embedded fonts, on
a poster page, on tiles of A4/A3 sheets or fitted on one sheet, with cover, personas and legend."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from cjm_designer.cli import main
from cjm_designer.export import Cancelled
from cjm_designer.export.pdf import MAX_PAGE, Pages, PdfOptions, to_pdf
from cjm_designer.export.pdf_pages import MM, PAPERS, PageOptions, plan_pages
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.layout.drawing import Dot, Icon
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
DAY = date(2026, 11, 26)


def flat(text: str) -> str:
    return " ".join(text.split())


def read(options: PdfOptions, doc) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(to_pdf(doc, options).data))
    return reader, [flat(page.extract_text()) for page in reader.pages]


def assert_fonts_embedded(page) -> None:
    fonts = page["/Resources"].get("/Font", {})
    for font in fonts.values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded TrueType, no built-in Type 1
    # PT Sans, and for a character it lacks (three-stages' →) a font of the chain (layout/fonts.py)
    assert any("PTSans" in font.get_object()["/BaseFont"] for font in fonts.values())


def size_of(page) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_stage_and_card_title_is_text_in_embedded_fonts(path):
    doc = load(path)
    reader, texts = read(PdfOptions(), doc)
    (page,) = reader.pages
    for stage in doc.stages:
        assert flat(stage.name) in texts[0]
    for card in doc.cards:
        assert flat(card.title) in texts[0], card.title
    assert page["/Resources"]["/Font"]
    assert_fonts_embedded(page)
    layout = compute_layout(doc)
    assert size_of(page) == pytest.approx((layout.width, layout.height))
    assert reader.metadata.title == (doc.meta.title or "Customer journey map")
    assert reader.metadata.creator.startswith("CJM Designer")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_tiles_on_a3_hold_every_stage_and_card_title_with_page_numbers(path):
    doc = load(path)
    reader, texts = read(PdfOptions(pages=Pages.TILES, paper="A3", day=DAY), doc)
    everything = " ".join(texts)
    for stage in doc.stages:
        assert flat(stage.name) in everything
    for card in doc.cards:
        assert flat(card.title) in everything, card.title
    russian = doc.meta.language == "ru"
    for number, (page, text) in enumerate(zip(reader.pages, texts), start=1):
        assert size_of(page) == pytest.approx(size_of(reader.pages[0]))  # A3, turned as the tiles need
        assert sorted(size_of(page)) == pytest.approx(sorted(PAPERS["A3"]))
        assert_fonts_embedded(page)
        shown = f"Страница {number} из {len(texts)}" if russian else f"Page {number} of {len(texts)}"
        assert shown in text
        assert ("26.11.2026" if russian else "2026-11-26") in text


def test_tiles_cover_the_map_with_the_overlap_asked_for():
    layout = compute_layout(generate_map(400, stages=8, lanes=6))
    options = PageOptions(pages=Pages.TILES, paper="A4", overlap=12 * MM, margin=8 * MM)
    plan = plan_pages(layout, options)
    assert plan.rows * plan.columns == len(plan.tiles) > 4
    assert sorted(plan.page_size) == pytest.approx(sorted(PAPERS["A4"]))  # turned for the fewest sheets
    page_width, page_height = plan.page_size
    overlap = 12 * MM / plan.scale  # on paper, whatever the scale
    right = max(t.source.right for t in plan.tiles)
    bottom = max(t.source.bottom for t in plan.tiles)
    assert (right, bottom) == pytest.approx((layout.width, layout.height))
    by_place = {(t.row, t.column): t for t in plan.tiles}
    for (row, column), tile in by_place.items():
        assert tile.target.x >= 8 * MM - 1e-6 and tile.target.right <= page_width - 8 * MM + 1e-6
        assert tile.target.bottom <= page_height - 8 * MM + 1e-6
        if (row, column + 1) in by_place:
            assert tile.source.right - by_place[(row, column + 1)].source.x == pytest.approx(overlap)
        if (row + 1, column) in by_place:
            assert tile.source.bottom - by_place[(row + 1, column)].source.y == pytest.approx(overlap)
    for tile in plan.tiles:
        assert tile.stages  # every sheet knows which stages it shows (the map's edge aside)
        assert tile.stages == tuple(s for s in layout.stages if s in tile.stages)


def test_a_sheet_holds_the_text_it_shows_and_the_index_says_which_stages_are_where():
    doc = load(templates_dir() / "window-installation.en.cjm")
    options = PdfOptions(pages=Pages.TILES, paper="A4", day=DAY)
    layout = compute_layout(doc)
    plan = plan_pages(layout, options)
    reader, texts = read(options, doc)
    assert len(texts) == 1 + len(plan.tiles)  # the index, then the sheets
    assert "How the pages fit together" in texts[0]
    first = plan.tiles[0]
    assert f"Sheet 1: {', '.join(doc.stage(s).name for s in first.stages)}" in texts[0]
    assert "sheet 1: row 1, column 1" in texts[1]  # the footer of that sheet numbers it the same
    inside = [card for card in doc.cards if first.source.x + 20 < layout.cards[card.id].rect.x
              and layout.cards[card.id].rect.right < first.source.right - 40
              and layout.cards[card.id].rect.bottom < first.source.bottom - 40]
    assert inside
    for card in inside:
        pages_with_it = [n for n, text in enumerate(texts[1:]) if flat(card.title) in text]
        assert pages_with_it == [0], card.title  # drawn on its sheet only, not hidden under a clip elsewhere


def test_fit_puts_the_whole_map_on_one_sheet():
    doc = load(templates_dir() / "five-stages.ru.cjm")
    reader, texts = read(PdfOptions(pages=Pages.FIT, paper="A4", day=DAY), doc)
    (page,) = reader.pages
    assert size_of(page) == pytest.approx(PAPERS["A4"][::-1])  # a tall map: portrait, larger than landscape
    for card in doc.cards:
        assert flat(card.title) in texts[0]
    assert "Страница 1 из 1" in texts[0]


def test_cover_personas_and_legend_come_first_in_the_maps_language():
    doc = load(templates_dir() / "window-installation.ru.cjm")
    reader, texts = read(PdfOptions(pages=Pages.FIT, cover=True, personas=True, legend=True, day=DAY), doc)
    assert len(texts) == 4
    assert doc.meta.title in texts[0] and "26.11.2026" in texts[0] and "Карта пути клиента".upper() in texts[0]
    persona = doc.personas[0]
    assert persona.name in texts[1] and "Цели" in texts[1]
    assert "Условные обозначения" in texts[2] and "Телефонный звонок" in texts[2] and "отлично" in texts[2]
    for page in reader.pages:
        assert size_of(page) == pytest.approx(PAPERS["A4"])
        assert_fonts_embedded(page)
    english = load(templates_dir() / "window-installation.en.cjm")
    _, texts = read(PdfOptions(legend=True, day=DAY), english)
    assert "Legend" in texts[0] and "Phone call" in texts[0]


def test_the_report_page_shows_the_funnel_and_the_missed_kpis():
    doc = load(templates_dir() / "five-stages.ru.cjm")
    reader, texts = read(PdfOptions(pages=Pages.FIT, report=True, day=DAY), doc)
    assert len(texts) == 2
    report = texts[0]
    assert "Аналитика карты" in report and "наибольшая потеря" in report and "Сквозная конверсия: 2,8 %" in report
    assert "Точки контакта: 35" in report and "Невыполненные KPI" in report
    for stage in doc.stages:
        assert stage.name in report
    _, english = read(PdfOptions(report=True, day=DAY), load(templates_dir() / "window-installation.en.cjm"))
    assert "Map analytics" in english[0] and "largest drop" in english[0]


def test_headers_and_footers_can_be_left_out():
    doc = load(templates_dir() / "three-stages.en.cjm")
    _, texts = read(PdfOptions(pages=Pages.FIT, header=False, day=DAY), doc)
    assert "Page 1 of 1" not in texts[0] and "2026-11-26" not in texts[0]


def test_a_map_larger_than_viewers_allow_is_scaled_to_fit_and_says_so():
    result = to_pdf(generate_map(1500, stages=10, lanes=10))
    box = PdfReader(io.BytesIO(result.data)).pages[0].mediabox
    assert max(float(box.width), float(box.height)) == pytest.approx(MAX_PAGE)
    assert result.notes and "tiles" in result.notes[0]


def test_progress_is_reported_per_page_and_can_cancel():
    doc = load(templates_dir() / "window-installation.ru.cjm")
    seen = []
    result = to_pdf(doc, PdfOptions(pages=Pages.TILES, legend=True), progress=lambda done, total: seen.append(
        (done, total)) is None)
    assert seen == [(n, result.pages) for n in range(1, result.pages + 1)]
    with pytest.raises(Cancelled):
        to_pdf(doc, PdfOptions(pages=Pages.TILES), progress=lambda done, total: done < 2)


def test_cli_exports_pdf(tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert main(["export", str(templates_dir() / "window-installation.ru.cjm"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Установка окон" in PdfReader(out).pages[0].extract_text()


def test_cli_exports_tiles_with_extra_pages(tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert main(["export", str(templates_dir() / "window-installation.en.cjm"), "-o", str(out), "--pages", "tiles",
                 "--paper", "A3", "--cover", "--legend", "--personas"]) == 0
    reader = PdfReader(out)
    assert sorted(size_of(reader.pages[0])) == pytest.approx(sorted(PAPERS["A3"]))
    assert "Legend" in reader.pages[2].extract_text()
    assert f"{len(reader.pages)} pages" in capsys.readouterr().out


def test_map_text_is_written_as_it_is_with_bidi_controls_shown():
    """Every page draws map text literally: markup stays text, and a right-to-left override is a
    visible mark instead of turning `gnp.exe` into `exe.png`."""
    doc = load(templates_dir() / "five-stages.en.cjm")
    rlo = "\u202egnp.exe <b>x</b>"
    doc.meta.title = doc.meta.description = doc.meta.author = rlo
    for stage in doc.stages:
        stage.name = rlo
    doc.cards[0].title = rlo
    doc.personas[0].name = rlo
    _, texts = read(PdfOptions(pages=Pages.TILES, cover=True, personas=True, report=True, day=DAY), doc)
    for text in texts:
        assert "\u202e" not in text
    assert all("[U+202E]gnp.exe <b>x</b>" in texts[i] for i in (0, 1, 2))  # cover, personas, report


def test_icons_and_a_cards_row_of_dots_go_into_the_file_once_however_many_cards_show_them():
    """Each icon is a form, and so is each card's row of dots (its emotion and five quality dots): a
    card places one form per icon and one for the row, the same forms on every card that looks alike."""
    doc = generate_map(300)
    icons = rows = 0
    for card in compute_layout(doc).cards.values():
        shapes = card.drawing.shapes
        icons += sum(isinstance(shape, Icon) for shape in shapes)
        rows += sum(isinstance(shape, Dot) and not isinstance(before, Dot)
                    for before, shape in zip((None,) + shapes, shapes))
    page = PdfReader(io.BytesIO(to_pdf(doc).data)).pages[0]
    forms = page["/Resources"]["/XObject"]
    placed = page.get_contents().get_data().count(b" Do")
    assert rows >= len(doc.cards)  # every card has a row of dots
    assert placed == icons + rows
    assert len(forms) < 60  # a few icons in a few colours, and a few rows of dots


def test_the_map_page_sets_colours_widths_and_text_matrices_only_when_needed():
    """The map's boxes and lines share a few colours and widths: the page sets each anew only when
    the one before differs, so it holds fewer line colours and widths than cards (each card's frame
    and each cell's outline used to set both). A part's lines of text are one text object, placed by
    one text matrix, each next line moved from the one before."""
    doc = generate_map(300)
    content = PdfReader(io.BytesIO(to_pdf(doc).data)).pages[0].get_contents().get_data()
    operators = content.split()
    assert operators.count(b"RG") + operators.count(b"w") < len(doc.cards)
    assert operators.count(b"Tm") == operators.count(b"BT") > len(doc.cards)
    assert operators.count(b"Td") > 2 * len(doc.cards)


def test_text_with_brackets_backslashes_and_a_whole_alphabet_reads_back_as_written():
    """Text bytes are written raw where a PDF allows it: brackets and backslashes stay escaped, and
    so do the codes of line ends and those past ASCII, which the letters of an alphabet take."""
    doc = load(templates_dir() / "five-stages.en.cjm")
    letters = "".join(map(chr, range(0x410, 0x450)))
    title = "Скидка (10 %) \\ a) b( " + " ".join(letters[i:i + 8] for i in range(0, len(letters), 8))
    doc.cards[0].title = title
    _, texts = read(PdfOptions(), doc)
    assert flat(title) in texts[0]
