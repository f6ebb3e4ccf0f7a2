"""The benchmarks are the evidence for the figures in benchmarks/README.md: each must still run against
the code as it is. Their figures are not checked here (a timed test is noise); what they count is."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from children import ROOT, generated_map, run_child  # noqa: E402


def test_the_edits_benchmark_runs_on_a_small_map(tmp_path):
    """On a map of two cards a cell (each of its edits a real change there: the move of a cell's first card
    to its end and back needs two), every figure is timed, and a 100-card Inspector edit is one undo step
    and one relayout."""
    path = generated_map(str(tmp_path), 200)
    figures = run_child(str(BENCHMARKS / "bench_edits.py"), ROOT, 200, path)
    timed = {"inspector100", "edit1", "edit1-scene", "edit1-taller", "link1", "lane1", "stage1", "add1", "move1",
             "layout"}
    assert timed <= set(figures)
    assert all(figures[key] > 0 for key in timed)
    assert (figures["relayouts"], figures["steps"]) == (1, 1)
