"""Right-to-left text (Arabic, Hebrew) for drawers that do not shape it themselves, as the PDF's does not:
Arabic letters in the contextual forms they take (their presentation forms, which the fonts map), and a
line in the order it is seen, as the Unicode bidi algorithm orders it, its direction taken from its
first strong letter, as Qt's `drawText` takes it. The canvas, PNG and SVG leave this to Qt.

The shaping libraries are imported with the first right-to-left line, never for a map without one.
"""

from __future__ import annotations

import re

# Compiled when first searched for, by `re`'s own cache: measuring left-to-right text never needs it
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"


def has_rtl(text: str) -> bool:
    return re.search(_RTL, text) is not None


def shaped(text: str) -> str:
    """`text`, still in its logical order, with its Arabic letters in their contextual forms: what is
    measured, as it is what is drawn."""
    if not has_rtl(text):
        return text
    from arabic_reshaper import reshape

    return reshape(text)


def visual(text: str) -> str:
    """`text` shaped and in the order it is drawn from left to right."""
    if not has_rtl(text):
        return text
    from bidi import get_display

    return get_display(shaped(text))
