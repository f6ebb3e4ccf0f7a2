"""The workshop room under the issue's load: 50 participants sending 20 cards each at once over
loopback to a headless room (`cjm-designer workshop`'s server and file owner, in this process), on a
small map and on a big one, whose every save costs more. Figures:

- time: from the first card sent to the last answered, and cards a second;
- stall: the longest gap of a 10 ms ticker on the server's asyncio loop beyond its 10 ms (what a
  participant's request may wait behind), goal ≤ 100 ms; the window's Qt loop is measured apart;
- saves: how many times the file was written (the writer saves once for whatever arrived meanwhile).

    .venv/bin/python benchmarks/bench_room.py              # the 95-card template and 5,000 cards
    .venv/bin/python benchmarks/bench_room.py 20000        # another big size
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.room.crowd, from a checkout

from cjm_designer import templates  # noqa: E402
from cjm_designer.io import load, save  # noqa: E402
from cjm_designer.model import JourneyMap  # noqa: E402
from cjm_designer.model.synthetic import generate_map  # noqa: E402
from cjm_designer.room import file_room  # noqa: E402
from cjm_designer.room.board import board_of  # noqa: E402
from cjm_designer.room.file_room import FileRoom  # noqa: E402
from cjm_designer.room.rate_limit import RateLimit  # noqa: E402
from cjm_designer.room.server import RoomServer  # noqa: E402
from tests.room.crowd import send_cards  # noqa: E402

PARTICIPANTS, CARDS = 50, 20


def measure(doc: JourneyMap, folder: Path) -> dict:
    path = folder / "bench.cjm"
    save(doc, path)
    saves = []
    write = file_room.write_atomic
    file_room.write_atomic = lambda *a, **k: (saves.append(1), write(*a, **k))
    room = FileRoom(doc, path)
    server = RoomServer(board_of(doc), room, host="127.0.0.1", rate=RateLimit(10 * PARTICIPANTS * CARDS, 10))
    url = server.start()
    gaps = []

    async def ticker():
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last - 0.01)
            last = now

    ticking = asyncio.run_coroutine_threadsafe(ticker(), server.loop)
    try:
        started = time.perf_counter()
        sent = asyncio.run(send_cards(url, PARTICIPANTS, CARDS, board_of(doc).as_json()))
        took = time.perf_counter() - started
    finally:
        ticking.cancel()
        server.stop()
        room.close()
        file_room.write_atomic = write
    arrived = len(load(path).inbox)
    assert sum(status == 201 for status, _ in sent) == arrived == PARTICIPANTS * CARDS, arrived
    return {"time": took, "rate": arrived / took, "stall": max(gaps) * 1000, "saves": len(saves)}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [0, 5000]
    print(f"{PARTICIPANTS} participants x {CARDS} cards at once, over loopback")
    print(f"{'map':>12} {'time s':>7} {'cards/s':>8} {'stall ms':>9} {'saves':>6}")
    for size in sizes:
        doc = templates.new_map("five-stages", "ru") if size == 0 else generate_map(size)
        with tempfile.TemporaryDirectory() as folder:
            got = measure(doc, Path(folder))
        name = f"{len(doc.cards)} cards"
        print(f"{name:>12} {got['time']:7.2f} {got['rate']:8.0f} {got['stall']:9.1f} {got['saves']:6d}")


if __name__ == "__main__":
    main()
