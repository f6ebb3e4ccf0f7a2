"""The PDF shades colours with the layout's palette functions; the canvas uses the same functions,
and they agree with Qt's own lighter/darker, so neither drifts from the other."""

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor

from cjm_designer.layout import palette


def channels(name: str) -> list[int]:
    return [int(name[i:i + 2], 16) for i in (1, 3, 5)]


@given(st.integers(min_value=0, max_value=0xFFFFFF), st.integers(min_value=100, max_value=300))
def test_lighter_and_darker_are_qts(rgb, percent):
    """Qt computes in single precision and the palette in double: a channel may differ by one level in
    about one colour of three thousand, never more."""
    color = f"#{rgb:06X}"
    for ours, qts in ((palette.lighter(color, percent), QColor(color).lighter(percent).name()),
                      (palette.darker(color, percent), QColor(color).darker(percent).name())):
        assert all(abs(a - b) <= 1 for a, b in zip(channels(ours), channels(qts))), (ours, qts)


def test_every_lane_colour_has_its_cell_header_and_border_shades():
    for fill in palette.LANE_FILL.values():
        assert palette.cell_fill(fill) == QColor(fill).lighter(103).name().upper()
        assert palette.header_fill(fill) == QColor(fill).darker(104).name().upper()
        assert palette.card_border(fill) == QColor(fill).darker(135).name().upper()
