"""The benchmarks are the evidence for the figures in benchmarks/README.md, so they must still run
against the code as it is. The edits benchmark takes a map of any size and is run here on a small one
(it had only ever run at 5,000 cards, and failed below five cards a cell). Its figures are not checked
(a timed test is noise); what it counts is."""

from __future__ import annotations

import importlib
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_the_edits_benchmark_runs_on_a_small_map(tmp_path, monkeypatch):
    """On a map of two cards a cell (each of its edits a real change there: the move of a cell's first card
    to its end and back needs two), every figure is timed, and a 100-card Inspector edit is one undo step
    and one relayout."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    children = importlib.import_module("children")
    path = children.generated_map(str(tmp_path), 200)
    figures = children.run_child(str(BENCHMARKS / "bench_edits.py"), children.ROOT, 200, path)
    timed = {"inspector100", "edit1", "edit1-scene", "edit1-taller", "link1", "lane1", "stage1", "add1", "move1",
             "layout"}
    assert timed <= set(figures)
    assert all(figures[key] > 0 for key in timed)
    assert (figures["relayouts"], figures["steps"]) == (1, 1)
