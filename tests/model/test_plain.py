"""Map and file text shown as what it is: bidi controls and control characters made visible."""

from hypothesis import given
from hypothesis import strategies as st

from cjm_designer.model.plain import BIDI_CONTROLS, one_line, visible_bidi, visible_controls


def test_visible_bidi_marks_every_override_embedding_and_isolate():
    assert visible_bidi("\u202egnp.exe") == "[U+202E]gnp.exe"
    assert visible_bidi("a\u202ab\u202cc\u2066d\u2069") == "a[U+202A]b[U+202C]c[U+2066]d[U+2069]"
    assert visible_bidi("Путь\u200f клиента\n<b>") == "Путь\u200f клиента\n<b>"  # marks and the rest stay


def test_visible_controls_shows_line_breaks_escapes_and_overrides():
    assert visible_controls("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert visible_controls("\x00\x1b[31m\x7f\x85") == "\\x00\\x1b[31m\\x7f\\x85"
    assert visible_controls("x\u2028y\u202e") == "x\\u2028y[U+202E]"
    assert visible_controls("обычный текст") == "обычный текст"


def test_one_line_cuts_after_making_controls_visible():
    assert one_line("a\nb", 10) == "a\\nb"
    assert one_line("x" * 300) == "x" * 199 + "…"
    assert one_line("\n" * 10, 5) == "\\n\\n…"


@given(st.text())
def test_nothing_shown_can_reorder_or_break_a_line(text):
    shown = one_line(text, 10**6)
    assert not any(ch in shown for ch in BIDI_CONTROLS + "\n\r\x00\x1b\u2028\u2029")
    assert not any(ch in visible_bidi(text) for ch in BIDI_CONTROLS)
