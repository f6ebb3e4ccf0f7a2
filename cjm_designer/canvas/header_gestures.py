"""Gestures on stage and lane headers: drag a header to reorder, drag its far edge to resize.

A stage's right edge sets its width and a lane's bottom edge its height (both kept as minimums by
the layout); each finished drag is one operation of the editor's (`scene.edits`), one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from ..model.document import ElementKind
from .items import HeaderItem
from .texts import tr


@dataclass
class _HeaderDrag:
    item: HeaderItem
    start: QPointF
    resize: bool
    active: bool = False
    target: int | None = None  # reorder: the boundary index; resize: the new size


class HeaderGestures:
    """Mixed into MapScene."""

    def __init__(self):
        self._header_drag: _HeaderDrag | None = None

    def press_header(self, item: HeaderItem, pos: QPointF) -> None:
        resize = item.near_far_edge(pos)
        if not resize:
            self.select_only([item])
        self._header_drag = _HeaderDrag(item, pos, resize)

    def move_header(self, pos: QPointF) -> None:
        drag = self._header_drag
        delta = pos - drag.start
        if not drag.active and abs(delta.x()) + abs(delta.y()) < 4:
            return
        drag.active = True
        stage = drag.item.is_stage()
        layout = self.layout
        if drag.resize:
            rect = drag.item.mapRectToScene(drag.item.boundingRect())
            if stage:
                box = layout.stages[drag.item.element_id].column
                size = max(box.w + delta.x(), self.style.card_width + 2 * self.style.cell_padding)
                self.drop_marker.setRect(QRectF(box.x + size - 1.5, rect.y(), 3, layout.height - rect.y()))
            else:
                row = layout.lanes[drag.item.element_id].row
                size = max(row.h + delta.y(), 20)
                self.drop_marker.setRect(QRectF(row.x, row.y + size - 1.5, layout.width - row.x, 3))
            drag.target = round(size)
        else:
            boxes = list(layout.stages.values()) if stage else list(layout.lanes.values())
            edges = [b.column.x for b in boxes] + [boxes[-1].column.right] if stage else \
                    [b.row.y for b in boxes] + [boxes[-1].row.bottom]
            where = pos.x() if stage else pos.y()
            drag.target = min(range(len(edges)), key=lambda i: abs(edges[i] - where))
            edge = edges[drag.target]
            first = boxes[0]
            if stage:
                top = first.header.y
                self.drop_marker.setRect(QRectF(edge - 2, top, 4, layout.height - top))
            else:
                self.drop_marker.setRect(QRectF(first.header.x, edge - 2, layout.width - first.header.x, 4))
        self.drop_marker.show()

    def release_header(self) -> None:
        drag, self._header_drag = self._header_drag, None
        self.drop_marker.hide()
        if not drag.active or drag.target is None:
            return
        element_id = drag.item.element_id
        if drag.item.is_stage() and drag.resize:
            self.edits.set_fields(ElementKind.STAGE, {element_id: {"width": float(drag.target)}}, tr("Resize stage"))
        elif drag.resize:
            self.edits.set_fields(ElementKind.LANE, {element_id: {"height": float(drag.target)}}, tr("Resize lane"))
        elif drag.item.is_stage():
            self.edits.move_part_to_boundary(ElementKind.STAGE, element_id, drag.target, tr("Move stage"))
        else:
            self.edits.move_part_to_boundary(ElementKind.LANE, element_id, drag.target, tr("Move lane"))

    def header_drag_active(self) -> bool:
        return self._header_drag is not None

