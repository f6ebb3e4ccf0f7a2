"""Where a tiled map is cut, along one axis: how many sheets it needs and which part each shows.

The sheets share the map evenly instead of full sheets and a sliver, and a cut is moved onto the
line between two stages (or two lanes) when the sheets can take it: the next sheet begins with a
whole stage, and the sheets are glued along that line rather than through the cards. Pure
arithmetic in map points.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

EPSILON = 1e-6


def sheets_needed(length: float, capacity: float, overlap: float) -> int:
    """The fewest sheets that show `length` when each shows `capacity` and neighbours share `overlap`."""
    return max(1, math.ceil((length - overlap) / (capacity - overlap) - 1e-9))


def even_share(length: float, overlap: float, count: int) -> float:
    """What each of `count` sheets shows when they share `length` alike."""
    return (length + (count - 1) * overlap) / count


def cut(length: float, capacity: float, overlap: float, count: int, lines: list[float],
        least: float) -> list[tuple[float, float]]:
    """The (start, end) each of `count` sheets shows: together all of `length`, neighbours sharing
    `overlap`, none more than `capacity` nor less than `least`. As many sheets as can be begin on one of
    the sorted `lines`; of those choices, the one whose smallest sheet is largest. Other sheets begin
    where an even share puts them."""
    if count == 1:
        return [(0.0, length)]
    step = even_share(length, overlap, count) - overlap
    # best[start] = (cuts on lines, smallest sheet so far, the starts that lead here)
    best: dict[float, tuple[int, float, tuple[float, ...]]] = {0.0: (0, math.inf, (0.0,))}
    for sheet in range(1, count):
        low = length - (count - sheet) * capacity + (count - sheet - 1) * overlap  # the rest can still cover
        high = sheet * (capacity - overlap)
        starts = {sheet * step: 0}
        for start in lines[bisect_left(lines, low - EPSILON):bisect_right(lines, high + EPSILON)]:
            starts[start] = 1
        reached: dict[float, tuple[int, float, tuple[float, ...]]] = {}
        for start, on_line in starts.items():
            for previous, (aligned, smallest, path) in best.items():
                shown = start + overlap - previous
                if not least - EPSILON <= shown <= capacity + EPSILON or start <= previous:
                    continue
                candidate = (aligned + on_line, min(smallest, shown), path + (start,))
                if start not in reached or candidate[:2] > reached[start][:2]:
                    reached[start] = candidate
        best = reached
    finals = [(aligned, min(smallest, length - start), path) for start, (aligned, smallest, path) in best.items()
              if least - EPSILON <= length - start <= capacity + EPSILON]
    *_, starts = max(finals, key=lambda final: final[:2])
    ends = [start + overlap for start in starts[1:]] + [length]
    return list(zip(starts, ends))
