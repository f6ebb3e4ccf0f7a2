"""Scrolling the view while a drag nears its edges, so that a card, a header, a link's end or an
emotion point can be taken anywhere on a map bigger than the window.

With the pointer within ZONE pixels of an edge of the view's open area (the viewport less the stage
and lane bands pinned over it, see pinned_headers.py), over those bands, or past the viewport, the
view scrolls that way, the faster the nearer the pointer is to the edge (and faster still beyond it).
A timer keeps it scrolling while the pointer stands still, and after each step the gesture hears where
the pointer now is on the map (its `drag_to`), so that its marker follows. It stops once the pointer
leaves the zone, the button is released or the gesture ends (Escape).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QPointF, QRectF, Qt, QTimer

from . import pinned_headers
from .tools import PointerDrag

if TYPE_CHECKING:
    from .view import MapView

ZONE = 24  # pixels from the open area's edge within which a drag scrolls
SLOWEST, FASTEST = 120.0, 1200.0  # pixels a second at the zone's inner border and at the edge itself
BEYOND = 2.0  # past the edge the speed goes on growing, up to where it is this many zones deep
TICK_MS = 16
LONGEST_STEP = 0.1  # seconds: a late tick scrolls no further than this long would


def speed(depth: float) -> float:
    """Pixels a second with the pointer `depth` pixels into the zone (ZONE at the edge, more past it)."""
    return SLOWEST + (FASTEST - SLOWEST) * min(max(depth, 0.0), BEYOND * ZONE) / ZONE


def velocity(point: QPointF, area: QRectF, axes: Qt.Orientation) -> QPointF:
    """How fast the view scrolls (pixels a second, each way) with the pointer at `point` near the
    edges of `area`, along the `axes` the drag moves on; nothing away from the edges."""
    def along(position: float, low: float, high: float) -> float:
        before, after = position - low, high - position  # to each edge, negative past it
        if min(before, after) >= ZONE:
            return 0.0
        return -speed(ZONE - before) if before < after else speed(ZONE - after)

    return QPointF(along(point.x(), area.left(), area.right()) if axes & Qt.Orientation.Horizontal else 0.0,
                   along(point.y(), area.top(), area.bottom()) if axes & Qt.Orientation.Vertical else 0.0)


def open_area(view: MapView) -> QRectF:
    """The viewport's part (its pixels) that no pinned band covers: a band pinned over the map hides
    what lies under it, so its inner edge is where scrolling starts."""
    area = QRectF(view.viewport().rect())
    pins = pinned_headers.pins_for(view.map_scene().layout, view.visible_scene_rect())
    if pins is not None:
        inner = view.mapFromScene(pins.corner.bottomRight())
        if pins.dy:
            area.setTop(min(inner.y(), area.bottom()))
        if pins.dx:
            area.setLeft(min(inner.x(), area.right()))
    return area


class AutoScroll(QObject):
    """One view's scrolling during drags: the view tells it where the pointer is while a button is
    down (`follow`) and when the button is released (`stop`)."""

    def __init__(self, view: MapView):
        super().__init__(view)
        self._view = weakref.ref(view)  # the view holds this; it does not hold the view
        self._pointer: QPointF | None = None  # viewport pixels, while a button is down
        self._carry = QPointF()  # the parts of a pixel scrolled but not yet shown
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._step)

    def follow(self, point: QPointF) -> None:
        """The pointer is at `point` (viewport pixels) with a button down: scroll while it is in a zone."""
        self._pointer = QPointF(point)
        if self._velocity().isNull():
            self._timer.stop()
        elif not self._timer.isActive():
            self._carry = QPointF()
            self._clock.start()
            self._timer.start()

    def stop(self) -> None:
        """The button is released."""
        self._pointer = None
        self._timer.stop()

    def scrolling(self) -> bool:
        return self._timer.isActive()

    def _drag(self) -> PointerDrag | None:
        drag = self._view().map_scene().interaction
        return drag if isinstance(drag, PointerDrag) and drag.active else None

    def _velocity(self) -> QPointF:
        drag = self._drag()
        if drag is None or self._pointer is None:
            return QPointF()
        return velocity(self._pointer, open_area(self._view()), drag.scroll_axes)

    def _step(self) -> None:
        """Scroll as far as the time since the last step takes at the pointer's speed, then carry the
        drag to where the pointer now is on the map; stop once there is nothing to do."""
        rate = self._velocity()
        if rate.isNull():
            self._timer.stop()
            return
        seconds = min(self._clock.restart() / 1000, LONGEST_STEP)
        wanted = rate * seconds + self._carry
        whole = QPointF(int(wanted.x()), int(wanted.y()))  # towards zero: a part of a pixel waits
        self._carry = wanted - whole
        view = self._view()
        moved = False
        for bar, delta in ((view.horizontalScrollBar(), whole.x()), (view.verticalScrollBar(), whole.y())):
            if delta:
                before = bar.value()
                bar.setValue(before + int(delta))
                moved |= bar.value() != before
        if moved:
            self._drag().drag_to(view.drag_point(self._pointer))
        elif not whole.isNull():
            self._timer.stop()  # the map's end: the pointer moving along the edge starts it again
