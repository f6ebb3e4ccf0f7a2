"""Dragging a stage or lane header: by its body to reorder, by its far edge to resize.

A stage's right edge sets its width and a lane's bottom edge its height (both kept as minimums by
the layout); while a stage's edge is dragged the map is shown laid out at the new width, its cards
re-wrapped, and the release is one operation of the editor's, one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from ..layout import narrowest_stage
from ..model.document import ElementKind
from .items import HeaderItem
from .texts import tr
from .tools import PointerDrag

if TYPE_CHECKING:
    from .scene import MapScene


class HeaderDrag(PointerDrag):
    """From a press on `item` to the release; a marker shows the boundary it would go to or its new
    edge. A press on the header's body selects it."""

    def __init__(self, scene: MapScene, item: HeaderItem, origin: QPointF):
        super().__init__(scene, origin)
        self.item = item
        self.resize = item.near_far_edge(origin)
        self.scroll_axes = Qt.Orientation.Horizontal if item.is_stage() else Qt.Orientation.Vertical  # its ways
        self.boundary: int | None = None  # reordering: where it would go, 0 before the first, len after the last
        self.size: float | None = None  # resizing: the new width or height
        self.previewed: int | None = None  # resizing a stage: the width the scene shows it at
        layout = scene.layout
        self.start_size = (layout.stages[item.element_id].column.w if item.is_stage()
                           else layout.lanes[item.element_id].row.h)  # resizing: the size at the press

    def start(self) -> None:
        super().start()
        if not self.resize:
            self.scene.select_only([self.item])

    def drag_to(self, pos: QPointF) -> None:
        marker = self._resize_to(pos) if self.resize else self._reorder_to(pos)
        self.scene.drop_marker.setRect(marker)
        self.scene.drop_marker.show()

    def _resize_to(self, pos: QPointF) -> QRectF:
        scene, item = self.scene, self.item
        layout, style = scene.layout, scene.style
        delta = pos - self.origin
        rect = item.mapRectToScene(item.boundingRect())
        if item.is_stage():
            size = max(self.start_size + delta.x(), narrowest_stage(style))  # as narrow as laid out
            if round(size) != self.previewed:  # as `resize_part` will round it
                self.previewed = round(size)
                scene.preview_stage_width(item.element_id, self.previewed)
            box = layout.stages[item.element_id].column
            marker = QRectF(box.x + round(size) - 1.5, rect.y(), 3, layout.height - rect.y())
        else:
            row = layout.lanes[item.element_id].row
            size = max(self.start_size + delta.y(), self.edits.size_limits(ElementKind.LANE)[0])  # as stored
            marker = QRectF(row.x, row.y + size - 1.5, layout.width - row.x, 3)
        self.size = size
        return marker

    def _reorder_to(self, pos: QPointF) -> QRectF:
        layout = self.scene.layout
        if self.item.is_stage():
            boxes = list(layout.stages.values())
            edges = [b.column.x for b in boxes] + [boxes[-1].column.right]
            self.boundary = _nearest(edges, pos.x())
            top = boxes[0].header.y
            return QRectF(edges[self.boundary] - 2, top, 4, layout.height - top)
        boxes = list(layout.lanes.values())
        edges = [b.row.y for b in boxes] + [boxes[-1].row.bottom]
        self.boundary = _nearest(edges, pos.y())
        left = boxes[0].header.x
        return QRectF(left, edges[self.boundary] - 2, layout.width - left, 4)

    def mouse_release(self, event) -> bool:
        self._stop()
        element_id, edits, stage = self.item.element_id, self.edits, self.item.is_stage()
        if self.size is not None:
            edits.resize_part(ElementKind.STAGE if stage else ElementKind.LANE, element_id, self.size,
                              tr("Resize stage") if stage else tr("Resize lane"))
        elif self.boundary is not None:
            edits.move_part_to_boundary(ElementKind.STAGE if stage else ElementKind.LANE, element_id, self.boundary,
                                        tr("Move stage") if stage else tr("Move lane"))
        self.scene.end_preview()  # the map's own layout again, when the release changed nothing
        return True

    def end(self) -> None:
        self._stop()
        self.scene.end_preview()

    def _stop(self) -> None:
        self.scene.drop_marker.hide()
        super().end()


def _nearest(edges: list[float], where: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - where))
