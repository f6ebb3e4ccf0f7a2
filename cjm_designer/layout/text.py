"""Text measurement and wrapping from the bundled TrueType fonts, without Qt.

The canvas and the PDF draw with the same font files, and Qt is told to use their design metrics
(no hinting, no kerning), so lines broken here are the lines drawn on screen and on paper. A character
PT Sans lacks is measured in the font of the chain that draws it (layout/fonts.py), Arabic in the
contextual forms it is drawn in.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

from ..model.plain import BIDI_CONTROLS, visible_bidi
from .fonts import FAMILY, FontChain, font_path
from .geometry import TextLine
from .rtl import shaped

__all__ = ["ELLIPSIS", "FAMILY", "FontMetrics", "LineCounter", "TextStyle", "WordWidths", "Wraps", "font_path",
           "line_count", "metrics", "stack", "wrap"]

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
    when a character first needs them). The process's one font of each weight, as the font files are:
    what it remembers (words' widths) depends on the fonts alone, never on a map's layout."""
    return FontMetrics(FontChain(bold))


class TextStyle(NamedTuple):
    """A font size, weight and line spacing. A named tuple, as the geometry is: making a frozen
    dataclass's class compiles each of its methods (Python 3.11), 0.3 ms of every start a class."""

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
    (A layout wraps through its memo's `Wraps`, which remembers what it made.)"""
    return _wrap(text, style, round(width, 3), max_lines)


class Wraps:
    """`wrap`, remembering what it made: one layout memo's (layout/memo.py), not the process's, since a
    relayout wraps the headers, the emotion points' titles and the labels it places again, mostly the
    same texts. Past `KEPT` texts it starts afresh, so a long session does not pile them up."""

    KEPT = 65536

    def __init__(self):
        self._lines: dict[tuple[str, TextStyle, float, int | None], tuple[str, ...]] = {}

    def wrap(self, text: str, style: TextStyle, width: float, max_lines: int | None = None) -> list[str]:
        key = (text, style, round(width, 3), max_lines)
        lines = self._lines.get(key)
        if lines is None:
            if len(self._lines) >= self.KEPT:
                self._lines = {}
            lines = self._lines[key] = tuple(_wrap(*key))
        return list(lines)


def line_count(text: str, style: TextStyle, width: float, max_lines: int | None = None) -> int:
    """How many lines `wrap` breaks `text` into, counted without making them: a card's height
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


class WordWidths(dict):
    """Words of one weight, each with the width of itself and a space after it, in font units: measured
    once per layout and shared by its `LineCounter`s. PT Sans's widths are whole units, added up by
    character; a word that only `line_count` counts right (with a character PT Sans lacks, drawn in
    another font, or a line break, or a bidi control, drawn as a visible mark) is `APART` wide instead."""

    APART = 1 << 60  # wider than any text: a text as wide is counted by `line_count`

    def __init__(self, bold: bool):
        super().__init__()
        self._chars = {char: width for char, width in metrics(bold).widths.items()
                       if char not in f"\n\r{BIDI_CONTROLS}"}
        self.space = self._chars[" "]

    def __missing__(self, word: str) -> int:
        try:
            width = sum(map(self._chars.__getitem__, word)) + self.space
        except KeyError:
            width = self.APART
        self[word] = width
        return width


class LineCounter:
    """`line_count` at one style, width and most lines, for the thousands of card texts of a big map.

    Widths in whole font units add up to the same sum in any order, so the running widths of all the
    words of many texts (each word with its space) are added up at once, and each line's last word is
    found by bisecting them, not word by word. A text holding a word `APART` wide, or one wider than
    a line (cut inside it), is counted by `line_count` itself."""

    __slots__ = ("_style", "_width", "_max_lines", "_words", "_space", "_limit", "_reach")

    def __init__(self, style: TextStyle, width: float, max_lines: int | None, words: WordWidths):
        self._style, self._width, self._max_lines, self._words = style, width, max_lines, words
        self._space = words.space
        self._limit = round(width, 3) * 1000 / style.size  # as `_paragraph_lines` compares
        self._reach = words.space + math.floor(self._limit)  # a line's running width grows by at most this

    def counts(self, texts: list[str]) -> list[int]:
        """How many lines each of `texts` wraps into."""
        ends = list(accumulate(map(self._words.__getitem__, " ".join(texts).split(" ")), initial=0))
        space, limit, reach, max_lines = self._space, self._limit, self._reach, self._max_lines
        counts = []
        start = 0
        for text in texts:
            stop = start + text.count(" ") + 1  # (its words are those from `start`)
            total = ends[stop] - ends[start]
            if total - space <= limit:  # one line, as most titles are
                counts.append(1)
            elif total >= WordWidths.APART:
                counts.append(line_count(text, self._style, self._width, max_lines))
            else:
                lines, first = 0, start
                while first < stop:
                    end = bisect_right(ends, ends[first] + reach, first + 1, stop + 1) - 1
                    if end == first:  # a word wider than the line: cut inside it
                        lines = line_count(text, self._style, self._width, max_lines)
                        break
                    lines += 1
                    first = end
                counts.append(lines if max_lines is None else min(lines, max_lines))
            start = stop
        return counts


def _wrap(text: str, style: TextStyle, width: float, max_lines: int | None) -> list[str]:
    text = visible_bidi(text)
    most = None if max_lines is None else max_lines + 1  # (one line past those shown says the text is cut)
    if "\n" in text or "\r" in text:
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            lines.extend(_wrap_paragraph(paragraph, style, width, None if most is None else most - len(lines)))
            if max_lines is not None and len(lines) > max_lines:
                break
    else:  # one paragraph, as most text is
        lines = _wrap_paragraph(text, style, width, most)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit_with_ellipsis(lines[-1], style, width)
    return lines


def _wrap_paragraph(paragraph: str, style: TextStyle, width: float, most: int | None = None) -> list[str]:
    """Greedy line filling, in font units; widths add up because the fonts are used without kerning.
    It stops at `most` lines: past the most a text shows, the lines are cut off anyway (and a name
    wrapped into a narrow emotion point would otherwise be cut into many)."""
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
            if len(lines) == most:
                return lines
        while word_width > limit and len(word) > 1:
            cut = _longest_prefix(word, style, width)
            lines.append(word[:cut])
            if len(lines) == most:
                return lines
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
    """How many of `word`'s first characters fit in `width` (at least one). In PT Sans a prefix is as
    wide as its characters added up, so their running widths are bisected; a word with a character
    drawn otherwise (another font, Arabic's contextual forms) has each prefix tried measured whole."""
    try:
        running = list(accumulate(map(metrics(style.bold).widths.__getitem__, word)))
    except KeyError:
        return _longest_prefix_measured(word, style, width)
    size = style.size
    return max(bisect_right(running, width, key=lambda units: units * size / 1000), 1)  # (as `width` measures)


def _longest_prefix_measured(word: str, style: TextStyle, width: float) -> int:
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
