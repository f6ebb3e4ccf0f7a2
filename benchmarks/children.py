"""What the benchmarks share: each measurement in a child process of its own (so that peak memory is
its own), on generated maps saved to a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_child(script: str, *args: object) -> dict:
    """Run `script --child ARGS...` and return the JSON object it prints last."""
    done = subprocess.run([sys.executable, script, "--child", *map(str, args)], capture_output=True, text=True,
                          check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def generated_map(folder: str, cards: int) -> str:
    """A generated map of `cards` cards (10 stages × 10 lanes) saved in `folder`; its path."""
    sys.path.insert(0, str(ROOT))
    from cjm_designer.io import save
    from cjm_designer.model.synthetic import generate_map

    path = os.path.join(folder, f"map-{cards}.cjm")
    save(generate_map(cards), path)
    return path


def bare_scene(path: str):
    """The baseline of a canvas: a bare QGraphicsScene holding, for each card of the `.cjm` file at
    `path`, a plain movable rectangle with its title, in a grid of cells; the scene and the items."""
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

    data = json.loads(Path(path).read_text("utf-8"))
    scene = QGraphicsScene()
    stage_index = {s["id"]: i for i, s in enumerate(data["stages"])}
    lane_index = {lane["id"]: i for i, lane in enumerate(data["lanes"])}
    counts: dict = {}
    items = []
    for card in data["cards"]:
        cell = (stage_index[card["stage"]], lane_index[card["lane"]])
        n = counts[cell] = counts.get(cell, -1) + 1
        item = QGraphicsRectItem(0, 0, 184, 60)
        item.setPos(200 + cell[0] * 212, 150 + cell[1] * 3000 + n * 70)
        flags = QGraphicsItem.GraphicsItemFlag
        item.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable)
        label = QGraphicsSimpleTextItem(card.get("title", ""), item)
        label.setPos(8, 8)
        scene.addItem(item)
        items.append(item)
    scene.setSceneRect(scene.itemsBoundingRect())
    return scene, items
