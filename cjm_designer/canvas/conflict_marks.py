"""A merge's conflicts (model/merge.py) marked on the canvas: each card, stage or lane in conflict gets
a red dashed frame and a "!" badge, and resting the pointer on it tells both sides' values, so that
a map merged by git shows where it needs a decision before anyone opens the Conflicts list."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ..layout import MapLayout, Rect
from ..model import Conflict
from ..model.plain import one_line, visible_bidi
from .texts import tr

if TYPE_CHECKING:
    from .scene import MapScene

RED = QColor("#D32F2F")
MARK_Z = 4.6  # over cards, links and their labels
BADGE = 14.0  # the badge's diameter in points
VALUE_CHARACTERS = 80  # a value in a tip is cut short here


def shown_value(value: Any, limit: int = VALUE_CHARACTERS) -> str:
    """A field's value (as a file holds it) as a line of plain text."""
    if value is None:
        return tr("(none)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, str):
        return f"“{one_line(value, limit)}”"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return one_line(", ".join(value), limit) if value else tr("(none)")
    return one_line(json.dumps(value, ensure_ascii=False), limit)


def conflict_text(conflict: Conflict, limit: int = VALUE_CHARACTERS) -> str:
    """What a conflict is about, in a line: "title: ours “a” / theirs “b”", or who removed what."""
    if conflict.removed_by == "theirs":
        return tr("removed by theirs, changed by ours")
    if conflict.removed_by == "ours":
        return tr("removed by ours, changed by theirs")
    return tr("{field}: ours {ours} / theirs {theirs}").format(
        field=conflict.field, ours=shown_value(conflict.ours, limit), theirs=shown_value(conflict.theirs, limit))


class ConflictMark(QGraphicsItem):
    """The frame and badge over one element; clicks and hovers go through to what is under it."""

    def __init__(self):
        super().__init__()
        self._rect = QRectF()
        self.setZValue(MARK_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show(self, rect: Rect, tip: str) -> None:
        import html  # here: a map without conflicts never escapes a tip

        area = QRectF(rect.x, rect.y, rect.w, rect.h)
        if area != self._rect:
            self.prepareGeometryChange()
            self._rect = area
        self.setToolTip("<p style='white-space:pre'>" + html.escape(visible_bidi(tip), quote=False)
                        .replace("\n", "<br>") + "</p>")

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -BADGE / 2 - 2, BADGE / 2 + 2, 3)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(RED, 1.6, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._rect.adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4)
        center = QPointF(self._rect.right(), self._rect.top())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(RED)
        painter.drawEllipse(center, BADGE / 2, BADGE / 2)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(BADGE * 0.75))
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(QRectF(center.x() - BADGE / 2, center.y() - BADGE / 2, BADGE, BADGE),
                         Qt.AlignmentFlag.AlignCenter, "!")


class ConflictMarks:
    """One mark for each card, stage and lane header the map's conflicts name, kept in line with the
    layout by the scene."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.items: dict[tuple[str, str], ConflictMark] = {}

    def show(self, layout: MapLayout, conflicts: list[Conflict]) -> None:
        tips: dict[tuple[str, str], list[str]] = {}
        for conflict in conflicts:
            if conflict.kind in ("card", "stage", "lane"):
                tips.setdefault((conflict.kind, conflict.element), []).append(conflict_text(conflict))
        places = {key: rect for key in tips if (rect := _place(layout, *key)) is not None}
        for key in [k for k in self.items if k not in places]:
            self.scene.removeItem(self.items.pop(key))
        for key, rect in places.items():
            if key not in self.items:
                self.items[key] = ConflictMark()
                self.scene.addItem(self.items[key])
            self.items[key].show(rect, "\n".join(tips[key]))


def _place(layout: MapLayout, kind: str, element_id: str) -> Rect | None:
    match kind:
        case "card" if element_id in layout.cards:
            return layout.cards[element_id].rect
        case "stage" if element_id in layout.stages:
            return layout.stages[element_id].header
        case "lane" if element_id in layout.lanes:
            return layout.lanes[element_id].header
    return None
