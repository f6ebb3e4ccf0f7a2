"""Building many objects at once without the cyclic garbage collector stepping in.

Reading a big map or laying it out makes tens of thousands of objects, none of them in a reference
cycle. Each time the young generation fills, Python's collector would walk every object still alive:
measured, a fifth of the time to open a 5,000-card map. So the collector pauses during such work;
refcounting frees dropped objects as usual, and the collector takes up again when the work is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_LIMIT = 50_000  # allocations between young-generation collections (Python's default is 700)


def tune_collector() -> None:
    """Collect the young generation every 50,000 allocations instead of every 700: a map's parts live
    long and hold no cycles, so frequent collections only walk them again and again."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_LIMIT, middle, old)


tune_collector()  # on import: every entry point (window, command line, benchmarks) gets the same collector


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (nested blocks leave it to the outermost)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
