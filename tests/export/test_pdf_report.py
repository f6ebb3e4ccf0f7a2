"""The report and persona pages of a PDF: every word where it can be read (no word over another, none
past the margins) for every template in Russian and English and for maps whose text is too long for
its place; the funnel's figures inside or beside their bars; a persona's photo, facts, goals, pains
and quote on its page."""

import base64
import io
import re
from datetime import date
from itertools import combinations
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfgen.canvas import Canvas

from cjm_designer.export.pdf import PdfOptions, to_pdf
from cjm_designer.export.pdf_pages import PAPERS, Pages
from cjm_designer.export.pdf_report import INSET, MIN_BAR, bar_scale, draw_report
from cjm_designer.export.pdf_text import REGULAR, register_fonts
from cjm_designer.io import load
from cjm_designer.model import Persona, Photo, numbers
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
DAY = date(2026, 11, 26)
EDGE = 24  # no word nearer the paper's edge than this (the header and footer sit at 28 points)


def flat(text: str) -> str:
    return " ".join(text.split())


def _product(m, n):
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u


def _unicode(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap as reportlab writes it (one bfchar entry a code): code -> character."""
    entries = b"".join(re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S))
    return {int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
            for code, text in re.findall(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>", entries)}


class Word(NamedTuple):
    text: str
    left: float
    top: float  # y downwards, from the cap height to the descent
    right: float
    bottom: float


def drawn(page) -> tuple[list[Word], list[Word]]:
    """Each word drawn on the page, in drawing order, with its box, and each rectangle (bars):
    the content stream read with its matrices, each glyph as wide as the font's /Widths say,
    words split at spaces."""
    fonts = {}
    for name, ref in page["/Resources"]["/Font"].items():
        font = ref.get_object()
        fonts[name] = (int(font["/FirstChar"]), [float(w) / 1000 for w in font["/Widths"]],
                       _unicode(font["/ToUnicode"].get_object().get_data()))
    height = float(page.mediabox.height)
    ctm, saved, tm, line, font, size = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), [], None, None, None, 0.0
    found: list[Word] = []
    rects: list[Word] = []
    for operands, op in ContentStream(page.get_contents(), page.pdf).operations:
        if op == b"re":
            x, y, w, h = map(float, operands)
            xs, ys = zip(*(_product((1, 0, 0, 1, px, py), ctm)[4:] for px, py in ((x, y), (x + w, y + h))))
            rects.append(Word("", min(xs), height - max(ys), max(xs), height - min(ys)))
        elif op == b"q":
            saved.append(ctm)
        elif op == b"Q":
            ctm = saved.pop()
        elif op == b"cm":
            ctm = _product(tuple(map(float, operands)), ctm)
        elif op == b"Tm":
            tm = line = tuple(map(float, operands))
        elif op == b"Td":
            tm = line = _product((1, 0, 0, 1, float(operands[0]), float(operands[1])), line)
        elif op == b"Tf":
            font, size = fonts[operands[0]], float(operands[1])
        elif op == b"Tj":
            first, widths, chars = font
            raw = operands[0]
            for code in raw.get_original_bytes() if hasattr(raw, "get_original_bytes") else bytes(raw):
                *_, d, x, y = _product(tm, ctm)
                advance = widths[code - first] * size
                tm = _product((1, 0, 0, 1, advance, 0), tm)
                if chars[code].isspace():
                    continue
                glyph = Word(chars[code], x, height - y - 0.72 * size * abs(d), x + advance * abs(d),
                             height - y + 0.2 * size * abs(d))
                last = found[-1] if found else None
                if last and abs(last.right - glyph.left) < 0.01 and abs(last.bottom - glyph.bottom) < 0.01:
                    found[-1] = last._replace(text=last.text + glyph.text, right=glyph.right)
                else:
                    found.append(glyph)
    return found, rects


def words(page) -> list[Word]:
    return drawn(page)[0]


def shown(page) -> str:
    return " ".join(word.text for word in words(page))


def assert_readable(page) -> None:
    """No two words' boxes overlap, and every word lies inside the page's margins."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    found = words(page)
    assert found
    for word in found:
        assert EDGE <= word.left and word.right <= width - EDGE and EDGE <= word.top, word
        assert word.bottom <= height - EDGE, word
    for one, other in combinations(found, 2):
        assert _overlap(one, other) <= 0.01, (one, other)


def assert_no_word_half_on_a_bar(page) -> None:
    """A word on a bar (a rectangle) lies wholly on it, or wholly off it: no label spills past a bar."""
    found, bars = drawn(page)
    assert bars
    for word in found:
        for bar in bars:
            inside = bar.left <= word.left and word.right <= bar.right and bar.top <= word.top \
                and word.bottom <= bar.bottom
            assert inside or _overlap(word, bar) <= 0.01, (word, bar)


def _overlap(one: Word, other: Word) -> float:
    across = min(one.right, other.right) - max(one.left, other.left)
    down = min(one.bottom, other.bottom) - max(one.top, other.top)
    return min(across, down)


def pages(doc, **options) -> list:
    data = to_pdf(doc, PdfOptions(pages=Pages.FIT, day=DAY, **options)).data
    return PdfReader(io.BytesIO(data)).pages[:-1]  # the map is the last page


def drawn_report(doc, size: tuple[float, float]):
    """The report alone on a page of any size (portrait too), as the export draws it."""
    register_fonts()
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=size, initialFontName=REGULAR)  # as the export makes it: no Helvetica
    pdf.translate(0, size[1])
    pdf.scale(1, -1)
    draw_report(pdf, doc, size)
    pdf.showPage()
    pdf.save()
    return PdfReader(io.BytesIO(out.getvalue())).pages[0]


def photo(width: int, height: int) -> Photo:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#5C6BC0").save(out, "JPEG")
    return Photo(media_type="image/jpeg", data=base64.b64encode(out.getvalue()).decode())


def crowded(doc):
    """The map with names and titles too long for any column, one funnel figure far wider than the
    others, and more pain points than a panel holds."""
    for i, stage in enumerate(doc.stages):
        stage.name = f"Этап{i}_без_пробелов_очень_длинное_слово" if i % 2 else f"A very long stage name {i}, " * 3
    doc.stages[0].entering, doc.stages[1].entering = 1_234_567_890, 3
    for card in doc.cards[:60]:
        card.pain = True
        card.title += " — и ещё много слов, чтобы название не поместилось в одну строку"
    return doc


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_no_word_of_the_report_is_over_another_or_past_the_margins(path):
    doc = load(path)
    (report,) = pages(doc, report=True)
    assert_readable(report)
    if doc.cards:
        assert_no_word_half_on_a_bar(report)
    text = shown(report)
    for stage in doc.stages:
        assert flat(stage.name) in text


@pytest.mark.parametrize("size", [PAPERS["A4"], PAPERS["A3"], PAPERS["A4"][::-1]], ids=["A4", "A3", "portrait"])
@pytest.mark.parametrize("name", ["live-chat.ru", "five-stages.en"])
def test_a_crowded_report_wraps_shortens_and_counts_what_it_leaves_out(name, size):
    page = drawn_report(crowded(load(templates_dir() / f"{name}.cjm")), size)
    assert_readable(page)
    assert_no_word_half_on_a_bar(page)
    text = shown(page)
    assert flat(numbers.count(1_234_567_890, name[-2:])) in text  # the widest figure, inside or beside its bar
    assert "…" in text  # names shortened to their column
    assert "ещё" in text or "more" in text  # pain points that did not fit are counted


@given(st.floats(60, 400), st.lists(st.tuples(st.floats(0, 1), st.floats(3, 28)), min_size=1, max_size=12))
def test_every_funnel_figure_fits_inside_its_bar_or_beside_it(area, peers):
    scale = bar_scale(area, tuple(peers))
    assert 0 <= scale <= area
    for share, width in peers:
        length = max(scale * share, MIN_BAR)
        assert length >= width + 2 * INSET or length + INSET + width <= area + 1e-6


@pytest.mark.parametrize("path", [p for p in TEMPLATES if not p.name.startswith("blank")], ids=lambda p: p.name)
def test_the_persona_page_shows_photo_or_initials_facts_goals_pains_and_quote(path):
    doc = load(path)
    persona = doc.personas[0]
    (page,) = pages(doc, personas=True)
    assert_readable(page)
    text = shown(page)
    for value in (persona.name, persona.occupation, str(persona.age), persona.gender, persona.geography,
                  persona.goals, persona.pains, persona.habits, persona.interests, persona.quote):
        assert flat(value) in text
    labels = ("Цели", "Боли", "ВОЗРАСТ") if path.name.endswith(".ru.cjm") else ("Goals", "Pains", "AGE")
    assert all(label in text for label in labels)
    initials = "".join(word[0] for word in persona.name.split()[:2])
    assert initials in text.split() and not page.images


def test_a_persona_with_a_photo_shows_it_and_one_without_shows_initials():
    doc = load(templates_dir() / "window-installation.ru.cjm")
    doc.personas[0].photo = photo(300, 400)
    doc.personas[1] = Persona(id=doc.personas[1].id, name="Олег Смирнов", age=45, goals="Купить быстро",
                              pains="Очереди", quote="Лишь бы без очередей")  # the template's second, photo-less
    (page,) = pages(doc, personas=True)
    assert_readable(page)
    (image,) = page.images
    assert image.image.size == (300, 400)  # the whole photo is embedded; a circle shows its middle
    text = shown(page)
    assert "ОС" in text.split() and "МК" not in text.split()
    assert "Марина Кузнецова" in text and "Купить быстро" in text
    assert "«Лишь бы без очередей»" in text and "««" not in text  # quotation marks added once, never doubled


def test_long_persona_texts_wrap_and_shorten_within_their_cards():
    doc = load(templates_dir() / "live-chat.ru.cjm")
    long = Persona(id="long", name="Константин Константинопольский-Длинноименный " * 2, age=61,
                   occupation="Владелец небольшой строительной компании " * 3, geography="Новосибирская область " * 4,
                   goals="Очень длинная цель. " * 60, pains="Долго, дорого, непонятно; " * 40,
                   quote="Мне нужно, чтобы всё работало " * 20, habits="Привычка " * 50, interests="Рыбалка")
    for personas in ([long], [doc.personas[0], long]):  # a page of its own; sharing one
        doc.personas = personas
        (page,) = pages(doc, personas=True)
        assert_readable(page)
        text = shown(page)
        assert "…" in text and "Рыбалка" in text and "Очень длинная цель." in text
    assert "Дмитрий Орлов" in text


def with_ab_tests(doc, count: int):
    """The map with A/B variants on its first `count` cards, B ahead of A on conversion."""
    from cjm_designer.model import Metrics, Variant

    for i, card in enumerate(doc.cards[:count]):
        card.variants = [Variant(name="A", description="Control", metrics=Metrics(clicks=1000 + i, conversion=4.0)),
                         Variant(name="B", description="Green button", metrics=Metrics(clicks=990, conversion=5.0))]
    return doc


@pytest.mark.parametrize("size", [PAPERS["A4"], PAPERS["A4"][::-1]], ids=["landscape", "portrait"])
def test_the_report_lists_the_ab_tests_with_figures_winner_and_lift(size):
    page = drawn_report(load(templates_dir() / "window-installation.en.cjm"), size)
    assert_readable(page)
    text = shown(page)
    assert "A/B tests" in text
    assert "A — Long form: 7 fields: 750 clicks · CR 6.9% · 240 s on site" in text
    assert "B wins on conversion, lift +31.9%." in text
    assert "A/B" not in shown(drawn_report(load(templates_dir() / "five-stages.en.cjm"), size))


def test_a_report_of_many_ab_tests_counts_those_that_do_not_fit():
    page = drawn_report(with_ab_tests(load(templates_dir() / "live-chat.ru.cjm"), 30), PAPERS["A4"])
    assert_readable(page)
    text = shown(page)
    assert "Победил B по конверсии, прирост +25 %." in text
    assert re.search(r"A/B-тесты.*… ещё \d+", text)
