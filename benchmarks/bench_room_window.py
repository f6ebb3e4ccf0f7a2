"""The workshop room in the window under the issue's load: a window with the room open (Workshop →
Invite participants) and its Inbox dock in front, 50 participants sending 20 cards each at once over
loopback from another process, on the 95-card template and on a big map. Figures:

- time: from starting the participants (their process, about half a second) to the last card listed in the Inbox;
- stall: the longest gap of a 10 ms QTimer on the window's event loop beyond its 10 ms while the
  cards arrive (how long the window did not answer the facilitator), goal ≤ 100 ms;
- bursts: how many times the arrivals were taken into the map (one notification each, BURST_MS apart).

    .venv/bin/python benchmarks/bench_room_window.py            # the template and 5,000 cards
    .venv/bin/python benchmarks/bench_room_window.py 20000      # another big size
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # from a checkout

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cjm_designer import templates  # noqa: E402
from cjm_designer.model import JourneyMap  # noqa: E402
from cjm_designer.model.synthetic import generate_map  # noqa: E402
from cjm_designer.room.board import board_of  # noqa: E402
from cjm_designer.room.rate_limit import RateLimit  # noqa: E402
from cjm_designer.ui.main_window import MainWindow  # noqa: E402
from cjm_designer.ui.workshop import Workshop  # noqa: E402

PARTICIPANTS, CARDS = 50, 20
CROWD = f"""
import asyncio, json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from tests.room.crowd import send_cards
print(json.dumps(asyncio.run(send_cards(sys.argv[1], {PARTICIPANTS}, {CARDS}, json.loads(sys.argv[2])))))
"""  # the participants in a process of their own, as phones are: they take no time of the window's
TIMEOUT = 120.0


def measure(app: QApplication, doc: JourneyMap) -> dict:
    window = MainWindow(doc, None, remember_layout=False)
    window.resize(1600, 1000)
    window.show()
    window.settings.set_value("workshop/host", "127.0.0.1")
    inbox = next(dock for dock in window.docks if dock.name == "inbox")
    window.workshop = Workshop(window.files, window.settings, window.statusBar(), inbox.raise_, window)
    room = window.workshop.invite(RateLimit(10 * PARTICIPANTS * CARDS, 10))  # one address, a thousand requests
    inbox.content()  # the dock in front, listing every arrival
    bursts = []
    room.arrived.connect(bursts.append)
    for _ in range(10):
        app.processEvents()
    cells = {key: value for key, value in board_of(doc).as_json().items() if key in ("stages", "lanes")}
    crowd = subprocess.Popen([sys.executable, "-c", CROWD, room.url, json.dumps(cells)], stdout=subprocess.PIPE,
                             text=True)  # it takes a while to start: the ticker is started after, before any card
    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0] - 0.01)
        last[0] = now

    ticker = QTimer(interval=10)
    ticker.timeout.connect(tick)
    ticker.start()
    last[0] = started = time.perf_counter()
    while len(window.session.doc.inbox) < PARTICIPANTS * CARDS and time.perf_counter() - started < TIMEOUT:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - started
    ticker.stop()
    sent = json.loads(crowd.communicate(timeout=TIMEOUT)[0])
    titles = [c.title for c in window.session.doc.inbox]
    assert sum(status == 201 for status, _ in sent) == len(titles) == len(set(titles)) == PARTICIPANTS * CARDS
    window.stop_room()
    window.session.undo_stack.setClean()
    window.close()
    return {"time": took, "stall": max(gaps) * 1000, "bursts": len(bursts)}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-room-") as folder:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):  # not the user's own
            os.environ[name] = os.path.join(folder, name.lower())
        measure_sizes()


def measure_sizes() -> None:
    app = QApplication(sys.argv[:1])
    sizes = [int(a) for a in sys.argv[1:]] or [0, 5000]
    print(f"{PARTICIPANTS} participants x {CARDS} cards at once, over loopback, into a window's Inbox")
    print(f"{'map':>12} {'time s':>7} {'stall ms':>9} {'bursts':>7}")
    for size in sizes:
        doc = templates.new_map("five-stages", "ru") if size == 0 else generate_map(size)
        name = f"{len(doc.cards)} cards"
        got = measure(app, doc)
        print(f"{name:>12} {got['time']:7.2f} {got['stall']:9.1f} {got['bursts']:7d}")


if __name__ == "__main__":
    main()
