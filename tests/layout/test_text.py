"""Text measuring and wrapping with the bundled font."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import TTFontFile

from cjm_designer.layout.font_file import FontFileError, read_widths
from cjm_designer.layout.text import (
    ELLIPSIS,
    LineCounter,
    TextStyle,
    WordWidths,
    Wraps,
    font_path,
    line_count,
    metrics,
    wrap,
)

STYLE = TextStyle(10)


def test_the_bundled_fonts_cover_cyrillic_and_latin():
    for bold in (False, True):
        assert font_path(bold).is_file()
        m = metrics(bold)
        for ch in "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяABCxyz0123456789«»—№₽":
            assert ch in m.widths, ch
    assert metrics(True).width("Путь клиента", 10) > metrics(False).width("Путь клиента", 10)


@pytest.mark.parametrize("bold", [False, True])
def test_the_widths_read_from_the_font_file_are_those_the_pdf_export_reads(bold):
    """The window measures with its own reader of the font's tables and the PDF draws with reportlab's:
    every character the font maps has the same advance in both, and so has a missing one."""
    face = TTFontFile(str(font_path(bold)))
    ours = read_widths(font_path(bold))
    assert ours.widths == {chr(code): width for code, width in face.charWidths.items()}
    assert ours.default == face.defaultWidth
    assert len(ours.widths) > 600


def test_a_file_that_is_not_a_truetype_font_is_refused(tmp_path):
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"OTTO" + bytes(100))  # an OpenType font with PostScript outlines
    with pytest.raises(FontFileError):
        read_widths(fake)


def test_width_scales_with_size_and_adds_up():
    m = metrics()
    assert m.width("Звонок", 20) == pytest.approx(2 * m.width("Звонок", 10))
    assert m.width("Звонок менеджера", 10) == pytest.approx(
        m.width("Звонок", 10) + m.width(" ", 10) + m.width("менеджера", 10))


def test_wrap_fills_lines_up_to_the_width():
    text = "Оставляет заявку на сайте и ждёт звонка менеджера в течение пятнадцати минут"
    lines = wrap(text, STYLE, 120)
    assert " ".join(lines) == text
    assert len(lines) > 2
    assert all(STYLE.width(line) <= 120 for line in lines)
    for line, following in zip(lines, lines[1:]):  # greedy: the next word would not have fitted
        assert STYLE.width(f"{line} {following.split(' ')[0]}") > 120


def test_a_word_longer_than_the_line_is_cut():
    lines = wrap("Суперкалифрагилистикэкспиалидоциозный", STYLE, 50)
    assert "".join(lines) == "Суперкалифрагилистикэкспиалидоциозный"
    assert all(STYLE.width(line) <= 50 for line in lines)


@given(word=st.text(alphabet="абвгдШЩWWiil.«😀", min_size=1, max_size=60), width=st.floats(min_value=3, max_value=80),
       bold=st.booleans())
def test_a_long_word_is_cut_where_the_next_character_would_not_fit(word, width, bold):
    """Each piece of a word too wide for the line is as long as fits (one character at least),
    measured as drawn: in PT Sans by its characters' widths added up, with an emoji as a whole."""
    style = TextStyle(10, bold)
    lines = wrap(word, style, width)
    assert "".join(lines) == word
    for line, following in zip(lines, lines[1:]):
        assert len(line) == 1 or style.width(line) <= width
        assert style.width(line + following[0]) > width


def test_line_breaks_are_kept_and_extra_lines_end_with_an_ellipsis():
    assert wrap("первая\nвторая\r\nтретья", STYLE, 200) == ["первая", "вторая", "третья"]
    cut = wrap("раз\nдва\nтри\nчетыре", STYLE, 200, max_lines=2)
    assert cut == ["раз", "два" + ELLIPSIS]
    long = wrap("слово " * 100, STYLE, 80, max_lines=3)
    assert len(long) == 3 and long[-1].endswith(ELLIPSIS) and STYLE.width(long[-1]) <= 80


def test_a_memo_wraps_a_text_once_and_starts_afresh_past_its_bound(monkeypatch):
    """A layout memo's `Wraps` remembers each text at its style, width and most lines (a relayout wraps
    the same headers and labels again), hands out a list of its own each time, and past `KEPT` texts
    forgets them all rather than grow with a long session."""
    from cjm_designer.layout import text

    made = []
    monkeypatch.setattr(text, "_wrap", lambda *key: made.append(key) or [f"line of {key[0]}"])
    wraps = Wraps()
    first = wraps.wrap("Звонок менеджера", STYLE, 80.0004, 2)
    first.append("changed by the caller")
    assert wraps.wrap("Звонок менеджера", STYLE, 80.0001, 2) == ["line of Звонок менеджера"]
    assert made == [("Звонок менеджера", STYLE, 80.0, 2)]  # the width as `wrap` rounds it: one key
    wraps.wrap("Звонок менеджера", STYLE, 80, 1)
    wraps.wrap("Звонок менеджера", TextStyle(10, bold=True), 80, 2)
    assert len(made) == 3  # another most of lines, another style: wrapped anew
    monkeypatch.setattr(Wraps, "KEPT", 3)
    wraps.wrap("Письмо", STYLE, 80)
    assert len(made) == 4
    wraps.wrap("Звонок менеджера", STYLE, 80, 2)
    assert len(made) == 5  # forgotten when the fourth text came


def test_empty_text_is_one_empty_line():
    assert wrap("", STYLE, 100) == [""]


@given(words=st.lists(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщьыэюяABCxyz«»—", min_size=1, max_size=8),
                      min_size=1, max_size=40),
       width=st.floats(min_value=60, max_value=400), size=st.sampled_from([8.5, 9, 10.5, 13]))
def test_wrapping_is_greedy_for_any_text(words, width, size):
    style = TextStyle(size)
    assume(all(style.width(word) <= width for word in words))  # a word wider than a line is broken inside: above
    text = " ".join(words)
    lines = wrap(text, style, width)
    assert lines == Wraps().wrap(text, style, width)  # a layout memo's wrap and the one-off wrap agree
    assert " ".join(lines) == text
    assert all(style.width(line) <= width + 1e-9 for line in lines)
    for line, following in zip(lines, lines[1:]):
        assert style.width(f"{line} {following.split(' ')[0]}") > width - 1e-9


@given(text=st.text(alphabet="абвгд ABCxyz«»—", min_size=1, max_size=200), width=st.floats(min_value=30, max_value=300),
       max_lines=st.sampled_from([None, 1, 2, 5]))
def test_a_single_paragraph_wraps_as_it_does_among_others(text, width, max_lines):
    """Text without line breaks takes a shorter way through `wrap`: it gives the lines the same text
    gives as the first of several paragraphs."""
    alone, lines = wrap(text, STYLE, width, max_lines), wrap(text, STYLE, width)
    assert alone == Wraps().wrap(text, STYLE, width, max_lines)
    assert wrap(text + "\nи", STYLE, width) == lines + ["и"]
    if max_lines is None or len(lines) <= max_lines:
        assert alone == lines
    else:  # cut where the first of several paragraphs is cut, the last line ending with an ellipsis
        assert alone == wrap(text + "\nи", STYLE, width, max_lines)
        assert alone[:-1] == lines[:max_lines - 1] and alone[-1].endswith(ELLIPSIS)


@given(text=st.text(alphabet="абвгд ABCxyzWWWWWWWW«»—\n\r\u202e", min_size=0, max_size=300),
       width=st.floats(min_value=5, max_value=300), size=st.sampled_from([8.5, 9, 10.5, 13]),
       bold=st.booleans(), max_lines=st.sampled_from([None, 1, 2, 4, 8]))
def test_counting_lines_counts_the_lines_wrapping_makes(text, width, size, bold, max_lines):
    """A card's height counts its lines without making them: the count is that of the lines made, for
    any text (words wider than a line, line breaks, bidi marks, cut with an ellipsis)."""
    style = TextStyle(size, bold)
    assert line_count(text, style, width, max_lines) == len(wrap(text, style, width, max_lines))


@given(text=st.text(alphabet="абвгд  ABCxyzWWWWWWWW«»—\n", max_size=200), width=st.floats(min_value=5, max_value=300),
       max_lines=st.integers(min_value=1, max_value=4))
def test_wrapping_to_a_few_lines_stops_where_they_end(text, width, max_lines):
    """Wrapping stops one line past the most shown (a narrow emotion point cuts a long name into many):
    the lines kept are the first of all the lines, the last shortened to end with an ellipsis."""
    every = wrap(text, STYLE, width)
    shown = wrap(text, STYLE, width, max_lines)
    if len(every) <= max_lines:
        assert shown == every
    else:
        assert shown[:-1] == every[:max_lines - 1] and shown[-1].endswith(ELLIPSIS)
        assert every[max_lines - 1].startswith(shown[-1][:-1].rstrip())


@given(texts=st.lists(st.text(alphabet="абвгд  ABCxyzWWWWWWWW«»—😀\n\r\u202e\u2067", max_size=200), min_size=1,
                      max_size=5),
       width=st.floats(min_value=5, max_value=300), size=st.sampled_from([9, 10.5]), bold=st.booleans(),
       max_lines=st.sampled_from([None, 1, 4, 8]))
def test_a_line_counter_counts_what_line_count_counts(texts, width, size, bold, max_lines):
    """A layout counts its cards' lines a cell at a time, by bisecting running word widths: the same
    counts as `line_count` for any texts (an emoji's fractional width, line breaks, bidi controls,
    words wider than a line, empty texts), with the word widths shared between counters as a layout
    shares them."""
    words, style = WordWidths(bold), TextStyle(size, bold)
    for counted_at in (width, width * 1.7):
        counts = LineCounter(style, counted_at, max_lines, words).counts(texts)
        assert counts == [line_count(text, style, counted_at, max_lines) for text in texts]


def test_a_line_counter_counts_a_line_filled_to_the_last_unit():
    """Whole font units: a line exactly as wide as the width still fits, half a unit more does not."""
    style, words = TextStyle(10), WordWidths(False)
    first_line = metrics(False)._units("путь клиента")  # in thousandths of the size: at size 10, hundredths of a point
    texts = ["путь клиента", "путь клиента путь клиента"]
    for units, lines in ((first_line, 1), (first_line - 0.5, 2)):
        counts = LineCounter(style, units / 100, None, words).counts(texts)
        assert counts == [line_count(text, style, units / 100) for text in texts] == [lines, 2 * lines]
