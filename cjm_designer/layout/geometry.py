"""Plain geometry values the layout is made of (points in PDF points; 1 scene unit = 1 pt).

They are named tuples: a big map's layout makes hundreds of thousands of them, and a tuple is several
times quicker to build than a frozen dataclass.
"""

from __future__ import annotations

from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


class Rect(NamedTuple):
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return Point(self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.x + self.w and self.y <= y < self.y + self.h

    def intersects(self, other: Rect) -> bool:
        return (self.x < other.x + other.w and other.x < self.x + self.w
                and self.y < other.y + other.h and other.y < self.y + self.h)

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


class TextLine(NamedTuple):
    """One line of text at its baseline, relative to the box that holds it."""

    text: str
    x: float
    y: float
    size: float
    bold: bool = False
    color: str | None = None  # `#rrggbb` when the line has its own colour (e.g. a funnel drop in red)
