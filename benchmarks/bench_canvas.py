"""Canvas speed and memory on generated maps, each figure against a baseline measured in the same run.

The baseline is a bare QGraphicsScene holding the same number of plain rectangle items with a text
label each (what any Qt canvas must at least pay). Figures:

- open: the .cjm file read, scene built and the first frame painted;
- drag: one mouse-move handled while dragging 1 card, and while dragging 100 cards;
- repaint: one full repaint of the map zoomed to fit;
- memory: peak resident memory of the process with the map open.

Each configuration runs in its own process, so memory figures do not mix. Run:

    .venv/bin/python benchmarks/bench_canvas.py            # 1,000, 5,000 and 20,000 cards
    .venv/bin/python benchmarks/bench_canvas.py 5000       # one size
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time

from children import ROOT, bare_scene, generated_map, run_child

SIZES = (1000, 5000, 20000)


def measure(kind: str, cards: int, path: str) -> dict:
    """Runs inside a child process: open the map the given way and time the gestures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import (  # noqa: F401 - the baseline's item classes made before the clock, as ours are
        QApplication,
        QGraphicsItem,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
    )

    from cjm_designer.canvas import MapScene, MapView
    from cjm_designer.editor import DocumentSession
    from cjm_designer.io import load

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()  # modules are imported before, for both: opening a file is timed
    if kind == "ours":
        session = DocumentSession(load(path))
        scene = MapScene(session)
        view = MapView(scene)
        first_ids = [c.id for c in session.doc.cards[:100]]

        def item_center(i: int) -> QPointF:
            center = scene.layout.cards[first_ids[i]].rect.center
            return QPointF(center.x, center.y)

        def select(n: int) -> None:
            scene.select_cards(first_ids[:n])
    else:
        scene, items = bare_scene(path)
        view = QGraphicsView(scene)
        view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)

        def item_center(i: int) -> QPointF:
            return items[i].sceneBoundingRect().center()

        def select(n: int) -> None:
            scene.clearSelection()
            for item in items[:n]:
                item.setSelected(True)

    view.resize(1600, 1000)
    view.show()
    view.viewport().repaint()
    app.processEvents()
    opened = time.perf_counter() - started

    def drag_moves(n: int) -> float:
        select(n)
        view.resetTransform()
        view.centerOn(item_center(0))
        app.processEvents()
        viewport = view.viewport()
        start = view.mapFromScene(item_center(0))
        press = QMouseEvent(QMouseEvent.Type.MouseButtonPress, QPointF(start), QPointF(viewport.mapToGlobal(start)),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, press)
        times = []
        for step in range(1, 61):
            p = QPointF(start.x() + step * 3, start.y() + step * 2)
            move = QMouseEvent(QMouseEvent.Type.MouseMove, p, QPointF(viewport.mapToGlobal(p.toPoint())),
                               Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
            t = time.perf_counter()
            QApplication.sendEvent(viewport, move)
            times.append(time.perf_counter() - t)
        release = QMouseEvent(QMouseEvent.Type.MouseButtonRelease, QPointF(start), QPointF(viewport.mapToGlobal(start)),
                              Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, release)  # dropped where it started: nothing changes
        app.processEvents()
        return statistics.median(times[5:])

    drag_one = drag_moves(1)
    drag_hundred = drag_moves(100)
    if kind == "ours":
        view.zoom_fit()  # the program's own fit, which also picks the level of detail
    else:
        view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    app.processEvents()
    repaints = []
    for _ in range(7):
        t = time.perf_counter()
        view.viewport().repaint()
        repaints.append(time.perf_counter() - t)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"open": opened, "drag1": drag_one, "drag100": drag_hundred, "repaint": statistics.median(repaints[2:]),
            "memory": peak_mib}


RUNS = 3  # processes per side and size, the sides taking turns; each figure is the median of its runs


def main(sizes) -> None:
    rows = {}
    with tempfile.TemporaryDirectory() as folder:
        for cards in sizes:
            path = generated_map(folder, cards)
            runs = {"ours": [], "baseline": []}
            for _ in range(RUNS):
                for side in runs:
                    runs[side].append(run_child(__file__, side, cards, path))
            rows[cards] = tuple({key: statistics.median(run[key] for run in runs[side]) for key in runs[side][0]}
                                for side in ("ours", "baseline"))
    print(f"CJM Designer canvas, maps of 10 stages x 10 lanes; Python {sys.version.split()[0]}, {os.cpu_count()} cores;"
          f" each figure the median of {RUNS} processes")
    print(f"{'cards':>6} {'figure':<9} {'ours':>11} {'baseline':>11} {'ratio':>7}")
    units = {"open": ("s", 1), "drag1": ("ms", 1000), "drag100": ("ms", 1000), "repaint": ("ms", 1000),
             "memory": ("MiB", 1)}
    for cards, (ours, base) in rows.items():
        for key, (unit, scale) in units.items():
            print(f"{cards:>6} {key:<9} {ours[key] * scale:>8.2f} {unit:<3}{base[key] * scale:>8.2f} {unit:<3}"
                  f"{ours[key] / base[key]:>6.2f}x")
    if len(rows) > 1:
        sizes_sorted = sorted(rows)
        print("growth of our figures (ratio of the figure to the one of the previous size; cards grew by the "
              "ratio in brackets):")
        for small, large in zip(sizes_sorted, sizes_sorted[1:]):
            growth = ", ".join(f"{key} {rows[large][0][key] / rows[small][0][key]:.2f}x" for key in units)
            print(f"  {small} -> {large} ({large / small:.0f}x): {growth}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    else:
        main([int(a) for a in sys.argv[1:]] or SIZES)
