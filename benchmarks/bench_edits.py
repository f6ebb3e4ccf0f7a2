"""Edits on a big map: the time from an edit to the scene (and every dock) updated, for this code and for
an earlier checkout of it given with --before, measured in the same run.

Each side runs in its own process on the same generated map, with the canvas, its view and the docks that
follow the map's changes (Inspector, Personas, Analytics, Overview, the Analyse toolbar). Figures:

- inspector100: a title typed in the Inspector for 100 selected cards (one undo step), until the scene and
  the docks show it; with the number of relayouts it caused;
- edit1: one card's title set by one editor operation (one undo step), until the scene and the docks show it;
- edit1-scene: the same with the canvas alone listening (no docks);
- edit1-taller: one card's text made longer or shorter, so that its card changes height and the cards
  under it move (the canvas alone listening): the links are routed again;
- link1: one link's label set by one editor operation (the canvas alone listening): its label is placed
  again, and any other label that the change reaches;
- lane1: a lane renamed by one editor operation (the canvas alone listening): its header is laid out
  again, and its row when the name takes more lines;
- stage1: a stage renamed by one editor operation (the canvas alone listening): the stages' headers are
  laid out again (the whole map when they grow taller);
- add1: a card typed into a cell by the editor (the canvas alone listening), undone untimed before the
  next so that the map stays the same: its cell is laid out again, and the lanes below when its lane
  grows;
- move1: one card moved within its cell by the editor, the cell's first card to its end and back to the
  front in turn (the canvas alone listening): a drag's drop; its cell is laid out again;
- layout: the whole map's layout computed alone, with what the scene remembers of its last layouts:
  what a change of stages or lanes pays, and what every edit paid before relayouts were partial.

Run (the earlier code from a worktree, e.g. `git worktree add /tmp/before HEAD~1`):

    .venv/bin/python benchmarks/bench_edits.py --before /tmp/before          # 5,000 cards
    .venv/bin/python benchmarks/bench_edits.py --before /tmp/before 1000     # another size
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

from children import ROOT, generated_map, run_child

RUNS = 3  # processes per side, the sides taking turns; each figure is the median of its runs
REPEATS = 25  # timed one-card edits in a process; the process's figure is their median
INSPECTOR_REPEATS = 5  # timed 100-card edits (the earlier code took seconds for one)


def edited_card(session) -> str:
    """The card the one-card edits change: the 201st, as in every figure so far (a small map's last)."""
    return session.doc.cards[min(200, len(session.doc.cards) - 1)].id


def measure(root: str, cards: int, path: str) -> dict:
    """Runs inside a child process, importing the program from `root`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, root)
    from PySide6.QtWidgets import QApplication

    from cjm_designer.canvas import MapScene, MapView
    from cjm_designer.editor import DocumentSession
    from cjm_designer.io import load
    from cjm_designer.layout import compute_layout
    from cjm_designer.model.document import ElementKind
    from cjm_designer.ui.analytics_panel import AnalyticsPanel
    from cjm_designer.ui.heat_filter_bar import HeatFilterBar
    from cjm_designer.ui.inspector import Inspector
    from cjm_designer.ui.overview import Overview
    from cjm_designer.ui.personas import PersonasPanel

    app = QApplication.instance() or QApplication([])

    def canvas(docks: bool):
        session = DocumentSession(load(path))
        scene = MapScene(session)
        view = MapView(scene)
        view.resize(1600, 1000)
        view.show()
        kept = [view]
        if docks:
            kept += [Inspector(scene), PersonasPanel(session), AnalyticsPanel(session), Overview(view),
                     HeatFilterBar(scene)]
        app.processEvents()
        relayouts = []
        scene.laidOut.connect(lambda: relayouts.append(1))
        return session, scene, kept, relayouts

    def timed(action) -> float:
        t = time.perf_counter()
        action()
        app.processEvents()  # whatever a listener left for the event loop
        return time.perf_counter() - t

    session, scene, kept, relayouts = canvas(docks=False)
    card_id = edited_card(session)
    scene_only = [timed(lambda i=i: scene.edits.set_fields(ElementKind.CARD, {card_id: {"title": f"Заголовок {i}"}}))
                  for i in range(REPEATS)]
    texts = ["", "Длинный текст карточки, который занимает несколько строк и делает её выше. " * 3]
    taller = [timed(lambda i=i: scene.edits.set_fields(ElementKind.CARD, {card_id: {"text": texts[i % 2]}}))
              for i in range(REPEATS)]
    link_id = session.doc.links[len(session.doc.links) // 2].id
    labels = ["Перезвонить через неделю", "SMS"]
    link1 = [timed(lambda i=i: scene.edits.set_link_label(link_id, labels[i % 2]))
             for i in range(REPEATS)]
    lane_id, stage_id = session.doc.lanes[3].id, session.doc.stages[3].id
    lane1 = [timed(lambda i=i: scene.edits.rename(ElementKind.LANE, lane_id, f"Дорожка {i}")) for i in range(REPEATS)]
    stage1 = [timed(lambda i=i: scene.edits.rename(ElementKind.STAGE, stage_id, f"Этап {i}")) for i in range(REPEATS)]
    add1 = []
    for i in range(REPEATS):
        add1.append(timed(lambda i=i: scene.edits.add_card(stage_id, lane_id, None, f"Новая карточка {i}")))
        session.undo_stack.undo()
        app.processEvents()
    cell = [card.id for card in session.doc.cards_in(stage_id, lane_id)]
    # the cell's first card to its end and back before the second, in turn (a change in any cell of two or more)
    move1 = [timed(lambda i=i: scene.edits.move_cards([cell[0]], stage_id, lane_id, None if i % 2 == 0 else cell[1]))
             for i in range(REPEATS)]
    memo = [scene.layout_memo] if hasattr(scene, "layout_memo") else []  # the earlier code's memo was global
    layout = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        compute_layout(session.doc, scene.style, *memo)
        layout.append(time.perf_counter() - t)
    del session, scene, kept, relayouts

    session, scene, kept, relayouts = canvas(docks=True)
    inspector = kept[1]
    scene.select_cards([c.id for c in session.doc.cards[:100]])
    title = inspector.editors["title"]
    spec = next(f for f in inspector.form.fields if f.path == "title")

    def inspector_edit(i: int) -> None:
        title.setText(f"Заголовок {i}")
        title.setModified(True)
        inspector.form._commit(spec)  # what the title box's editingFinished calls

    relayouts.clear()
    hundred = [timed(lambda i=i: inspector_edit(i)) for i in range(INSPECTOR_REPEATS)]
    relayouts_per_edit = len(relayouts) / INSPECTOR_REPEATS
    steps = session.undo_stack.count() / INSPECTOR_REPEATS
    card_id = edited_card(session)
    one = [timed(lambda i=i: scene.edits.set_fields(ElementKind.CARD, {card_id: {"title": f"Заголовок {i}"}}))
           for i in range(REPEATS)]
    return {"inspector100": statistics.median(hundred), "relayouts": relayouts_per_edit, "steps": steps,
            "edit1": statistics.median(one), "edit1-scene": statistics.median(scene_only),
            "edit1-taller": statistics.median(taller), "link1": statistics.median(link1),
            "lane1": statistics.median(lane1), "stage1": statistics.median(stage1),
            "add1": statistics.median(add1), "move1": statistics.median(move1), "layout": statistics.median(layout)}


def main(before: str, sizes: list[int]) -> None:
    sides = {"after": str(ROOT), "before": before}
    with tempfile.TemporaryDirectory() as folder:
        for cards in sizes:
            path = generated_map(folder, cards)
            runs = {side: [] for side in sides}
            for _ in range(RUNS):
                for side, root in sides.items():
                    runs[side].append(run_child(__file__, root, cards, path))
            after, earlier = ({key: statistics.median(run[key] for run in runs[side]) for key in runs[side][0]}
                              for side in sides)
            print(f"{cards} cards; Python {sys.version.split()[0]}, {os.cpu_count()} cores; medians of {REPEATS} "
                  f"one-card and {INSPECTOR_REPEATS} 100-card edits in each of {RUNS} processes a side")
            print(f"{'figure':<13} {'after':>10} {'before':>10} {'ratio':>7}")
            for key in ("inspector100", "edit1", "edit1-scene", "edit1-taller", "link1", "lane1", "stage1", "add1",
                        "move1", "layout"):
                print(f"{key:<13} {after[key] * 1000:>7.1f} ms {earlier[key] * 1000:>7.1f} ms "
                      f"{after[key] / earlier[key]:>6.2f}x")
            for key in ("relayouts", "steps"):
                print(f"{key:<13} {after[key]:>10.0f} {earlier[key]:>10.0f}   (per 100-card Inspector edit)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    else:
        args = sys.argv[1:]
        if args[:1] != ["--before"] or len(args) < 2:
            sys.exit(__doc__)
        main(args[1], [int(a) for a in args[2:]] or [5000])
