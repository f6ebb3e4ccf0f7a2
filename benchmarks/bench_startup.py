"""Start-up: the whole process from the command to the painted window, against a bare Qt window
started the same way in the same run.

Ours is `python -m cjm_designer FILE --screenshot OUT.png` (the window opened on FILE, painted,
grabbed and written as a PNG, then the process exits). The baseline is a process that shows a bare
QMainWindow of the same size and writes its grab the same way; for the generated map it also holds
the map's cards as plain rectangles with their titles in a QGraphicsView (what any Qt canvas must at
least pay, as in bench_canvas.py). Maps:

- empty: the blank template (three stages, five lanes, no cards);
- 5,000 cards: generated (10 stages x 10 lanes, every card field in use, 500 links).

Two more sides show where the difference to the bare window lies: "bare+read" is the bare window's
process that first reads the map with the program's own model, as the program does (pydantic, the
model's classes, the checks of every part), and "bare+layout" one that also lays the map out (the
layout the window draws); what is left between that and ours is the window itself.

Every side runs with a bytecode cache (in a temporary folder), as an installed program does. With
--before DIR, an earlier checkout of the program (e.g. `git worktree add /tmp/before HEAD~1`) is a
third side, measured the same way in the same run. Each side is timed by the clock (wall) and by the
processor time its process used (CPU, user and system): on a machine busy with other work the clock
also counts the waits for a free core, the processor time does not. On a busy machine, more runs
(--runs) steady the medians. Run:

    .venv/bin/python benchmarks/bench_startup.py
    .venv/bin/python benchmarks/bench_startup.py --before /tmp/before --runs 15
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from children import ROOT, generated_map

SIZE = (1600, 1000)  # the window's size, the program's default for --screenshot


def bare_window(out: str, path: str, canvas: bool, first: str) -> None:
    """The baseline, inside its own process: a bare window (holding the plain canvas of the map at
    `path` when `canvas`) shown, painted, grabbed and written to `out` as a PNG. `first` is what the
    process does with the map before, as the program does before its window: "read" reads it with the
    program's model, "layout" also lays it out; "" nothing."""
    if first:
        from cjm_designer.app import kept_from_the_collector
        from cjm_designer.io import load

        with kept_from_the_collector():  # as the program reads and lays out
            doc = load(path)
            if first == "layout":
                from cjm_designer.layout import compute_layout

                compute_layout(doc)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    if canvas:
        from children import bare_scene

        scene, _items = bare_scene(path)
        window.setCentralWidget(QGraphicsView(scene))
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    window.grab().save(buffer, "PNG")
    Path(out).write_bytes(bytes(data))


def timed(command: list[str], env: dict, folder: str) -> tuple[float, float]:
    """The seconds the command took by the clock, and the processor seconds its process used."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, done.ru_utime + done.ru_stime - used.ru_utime - used.ru_stime


def main(before: str | None, runs: int) -> None:
    """`runs` processes per side and map, the sides taking turns; each figure is the median of its runs."""
    with tempfile.TemporaryDirectory() as folder:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=os.path.join(folder, "bytecode"))
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(folder, name.lower())  # default preferences, no recovery offered
        code = {"ours": {**env, "PYTHONPATH": str(ROOT)}, "before": {**env, "PYTHONPATH": before or ""}}
        empty = os.path.join(folder, "empty.cjm")
        subprocess.run([sys.executable, "-m", "cjm_designer", "new", "--template", "blank", "--lang", "en",
                        "-o", empty], cwd=folder, env=code["ours"], check=True, capture_output=True)
        maps = {"empty": (empty, False), "5,000 cards": (generated_map(folder, 5000), True)}
        out = os.path.join(folder, "out.png")
        rows = {}
        for label, (path, bare_holds_map) in maps.items():
            program = [sys.executable, "-m", "cjm_designer", path, "--screenshot", out]
            bare = [sys.executable, __file__, "--bare", out, path, "canvas" if bare_holds_map else "window"]
            sides = {"ours": (program, code["ours"]), "before": (program, code["before"]),
                     "bare Qt": (bare + [""], env), "bare+read": (bare + ["read"], code["ours"]),
                     "bare+layout": (bare + ["layout"], code["ours"])}
            if before is None:
                del sides["before"]
            for command, side_env in sides.values():  # a warm-up each, not counted: the bytecode is written
                timed(command, side_env, folder)
            times: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
            for _ in range(runs):
                for side, (command, side_env) in sides.items():
                    times[side].append(timed(command, side_env, folder))
            for i, measure in enumerate(("wall", "CPU")):
                rows[label, measure] = {side: statistics.median(t[i] for t in runs) for side, runs in times.items()}
    print(f"CJM Designer start-up, command to painted window ({SIZE[0]}x{SIZE[1]}, offscreen); Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores; each figure the median of {runs} processes")
    print(f"{'map':<12} {'':<5}" + " ".join(f"{side:>11}" for side in rows["empty", "wall"]) + "   ratios to bare Qt")
    for (label, measure), row in rows.items():
        ratios = ", ".join(f"{side} {row[side] / row['bare Qt']:.2f}x" for side in row if side != "bare Qt")
        print(f"{label:<12} {measure:<5}" + " ".join(f"{seconds:>10.2f}s" for seconds in row.values()) + f"   {ratios}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bare"]:  # the baseline's own process: --bare OUT.png MAP canvas|window [read|layout]
        bare_window(sys.argv[2], sys.argv[3], sys.argv[4] == "canvas", sys.argv[5])
    else:
        parser = argparse.ArgumentParser(description="Start-up of the window against a bare Qt window.")
        parser.add_argument("--before", metavar="DIR", help="an earlier checkout, measured as a third side")
        parser.add_argument("--runs", type=int, default=7, help="processes per side and map (default 7)")
        args = parser.parse_args()
        main(args.before, args.runs)
