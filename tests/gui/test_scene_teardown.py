"""Scenes end without crashing Python (MapScene.dispose). A scene left to Python's cyclic collector was torn
down in the collector's order: shiboken hands each wrapper Qt still owns back to Python as it clears it, so an
undo command was deleted by its wrapper and again by its session's stack (heap corruption, then a segfault in
whatever ran next), and Qt emitted the scene's signals into the view's slots on a half-cleared scene.

Each check runs in a child Python, so that a crash fails that test instead of ending the suite; glibc's
MALLOC_CHECK_ makes it abort at the first double free rather than somewhere later."""

import subprocess
import textwrap

from tests.gui.child_python import run_in_child

START = """
import gc
from PySide6.QtCore import QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cjm_designer.canvas import MapScene, MapView
from cjm_designer.editor import DocumentSession
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map

def shown(scene):
    view = MapView(scene)
    view.resize(900, 600)
    view.show()
    QTest.qWaitForWindowExposed(view)
    return view

def edit(scene):
    '''A card deleted and the delete undone: undo commands on the session's stack, the selection on.'''
    scene.select_cards([next(iter(scene.card_items))])
    scene.operations.delete()
    scene.session.undo_stack.undo()
    scene.operations.select_all()

window_scene = MapScene(DocumentSession(generate_map(200)))
window = shown(window_scene)
window_scene.setParent(window)  # as a window's scene is its window's
edit(window_scene)
"""


def _run(code: str) -> subprocess.CompletedProcess:
    return run_in_child(textwrap.dedent(START) + textwrap.dedent(code))


def test_exports_and_previews_end_their_scenes_while_a_window_scene_repaints():
    """Every picture export and template preview makes a scene of its own and ends it at once: none is left
    for the collector, which finds the window's scene whole each time it runs."""
    _run("""
        from cjm_designer.export.image import render_png, render_svg, write_comparison_png
        from cjm_designer.export.image import _Bytes
        from cjm_designer.model.compare import compare
        from cjm_designer.templates import DEFAULT_TEMPLATE
        from cjm_designer.ui.template_gallery import preview
        before = generate_map(30)
        after = before.model_copy(deep=True)
        after.cards = after.cards[1:]
        for i in range(12):
            render_png(before, scale=0.25)
            render_svg(before)
            write_comparison_png(compare(before, after), ("before", "after"), _Bytes(), scale=0.25)
            preview(DEFAULT_TEMPLATE, "en")
            window_scene.edits.set_fields(ElementKind.CARD, {window_scene.session.doc.cards[0].id: {"title": str(i)}})
            window_scene.operations.select_all()
            QTest.qWait(1)
            left = [o for o in gc.get_objects() if isinstance(o, MapScene)]
            assert left == [window_scene], left
            gc.collect()
            window.viewport().repaint()
    """)


def test_an_edited_scene_disposed_under_its_view_leaves_the_collector_nothing_to_crash_on():
    """A scene with undo commands on its session's stack, disposed while its view still shows it (as the
    tests' canvas does): the view is left with no scene, the session goes with its last reference, and a
    collection afterwards frees nothing twice. A scene nobody disposed, selection on, freed by the collector
    while its view lives: the view's slots hear its signals and let it go without an error."""
    _run("""
        for i in range(6):
            scene = MapScene(DocumentSession(generate_map(200)))
            view = shown(scene)
            edit(scene)
            scene.dispose()
            assert view.scene() is None
            view.viewport().repaint()
            view.close()
            view.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()
            window.viewport().repaint()
        left = MapScene(DocumentSession(generate_map(200)))
        view = shown(left)
        left.operations.select_all()
        del left
        gc.collect()
        view.viewport().repaint()
        QTest.qWait(1)
    """)


def test_the_big_map_tests_survive_a_collection_before_each_test():
    """tests/gui/test_big_maps.py with the cyclic collector run in full before every test, once the last
    test's views are deleted: the canvas of one test never ends in the middle of the next."""
    done = _run("""
        import pytest

        class CollectFirst:
            @pytest.fixture(autouse=True)
            def collect_first(self):
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                gc.collect()

        code = pytest.main(["-q", "-p", "no:cacheprovider", "tests/gui/test_big_maps.py"], plugins=[CollectFirst()])
        raise SystemExit(code)
    """)
    assert " passed" in done.stdout and "failed" not in done.stdout, done.stdout[-2000:]
