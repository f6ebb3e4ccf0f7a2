"""Text measurement and wrapping from the bundled TrueType fonts, without Qt.

The canvas and the PDF draw with the same font files, and Qt is told to use their design metrics
(no hinting, no kerning), so lines broken here are the lines drawn on screen and on paper. A character
PT Sans lacks is measured in the font of the chain that draws it (layout/fonts.py), Arabic in the
contextual forms it is drawn in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..model.plain import visible_bidi
from .fonts import FAMILY, FontChain, font_path
from .geometry import TextLine
from .rtl import shaped

__all__ = ["ELLIPSIS", "FAMILY", "FontMetrics", "TextStyle", "font_path", "line_count", "metrics", "stack", "wrap",
           "wrap_once"]

ELLIPSIS = "…"


class FontMetrics:
    """Advance widths of the chain of fonts of one weight, in thousandths of the font size; `chain` is
    also what the PDF draws with, so a line is drawn in the fonts it was measured in."""

    def __init__(self, chain: FontChain):
        self.chain = chain
        self.widths: dict[str, float] = chain.first.widths
        self._units = lru_cache(maxsize=65536)(self._sum_units)  # words recur; measure each once

    def _sum_units(self, text: str) -> float:
        try:
            return sum(map(self.widths.__getitem__, text))
        except KeyError:  # a character PT Sans lacks: measured in the font that draws it
            return self.chain.units(shaped(text))

    def width(self, text: str, size: float) -> float:
        return self._units(text) * size / 1000


@cache
def metrics(bold: bool = False) -> FontMetrics:
    """The metrics of the bundled regular or bold font and its fallbacks (PT Sans read once; the others
    when a character first needs them)."""
    return FontMetrics(FontChain(bold))


@dataclass(frozen=True, slots=True)
class TextStyle:
    size: float
    bold: bool = False
    leading: float = 1.25

    @property
    def line_height(self) -> float:
        return self.size * self.leading

    def width(self, text: str) -> float:
        return metrics(self.bold).width(text, self.size)


def stack(texts: list[str], text_style: TextStyle, x: float, y: float) -> tuple[list[TextLine], float]:
    """Lines placed from top `y` down at `x`; returns them and the y below the last."""
    out = []
    for text in texts:
        out.append(TextLine(text, x, y + text_style.size, text_style.size, text_style.bold))
        y += text_style.line_height
    return out, y


def wrap(text: str, style: TextStyle, width: float, max_lines: int | None = None) -> list[str]:
    """Break `text` into lines no wider than `width` at spaces (inside a word when it alone is too
    wide), keeping its own line breaks; beyond `max_lines` the last line ends with an ellipsis.
    Bidi controls become visible marks (measured as drawn), so no name can reorder what it shows.
    Results are remembered: headers and labels are wrapped again on every relayout."""
    return list(_wrap_remembered(text, style, round(width, 3), max_lines))


def wrap_once(text: str, style: TextStyle, width: float, max_lines: int | None = None) -> list[str]:
    """`wrap` without remembering: for text whose caller remembers what it made of it (card faces),
    where a second cache would only hold thousands more objects."""
    return _wrap(text, style, round(width, 3), max_lines)


def line_count(text: str, style: TextStyle, width: float, max_lines: int | None = None) -> int:
    """How many lines `wrap_once` breaks `text` into, counted without making them: a card's height
    needs only the count (its lines are made when it is first drawn), and a big map has thousands."""
    text, width = visible_bidi(text), round(width, 3)
    if "\n" in text or "\r" in text:
        count = 0
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            count += _paragraph_lines(paragraph, style, width)
            if max_lines is not None and count > max_lines:
                break
    else:
        count = _paragraph_lines(text, style, width)
    return count if max_lines is None else min(count, max_lines)


def _wrap(text: str, style: TextStyle, width: float, max_lines: int | None) -> list[str]:
    text = visible_bidi(text)
    if "\n" in text or "\r" in text:
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            lines.extend(_wrap_paragraph(paragraph, style, width))
            if max_lines is not None and len(lines) > max_lines:
                break
    else:  # one paragraph, as most text is
        lines = _wrap_paragraph(text, style, width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit_with_ellipsis(lines[-1], style, width)
    return lines


def _wrap_kept(text: str, style: TextStyle, width: float, max_lines: int | None) -> tuple[str, ...]:
    return tuple(_wrap(text, style, width, max_lines))


_wrap_remembered = lru_cache(maxsize=65536)(_wrap_kept)


def _wrap_paragraph(paragraph: str, style: TextStyle, width: float) -> list[str]:
    """Greedy line filling, in font units; widths add up because the fonts are used without kerning."""
    units, limit = metrics(style.bold)._units, width * 1000 / style.size
    space = units(" ")
    words = paragraph.split(" ")
    widths = list(map(units, words))
    if sum(widths) + space * (len(words) - 1) <= limit:  # one line, as most titles are
        return [paragraph]
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for word, word_width in zip(words, widths):
        if current and used + space + word_width <= limit:
            current.append(word)
            used += space + word_width
            continue
        if current:
            lines.append(" ".join(current))
        while word_width > limit and len(word) > 1:
            cut = _longest_prefix(word, style, width)
            lines.append(word[:cut])
            word = word[cut:]
            word_width = units(word)
        current, used = [word], word_width
    lines.append(" ".join(current))
    return lines


def _paragraph_lines(paragraph: str, style: TextStyle, width: float) -> int:
    """`len(_wrap_paragraph(...))`: the same greedy filling, the same sums in the same order, only
    counted."""
    units, limit = metrics(style.bold)._units, width * 1000 / style.size
    space = units(" ")
    words = paragraph.split(" ")
    widths = list(map(units, words))
    if sum(widths) + space * (len(words) - 1) <= limit:
        return 1
    lines = 0
    used = None  # the current line's width, None before its first word
    for word, word_width in zip(words, widths):
        if used is not None and used + space + word_width <= limit:
            used += space + word_width
            continue
        if used is not None:
            lines += 1
        while word_width > limit and len(word) > 1:
            word = word[_longest_prefix(word, style, width):]
            word_width = units(word)
            lines += 1
        used = word_width
    return lines + 1


def _longest_prefix(word: str, style: TextStyle, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if style.width(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _fit_with_ellipsis(line: str, style: TextStyle, width: float) -> str:
    while line and style.width(line.rstrip() + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS
