"""Export speed and memory on generated maps, each figure against a baseline measured in the same run.

The baselines are what any exporter of the same map must at least pay: for the PDF, reportlab
drawing one plain rectangle with its title for each card (no layout, no icons, no links); for PNG
and SVG, QPainter doing the same into an image of the same size / an SVG generator. Figures:

- pdf: the map on one poster page; pdf-tiles: on A4 sheets with their index;
- png: the whole map at 1 px per point, drawn in tiles; svg: the whole map as one SVG;
- html: the interactive page (the SVG inlined, deflated on large maps, the cards' data, the map file),
  against the SVG baseline;
- for each, the wall time (load included) and the peak memory of the process, and the file size.

Each configuration runs in its own processes (so memory figures do not mix), `--runs` of them a side,
the sides taking turns; each figure is the median of its runs. `--before DIR`, an earlier checkout of
the program (e.g. `git worktree add /tmp/before HEAD~1`), is measured in the same run as a third side,
so that a change is judged on a shared machine by ratios, not by figures from different hours. Run:

    .venv/bin/python benchmarks/bench_export.py            # 1,000 and 5,000 cards
    .venv/bin/python benchmarks/bench_export.py 5000       # one size
    .venv/bin/python benchmarks/bench_export.py --before /tmp/before --kinds pdf,pdf-tiles --runs 5 5000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from children import ROOT, generated_map, run_child

SIZES = (1000, 5000)
KINDS = ("pdf", "pdf-tiles", "png", "svg", "html")


def measure(kind: str, side: str, root: str, path: str, out: str) -> dict:
    """Runs inside a child process: export the map one way (the program imported from `root`) and
    time it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, root)
    from cjm_designer.io import load

    if kind in ("png", "svg", "html"):
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication([])
    if side == "ours":
        from cjm_designer.export.image import render_svg, write_png
        from cjm_designer.export.pdf import Pages, PdfOptions, to_pdf
        from cjm_designer.io import write_atomic

        started = time.perf_counter()
        doc = load(path)
        if kind.startswith("pdf"):
            options = PdfOptions(pages=Pages.TILES if kind == "pdf-tiles" else Pages.POSTER)
            write_atomic(out, to_pdf(doc, options).data)
        elif kind == "png":
            write_png(doc, out)
        elif kind == "html":
            from cjm_designer.map_export import export_map

            export_map(doc, "html", out)
        else:
            write_atomic(out, render_svg(doc))
    else:
        from cjm_designer.layout import compute_layout

        size = compute_layout(load(path))  # the baseline draws on a sheet of the map's size
        started = time.perf_counter()
        data = json.loads(Path(path).read_text("utf-8"))
        _baseline(kind, data["cards"], size.width, size.height, out)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"time": elapsed, "memory": peak, "bytes": os.path.getsize(out)}


def _baseline(kind: str, cards: list[dict], width: float, height: float, out: str) -> None:
    """One rectangle and one title per card, in a plain grid, the cheapest way each format allows."""
    places = [(24 + (i % 40) * 200, 24 + (i // 40) * 70) for i in range(len(cards))]
    if kind.startswith("pdf"):
        from reportlab.pdfgen.canvas import Canvas

        from cjm_designer.export.pdf_text import REGULAR, register_fonts

        register_fonts()
        pdf = Canvas(out, pagesize=(width, height), pageCompression=1, initialFontName=REGULAR)
        for card, (x, y) in zip(cards, places):
            pdf.rect(x, height - y - 60, 184, 60)
            pdf.setFont(REGULAR, 10)
            pdf.drawString(x + 8, height - y - 20, card.get("title", ""))
        pdf.showPage()
        pdf.save()
        return
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgGenerator

    if kind == "png":
        device = QImage(int(width), int(height), QImage.Format.Format_ARGB32_Premultiplied)
        device.fill(QColor("white"))
    else:
        device = QSvgGenerator()
        device.setFileName(out)
        device.setSize(QSize(int(width), int(height)))
    painter = QPainter(device)
    for card, (x, y) in zip(cards, places):
        painter.drawRect(QRectF(x, y, 184, 60))
        painter.drawText(QRectF(x + 8, y + 8, 168, 20), card.get("title", ""))
    painter.end()
    if kind == "png":
        device.save(out, "PNG")


def main(sizes: list[int], kinds: list[str], runs: int, before: str | None) -> None:
    sides = {"ours": ("ours", str(ROOT)), "baseline": ("baseline", str(ROOT))}
    if before:
        sides["before"] = ("ours", before)
    rows = {}
    with tempfile.TemporaryDirectory() as folder:
        for cards in sizes:
            path = generated_map(folder, cards)
            for kind in kinds:
                out = os.path.join(folder, f"out-{cards}.{kind.split('-')[0]}")
                measured = {side: [] for side in sides}
                for _ in range(runs):
                    for side, (how, root) in sides.items():
                        measured[side].append(run_child(__file__, kind, how, root, path, out))
                rows[(cards, kind)] = {side: {key: statistics.median(run[key] for run in done) for key in done[0]}
                                       for side, done in measured.items()}
    print(f"CJM Designer export, maps of 10 stages x 10 lanes; Python {sys.version.split()[0]}, {os.cpu_count()} cores;"
          f" medians of {runs} processes a side")
    earlier_columns = f" {'before':>9} {'ratio':>6} {'memory':>10} {'file':>10} {'ratio':>6}"
    print(f"{'cards':>6} {'export':<10} {'time':>8} {'baseline':>9} {'ratio':>6} {'memory':>10} {'baseline':>10}"
          f" {'file':>10}" + (earlier_columns if before else ""))
    for (cards, kind), row in rows.items():
        ours, base = row["ours"], row["baseline"]
        line = (f"{cards:>6} {kind:<10} {ours['time']:>7.2f}s {base['time']:>8.2f}s"
                f" {ours['time'] / base['time']:>5.1f}x {ours['memory']:>6.0f} MiB {base['memory']:>6.0f} MiB"
                f" {ours['bytes'] / 2**20:>6.2f} MiB")
        if before:
            earlier = row["before"]
            line += (f" {earlier['time']:>8.2f}s {ours['time'] / earlier['time']:>5.2f}x {earlier['memory']:>6.0f} MiB"
                     f" {earlier['bytes'] / 2**20:>6.2f} MiB {ours['bytes'] / earlier['bytes']:>5.3f}x")
        print(line)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(*sys.argv[2:7])))
    else:
        parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
        parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES), help="cards in each map measured")
        parser.add_argument("--before", metavar="DIR", help="an earlier checkout, measured as a third side")
        parser.add_argument("--kinds", default=",".join(KINDS), help=f"exports measured, of {', '.join(KINDS)}")
        parser.add_argument("--runs", type=int, default=1, help="processes a side for each figure")
        args = parser.parse_args()
        main(args.sizes, args.kinds.split(","), args.runs, args.before)
