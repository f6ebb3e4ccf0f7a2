"""The font chain: PT Sans, the bundled Noto Emoji, then the system's fonts (fontconfig), each character
in the first that has it; what the layout measures is what that font draws; the system is asked only
for what the bundled fonts lack, once a script; what no font has is found, never lost."""

import re

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from cjm_designer.layout.font_file import read_widths
from cjm_designer.layout.fonts import FontChain, SystemFonts, _not_text, emoji_path, font_path, ignorable, system_match
from cjm_designer.layout.rtl import has_rtl, shaped, visual
from cjm_designer.layout.text import FontMetrics, TextStyle, metrics, wrap

NOWHERE = "\U0010fffd"  # a private-use character of the last plane: no font has it


class Asked:
    """The system's real font matching, with the characters it was asked for."""

    def __init__(self):
        self.chars: list[str] = []
        self._match = system_match()

    def __call__(self, char: str, bold: bool):
        self.chars.append(char)
        return self._match(char, bold)


@pytest.fixture
def asked() -> Asked:
    return Asked()


def test_the_emoji_font_is_bundled_with_its_licence_and_read_as_reportlab_reads_it():
    """Its emoji lie beyond the first plane (a format 12 map); the widths match reportlab's."""
    licence = (emoji_path().parent / "LICENSE-Noto-Emoji.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "NotoEmoji-Regular.ttf" in licence
    ours = read_widths(emoji_path())
    theirs = TTFontFile(str(emoji_path()))
    assert ours.widths == {chr(code): width for code, width in theirs.charWidths.items()}
    assert {"😀", "🚀", "👍", "❤", "✅"} <= ours.widths.keys()


def test_each_character_goes_to_the_first_font_that_has_it(asked):
    chain = FontChain(False, SystemFonts(asked))
    runs = chain.runs("Путь 😀 中文")
    assert [run.text for run in runs] == ["Путь ", "😀", " ", "中文"]
    assert runs[0].face is chain.first and runs[0].face.path == font_path(False)
    assert runs[1].face.path == emoji_path()
    cjk = runs[3].face
    assert cjk.path not in (font_path(False), emoji_path())
    assert "中" in read_widths(cjk.path).widths  # a system font that really has it
    assert all(char not in chain.first.widths for char in "中文")


def test_the_system_is_asked_only_for_what_the_bundled_fonts_lack_and_once_a_script(asked):
    chain = FontChain(True, SystemFonts(asked))
    chain.units("Клиент оставляет заявку, ждёт звонка — 15 минут № 7 «быстро» 😀🚀👍")
    assert asked.chars == []
    chain.units("中文汉字客户旅程")
    assert asked.chars == ["中"]  # the font found for the first serves the others
    chain.units("中文汉字")
    assert asked.chars == ["中"]


def test_measuring_uses_the_width_of_the_font_that_draws_each_character():
    m = metrics(False)
    emoji = read_widths(emoji_path()).widths["😀"]
    assert m.width("😀", 10) == pytest.approx(emoji / 100)
    assert m.width("😀", 10) != pytest.approx(m.chain.first.default / 100)  # not PT Sans's empty box
    cjk = m.chain.face("中")
    assert m.width("A中", 10) == pytest.approx((m.widths["A"] + cjk.widths["中"]) / 100)
    assert m.width("Путь 😀", 10) == pytest.approx(m.width("Путь ", 10) + m.width("😀", 10))


def test_wrapping_breaks_emoji_and_cjk_where_their_own_widths_say():
    style = TextStyle(10)
    text = "😀😀😀😀 中文中文中文中文中文 🚀🚀🚀🚀🚀🚀"
    lines = wrap(text, style, 45)
    assert len(lines) > 2
    assert all(style.width(line) <= 45 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    emoji = style.width("😀")
    assert 3 * emoji <= 45 < 4 * emoji  # at PT Sans's missing-glyph width four would have fitted
    assert 4 * metrics(False).chain.first.default / 100 <= 45
    assert lines[:2] == ["😀😀😀", "😀"]


def test_a_character_no_font_has_is_found_and_measured_as_the_missing_glyph_box(asked):
    chain = FontChain(False, SystemFonts(asked))
    assert chain.missing(f"ok {NOWHERE} 😀 {NOWHERE}") == NOWHERE
    assert chain.face(NOWHERE) is None
    assert chain.units(NOWHERE) == chain.first.default
    assert [run.face for run in chain.runs(f"a{NOWHERE}")] == [chain.first, None]
    assert chain.missing("\x07\x1b\t\ufffe\U0001ffff") == ""  # control characters and noncharacters are not text


def test_joiners_and_variation_selectors_are_drawn_as_nothing_and_never_missing(asked):
    chain = FontChain(False, SystemFonts(asked))
    heart = "❤\ufe0f"  # the emoji presentation of the heart
    assert chain.missing(heart + "\u200d\u2060") == ""
    assert [run.text for run in chain.runs(heart)] == ["❤"]
    assert chain.units(heart) == chain.units("❤")
    assert asked.chars == []  # nor is the system asked for them


def test_arabic_is_measured_in_its_contextual_forms_and_drawn_in_visual_order():
    word = "العربية"
    forms = shaped(word)
    assert len(forms) == len(word) and all(0xFE70 <= ord(char) <= 0xFEFF for char in forms)
    assert forms[0] == "\ufe8d" and forms[-1] == "\ufe94"  # alef isolated, teh marbuta final
    assert visual(word) == forms[::-1]
    assert visual("עברית abc") == "abc תירבע"  # a line starting in Hebrew runs from the right, as Qt draws it
    assert visual("abc עברית") == "abc תירבע"
    m = FontMetrics(FontChain(False))
    assert m.width(word, 10) == pytest.approx(m.chain.units(forms) / 100)


def test_a_system_font_the_pdf_cannot_embed_is_passed_over_for_the_next_that_has_the_character(tmp_path):
    """PostScript-outline fonts (OpenType CFF, as Noto Sans CJK is) are skipped; so is one that lacks it."""
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(100))
    cjk = system_match()("中", False)[0]
    offered = [cff, emoji_path(), cjk]
    chain = FontChain(False, SystemFonts(lambda char, bold: offered))
    assert chain.face("中").path == cjk
    assert chain.face(NOWHERE) is None


def test_a_script_is_measured_in_its_own_font_whatever_was_measured_before():
    """A symbol only a monospaced font has (⌒) must not pull Arabic into that font: Qt draws Arabic in the
    system's sans-serif font, so the layout measures it there, in any order."""
    alone = FontChain(False, SystemFonts()).face("ا")
    after_symbol = FontChain(False, SystemFonts())
    symbol = after_symbol.face("\u2312")
    assert alone is not None and symbol is not None
    assert after_symbol.face("ا").path == alone.path


def test_what_is_drawn_as_nothing_not_text_or_right_to_left_is_told_by_its_unicode_ranges():
    """Told by comparing code points (no pattern compiled at start): the same as these classes say, on
    every character of the planes they touch."""
    drawn_as_nothing = re.compile("[\u00ad\u034f\u061c\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
                                  "\ufe00-\ufe0f\ufeff\U000e0000-\U000e0fff]")
    not_text = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef]")
    rtl = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
    for code in [*range(0x20000), *range(0x1FFF0, 0x20010), *range(0xE0000, 0xE1010), 0xFFFFE, 0x10FFFF]:
        char = chr(code)
        assert ignorable(char) == bool(drawn_as_nothing.match(char)), hex(code)
        assert _not_text(char) == (bool(not_text.match(char)) or code & 0xFFFE == 0xFFFE), hex(code)
        assert has_rtl(f"ab{char}") == bool(rtl.search(char)), hex(code)
