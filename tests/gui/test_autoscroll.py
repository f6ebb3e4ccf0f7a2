"""A drag held near an edge of the view scrolls it, driven by its timer while the pointer is still,
faster nearer the edge, and the drag's marker follows; release and Escape stop it. Real mouse events
on a small view of a zoomed-in map."""

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from cjm_designer.canvas import pinned_headers
from cjm_designer.canvas.autoscroll import FASTEST, SLOWEST, ZONE, open_area, velocity
from cjm_designer.canvas.card_drag import CardDrag
from cjm_designer.canvas.header_drag import HeaderDrag
from cjm_designer.canvas.link_connect import LinkConnect
from tests.gui.conftest import _send_move

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
BOTH = Qt.Orientation.Horizontal | Qt.Orientation.Vertical


@pytest.fixture
def near(canvas, qtbot):
    """The small map in a view that shows only part of it."""
    canvas.view.resize(640, 420)
    canvas.view.set_zoom(1.6)
    for bar in (canvas.view.horizontalScrollBar(), canvas.view.verticalScrollBar()):
        bar.setValue(bar.minimum())  # at the map's start
    qtbot.wait(10)
    return canvas


def hold(canvas, start: QPoint, end: QPoint) -> None:
    """Press at `start` and move to `end`, where the pointer then stays."""
    viewport = canvas.view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, start)
    for i in range(1, 5):
        _send_move(viewport, start + (end - start) * i / 4, LEFT)


def still(canvas, qtbot) -> bool:
    """Whether the view keeps its place for a while."""
    bars = canvas.view.horizontalScrollBar(), canvas.view.verticalScrollBar()
    before = [bar.value() for bar in bars]
    qtbot.wait(80)
    return [bar.value() for bar in bars] == before and not canvas.view.autoscroll.scrolling()


def test_the_speed_grows_nearer_the_edge_and_past_it():
    area = QRectF(0, 0, 600, 400)
    speeds = [velocity(QPointF(x, 200), area, BOTH).x() for x in (600 - ZONE - 1, 600 - ZONE + 2, 590, 599, 630, 700)]
    assert speeds[0] == 0 and 0 < speeds[1] < speeds[2] < speeds[3] < speeds[4] == speeds[5]
    assert speeds[1] >= SLOWEST and speeds[3] <= FASTEST
    assert velocity(QPointF(3, 397), area, BOTH).x() < 0 < velocity(QPointF(3, 397), area, BOTH).y()
    assert velocity(QPointF(3, 397), area, Qt.Orientation.Vertical).x() == 0
    assert velocity(QPointF(300, 200), area, BOTH).isNull()


def test_a_card_held_at_the_right_edge_scrolls_the_view_and_drops_where_the_pointer_is(near, qtbot):
    view, scene = near.view, near.scene
    bar = view.horizontalScrollBar()
    assert bar.maximum() - bar.value() > 100
    edge = QPoint(view.viewport().width() - 6, near.card_center("a").y())
    hold(near, near.card_center("a"), edge)
    drag = scene.interaction
    assert isinstance(drag, CardDrag) and drag.active
    start = bar.value()
    qtbot.waitUntil(lambda: drag.target == ("s2", "buyer"), timeout=5000)  # no move sent meanwhile
    assert bar.value() > start and scene.drop_marker.isVisible()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)
    assert still(near, qtbot)  # at the map's end
    at = view.drag_point(QPointF(edge))
    assert drag.target == scene.layout.cell_at(at.x(), at.y())  # None: the pointer is past the last stage
    _send_move(view.viewport(), edge - QPoint(60, 0), LEFT)
    assert drag.target == ("s2", "buyer")
    QTest.mouseRelease(view.viewport(), LEFT, NONE, edge - QPoint(60, 0))
    assert (near.doc.card("a").stage, near.doc.card("a").lane) == ("s2", "buyer")
    assert near.session.undo_stack.count() == 1


def test_a_lane_header_scrolls_only_up_and_down_and_escape_stops_it(near, qtbot):
    view = near.view
    across, down = view.horizontalScrollBar(), view.verticalScrollBar()
    header = near.scene.layout.lanes["buyer"].header
    press = near.at(header.center.x, header.center.y)
    corner = QPoint(2, view.viewport().height() - 3)  # near the left edge too
    across.setValue(across.minimum() + 60)
    start = across.value()
    hold(near, press, corner)
    assert isinstance(near.scene.interaction, HeaderDrag)
    qtbot.waitUntil(lambda: down.value() > 40, timeout=5000)
    assert across.value() == start
    assert view.autoscroll.scrolling()
    near.key(Qt.Key.Key_Escape)
    assert near.scene.interaction is None and not near.scene.drop_marker.isVisible()
    assert still(near, qtbot)
    QTest.mouseRelease(view.viewport(), LEFT, NONE, corner)
    assert [lane.id for lane in near.doc.lanes] == ["buyer", "seller", "mood"]
    assert near.session.undo_stack.count() == 0


def test_under_the_pinned_stage_band_the_view_scrolls_up_until_the_headers_are_in_place(near, qtbot):
    view, scene = near.view, near.scene
    down = view.verticalScrollBar()
    down.setValue(down.maximum())
    pins = pinned_headers.pins_for(scene.layout, view.visible_scene_rect())
    assert pins is not None and pins.dy > 0
    band_bottom = round(open_area(view).top())
    assert band_bottom > ZONE + 20  # under the band, yet far from the viewport's top edge
    start = near.card_center("d")
    hold(near, start, QPoint(start.x(), band_bottom + 8))
    assert isinstance(scene.interaction, CardDrag)
    qtbot.waitUntil(lambda: not view.autoscroll.scrolling(), timeout=5000)
    assert down.value() < down.maximum()
    assert pinned_headers.pins_for(scene.layout, view.visible_scene_rect()) is None or \
        pinned_headers.pins_for(scene.layout, view.visible_scene_rect()).dy == 0  # the stage headers unpinned
    assert still(near, qtbot)
    QTest.mouseRelease(view.viewport(), LEFT, NONE, QPoint(start.x(), band_bottom + 8))


def test_a_link_being_connected_follows_the_scrolling(near, qtbot):
    view, scene = near.view, near.scene
    item = scene.card_items["c"]
    start = view.mapFromScene(item.mapToScene(item.handle_rect().center()))
    edge = QPoint(view.viewport().width() + 30, start.y())  # past the viewport: faster still
    hold(near, start, edge)
    assert isinstance(scene.interaction, LinkConnect)
    bar = view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)
    assert scene.link_preview.line().p2() == view.drag_point(QPointF(edge))
    QTest.mouseRelease(view.viewport(), LEFT, NONE, edge)
    assert not view.autoscroll.scrolling()
    assert near.doc.links == [] and near.session.undo_stack.count() == 0
