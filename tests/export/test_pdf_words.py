"""On the map page of every bundled template, in Russian and English, no word is drawn over another:
link labels keep off cards' text, headers and one another, and curve captions off the curve's dots'
neighbours' captions. Words are read back from the PDF with pdfplumber, each with its box."""

import io

import pdfplumber
import pytest

from cjm_designer.export.pdf import to_pdf
from cjm_designer.io import load
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
TOLERANCE = 0.5  # points two words' boxes may share (rounding of glyph extents), each way


def words_of_map_page(doc) -> list[dict]:
    with pdfplumber.open(io.BytesIO(to_pdf(doc).data)) as pdf:
        return pdf.pages[0].extract_words(keep_blank_chars=False, use_text_flow=False)


def overlapping(words: list[dict]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than the tolerance each way, found by a sweep over
    their left edges; words of one line (the same baseline and size) are not counted."""
    found = []
    ordered = sorted(words, key=lambda w: w["x0"])
    active: list[dict] = []
    for word in ordered:
        active = [other for other in active if other["x1"] - TOLERANCE > word["x0"]]
        for other in active:
            same_line = abs(other["bottom"] - word["bottom"]) < 0.5 and abs(other["top"] - word["top"]) < 0.5
            if not same_line and min(other["bottom"], word["bottom"]) - max(other["top"], word["top"]) > TOLERANCE:
                found.append((other["text"], word["text"]))
        active.append(word)
    return found


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_no_word_on_the_map_page_is_drawn_over_another(path):
    doc = load(path)
    words = words_of_map_page(doc)
    if doc.cards:
        assert len(words) > 20  # the page was read: cards, headers and labels are there
    assert overlapping(words) == []


def test_the_check_finds_words_drawn_over_each_other():
    word = {"x0": 10.0, "x1": 40.0, "top": 100.0, "bottom": 110.0, "text": "Спрашивает"}
    assert overlapping([word, dict(word, x0=30.0, x1=70.0, top=104.0, bottom=114.0, text="Ответ")]) == [
        ("Спрашивает", "Ответ")]
    assert overlapping([word, dict(word, x0=45.0, x1=70.0, text="посетителя")]) == []  # the next word on the line
    assert overlapping([word, dict(word, top=111.0, bottom=121.0, text="ниже")]) == []  # the next line
