"""Text measurement and wrapping from the bundled TrueType fonts, without Qt.

The canvas and the PDF draw with the same font files, and Qt is told to use their design metrics
(no hinting, no kerning), so lines broken here are the lines drawn on screen and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..model.plain import visible_bidi
from ..paths import bundled
from .font_file import read_widths
from .geometry import TextLine

FAMILY = "PT Sans"
REGULAR_FILE = "PTS55F.ttf"
BOLD_FILE = "PTS75F.ttf"
ELLIPSIS = "…"


def font_path(bold: bool = False) -> Path:
    return bundled("resources") / "fonts" / (BOLD_FILE if bold else REGULAR_FILE)


class FontMetrics:
    """Advance widths of one font file, in thousandths of the font size."""

    def __init__(self, path: Path):
        face = read_widths(path)
        self.widths: dict[str, float] = face.widths
        self._default = face.default
        self._units = lru_cache(maxsize=65536)(self._sum_units)  # words recur; measure each once

    def _sum_units(self, text: str) -> int:
        try:
            return sum(map(self.widths.__getitem__, text))
        except KeyError:  # a character the font lacks: Qt falls back to another font, about this wide
            widths, default = self.widths, self._default
            return sum(widths.get(ch, default) for ch in text)

    def width(self, text: str, size: float) -> float:
        return self._units(text) * size / 1000


@cache
def metrics(bold: bool = False) -> FontMetrics:
    """The metrics of the bundled regular or bold font (read once)."""
    return FontMetrics(font_path(bold))


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
    return list(_wrap(text, style, round(width, 3), max_lines))


def _wrap(text: str, style: TextStyle, width: float, max_lines: int | None) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in visible_bidi(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, style, width))
        if max_lines is not None and len(lines) > max_lines:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit_with_ellipsis(lines[-1], style, width)
    return tuple(lines)


_wrap_remembered = lru_cache(maxsize=65536)(_wrap)


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
