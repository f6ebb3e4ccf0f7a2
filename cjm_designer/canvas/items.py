"""Scene items: each draws one layout box and knows the id of what it shows; none writes the model.

Geometry changes only in `show()`, called by the scene after a relayout, never in `paint()`. Cards
are cached in device coordinates and drawn simplified when zoomed far out (unless `full_detail` is
set, as the scene's export mode does: an exported image is drawn in full at any scale).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..layout import CardBox, EmotionCurve, LaneBox, LinkPath, MapLayout, StageBox, TextLine, palette
from ..layout.palette import CURVE, LINK_STYLES, STAGE_DEFAULT
from . import painting as P

HANDLE_RADIUS = 5.0
SIMPLE_BELOW = 0.4  # level of detail under which cards are drawn as plain blocks
RESIZE_EDGE = 5  # how near a header's far edge a press resizes rather than moves
CARD_Z, DRAGGED_Z = 2, 5  # a dragged card is drawn above the other cards
DRAGGED_OPACITY = 0.8


class Kind:
    """Item types, for `QGraphicsItem.type()`."""

    CARD = QGraphicsItem.UserType + 1
    CELL = QGraphicsItem.UserType + 2
    STAGE = QGraphicsItem.UserType + 3
    LANE = QGraphicsItem.UserType + 4
    LINK = QGraphicsItem.UserType + 5


class BoxItem(QGraphicsItem):
    """An item with a rectangle at its position; `place` moves and resizes it."""

    def __init__(self):
        super().__init__()
        self._rect = QRectF()
        self._bounds = QRectF()

    def place(self, x: float, y: float, w: float, h: float) -> None:
        if self._rect.width() != w or self._rect.height() != h:
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, w, h)
            self._bounds = self.bounds_for(self._rect)
        if self.pos() != QPointF(x, y):  # both Qt compares are fuzzy: a place within 1e-12 is the same place
            self.setPos(x, y)

    def bounds_for(self, rect: QRectF) -> QRectF:
        """The bounding rectangle for a box of `rect` (computed once a resize, not at every call)."""
        return rect

    def boundingRect(self) -> QRectF:
        return self._bounds


class CardItem(BoxItem):
    def __init__(self, card_id: str):
        super().__init__()
        self.card_id = card_id
        self.box: CardBox | None = None
        self.fill = QColor("#FFFFFF")
        self.hovered = False
        self.full_detail = False  # never the plain block of a far zoom (set for exports)
        self.dragged = False
        self.rest_opacity = 1.0  # the opacity when not dragged
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(CARD_Z)

    def type(self) -> int:
        return Kind.CARD

    def show(self, box: CardBox, fill: QColor, opacity: float = 1.0) -> None:
        """Stand on `box` in `fill` at `opacity` (a filter fades cards). Placed even when box and fill
        are unchanged: a drag moves the item off a box that the drop may leave as it was."""
        r = box.rect
        self.place(r.x, r.y, r.w, r.h)
        self.rest_opacity = opacity
        if not self.dragged:
            self.setOpacity(opacity)
        if (box, fill) != (self.box, self.fill):
            self.box, self.fill = box, fill
            self.update()

    def set_dragged(self, on: bool) -> None:
        """Lift the item above the others while it is dragged; put down, it goes back to its box and
        its opacity, whether or not the drop changes the map."""
        self.dragged = on
        self.setZValue(DRAGGED_Z if on else CARD_Z)
        self.setOpacity(DRAGGED_OPACITY if on else self.rest_opacity)
        if not on and self.box is not None:
            r = self.box.rect
            self.place(r.x, r.y, r.w, r.h)

    def bounds_for(self, rect: QRectF) -> QRectF:
        return rect.adjusted(-2, -2, 2 + HANDLE_RADIUS + 1, 2)

    def handle_rect(self) -> QRectF:
        """The round handle on the right edge that starts a link when dragged."""
        center = QPointF(self._rect.width(), self._rect.height() / 2)
        return QRectF(center.x() - HANDLE_RADIUS, center.y() - HANDLE_RADIUS, 2 * HANDLE_RADIUS, 2 * HANDLE_RADIUS)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        path.addEllipse(self.handle_rect())
        return path

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        box = self.box
        if box is None:
            return
        selected = self.isSelected()
        if box.compact:
            self._paint_point(painter, box, selected)
            return
        rect = self._rect
        if not self.full_detail and option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_BELOW:
            painter.fillRect(rect, P.ACCENT if selected else self.fill.darker(115))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(P.ACCENT, 2) if selected else QPen(QColor(palette.card_border(self.fill.name())), 1))
        painter.setBrush(self.fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        if any(m.kind == "pain" for m in box.markers):
            painter.fillRect(QRectF(1, 4, 3, rect.height() - 8), P.PAIN)
        P.draw_lines(painter, box.lines)
        P.draw_markers(painter, box.markers)
        if selected or self.hovered:
            painter.setPen(QPen(P.ACCENT, 1.2))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawEllipse(self.handle_rect().adjusted(1, 1, -1, -1))

    def _paint_point(self, painter: QPainter, box: CardBox, selected: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot = P.qrect(box.markers[0].rect)
        if selected:
            painter.setPen(QPen(P.ACCENT, 2))
            painter.drawRoundedRect(self._rect.adjusted(1, 1, -1, -1), 4, 4)
        P.draw_emotion(painter, dot, box.markers[0].value)
        P.draw_lines(painter, box.lines, P.INK)


class CellItem(BoxItem):
    """The background of one cell; selectable, so that typing with a cell selected adds a card."""

    def __init__(self, stage_id: str, lane_id: str):
        super().__init__()
        self.stage_id, self.lane_id = stage_id, lane_id
        self.fill = QColor("#FFFFFF")
        self.drop_target = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)

    def type(self) -> int:
        return Kind.CELL

    def show(self, x: float, y: float, w: float, h: float, fill: QColor) -> None:
        self.place(x, y, w, h)
        if fill != self.fill:
            self.fill = fill
            self.update()

    def mousePressEvent(self, event) -> None:
        event.ignore()  # a press on a cell starts the view's rubber band; a click selects the cell

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self._rect, self.fill)
        painter.setPen(QPen(P.GRID, 0))
        painter.drawRect(self._rect)
        if self.drop_target or self.isSelected():
            painter.setPen(QPen(P.ACCENT, 2, Qt.PenStyle.DashLine if self.drop_target else Qt.PenStyle.SolidLine))
            painter.drawRect(self._rect.adjusted(2, 2, -2, -2))


class HeaderItem(BoxItem):
    """A stage header (top) or a lane header (left), with its text."""

    def __init__(self, kind: int, element_id: str):
        super().__init__()
        self._kind = kind
        self.element_id = element_id
        self.lines: tuple[TextLine, ...] = ()
        self.fill = QColor(STAGE_DEFAULT)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    def is_stage(self) -> bool:
        return self._kind == Kind.STAGE

    def near_far_edge(self, scene_pos: QPointF) -> bool:
        """Over the right edge of a stage header or the bottom edge of a lane header: a drag there
        resizes the stage or lane."""
        local, rect = self.mapFromScene(scene_pos), self._rect
        if self.is_stage():
            return rect.right() - local.x() <= RESIZE_EDGE
        return rect.bottom() - local.y() <= RESIZE_EDGE

    def hoverMoveEvent(self, event) -> None:
        if self.near_far_edge(event.scenePos()):
            self.setCursor(Qt.CursorShape.SizeHorCursor if self.is_stage() else Qt.CursorShape.SizeVerCursor)
        else:
            self.unsetCursor()

    def type(self) -> int:
        return self._kind

    def show(self, box: StageBox | LaneBox, fill: QColor) -> None:
        r = box.header
        self.place(r.x, r.y, r.w, r.h)
        if (box.lines, fill) != (self.lines, self.fill):
            self.lines, self.fill = box.lines, fill
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self._rect, self.fill)
        painter.setPen(QPen(self.fill.darker(125), 0))
        painter.drawRect(self._rect)
        if self.isSelected():
            painter.setPen(QPen(P.ACCENT, 2))
            painter.drawRect(self._rect.adjusted(1, 1, -1, -1))
        P.draw_lines(painter, self.lines)


class LinkItem(QGraphicsItem):
    """An arrow between two cards along its routed path, styled by kind, with its label."""

    def __init__(self, link_id: str):
        super().__init__()
        self.link_id = link_id
        self.path_box: LinkPath | None = None
        self.kind = "flow"
        self._path: QPainterPath | None = None
        self._pieces: list[tuple] | None = None
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for the exposed rect
        self.setZValue(3)

    def type(self) -> int:
        return Kind.LINK

    def show(self, path: LinkPath, kind: str) -> None:
        if (path, kind) == (self.path_box, self.kind):
            return
        self.prepareGeometryChange()
        self.path_box, self.kind = path, kind
        self._path = self._pieces = None  # made when first painted or hit: most links are off screen
        self._bounds = P.qrect(path.bounds())
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def path(self) -> QPainterPath:
        """The link's line with rounded corners."""
        if self._path is None:
            self._path = _rounded_path(self.path_box.points) if self.path_box else QPainterPath()
        return self._path

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        shape = stroker.createStroke(self.path())
        if self.path_box and self.path_box.label_rect:
            shape.addRect(P.qrect(self.path_box.label_rect))
        return shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.path_box is None:
            return
        color_name, dashes = LINK_STYLES.get(self.kind, LINK_STYLES["flow"])
        color = P.ACCENT if self.isSelected() else QColor(color_name)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(color, 2.2 if self.isSelected() else 1.4)
        if dashes:
            pen.setDashPattern(dashes)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._pieces is None:
            self._pieces = _path_pieces(self.path_box.points)
        _draw_exposed(painter, pen, self._pieces, option.exposedRect.adjusted(-6, -6, 6, 6))
        points = self.path_box.points
        _arrow_head(painter, points[-2], points[-1], color)
        if self.path_box.label_rect:
            label = P.qrect(self.path_box.label_rect)
            painter.setPen(QPen(color, 0.8))
            painter.setBrush(QColor(255, 255, 255, 235))
            painter.drawRoundedRect(label, 3, 3)
            P.draw_lines(painter, self.path_box.label, P.INK)


class CurveItem(QGraphicsItem):
    """The emotion curve of one lane: a zero line, level guides and a smooth line through the points."""

    def __init__(self):
        super().__init__()
        self.curve: EmotionCurve | None = None
        self.setZValue(1)

    def show(self, curve: EmotionCurve) -> None:
        if curve != self.curve:
            self.prepareGeometryChange()
            self.curve = curve
            self.update()

    def boundingRect(self) -> QRectF:
        return P.qrect(self.curve.row) if self.curve else QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        curve = self.curve
        if curve is None:
            return
        row = curve.row
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for value, y in zip(range(-2, 3), curve.levels):
            pen = QPen(P.GRID if value else P.MUTED, 0.8 if value else 1.0)
            pen.setStyle(Qt.PenStyle.DotLine if value else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(row.x, y), QPointF(row.x + row.w, y))
        if len(curve.points) >= 2:
            painter.setPen(QPen(QColor(CURVE), 2))
            painter.drawPath(_smooth_path(curve.points))


def _rounded_path(points) -> QPainterPath:
    """A polyline with its corners rounded."""
    path = QPainterPath(QPointF(points[0].x, points[0].y))
    for i in range(1, len(points) - 1):
        before, corner, after = points[i - 1], points[i], points[i + 1]
        radius = min(6.0, _distance(before, corner) / 2, _distance(corner, after) / 2)
        path.lineTo(_towards(corner, before, radius))
        path.quadTo(QPointF(corner.x, corner.y), _towards(corner, after, radius))
    path.lineTo(QPointF(points[-1].x, points[-1].y))
    return path


def _path_pieces(points) -> list[tuple]:
    """The rounded path as pieces, each with its distance from the start (for the dash phase):
    ("line", a, b, start) and ("corner", a, corner, b, start)."""
    pieces = []
    current, distance = QPointF(points[0].x, points[0].y), 0.0
    for i in range(1, len(points) - 1):
        before, corner, after = points[i - 1], points[i], points[i + 1]
        radius = min(6.0, _distance(before, corner) / 2, _distance(corner, after) / 2)
        start, end = _towards(corner, before, radius), _towards(corner, after, radius)
        pieces.append(("line", current, start, distance))
        distance += QLineF(current, start).length()
        pieces.append(("corner", start, QPointF(corner.x, corner.y), end, distance))
        distance += 1.6 * radius
        current = end
    pieces.append(("line", current, QPointF(points[-1].x, points[-1].y), distance))
    return pieces


def _draw_exposed(painter: QPainter, pen: QPen, pieces: list[tuple], exposed: QRectF) -> None:
    """Stroke only the pieces in `exposed`, straight pieces cut to it, each dash pattern continuing
    where the whole path would have it: a long dashed link costs what its visible part costs."""
    width = pen.widthF()
    for piece in pieces:
        if piece[0] == "corner":
            _, start, corner, end, distance = piece
            if not QRectF(start, end).normalized().adjusted(-6, -6, 6, 6).intersects(exposed):
                continue
            path = QPainterPath(start)
            path.quadTo(corner, end)
            pen.setDashOffset(distance / width)
            painter.setPen(pen)
            painter.drawPath(path)
            continue
        _, a, b, distance = piece
        clipped = _clip_axis_line(a, b, exposed)
        if clipped is None:
            continue
        ca, cb = clipped
        pen.setDashOffset((distance + QLineF(a, ca).length()) / width)
        painter.setPen(pen)
        painter.drawLine(ca, cb)


def _clip_axis_line(a: QPointF, b: QPointF, rect: QRectF) -> tuple[QPointF, QPointF] | None:
    """The part of a horizontal or vertical segment inside `rect` (a slanted one is kept whole)."""
    if a.y() == b.y():
        if not rect.top() <= a.y() <= rect.bottom():
            return None
        lo, hi = max(min(a.x(), b.x()), rect.left()), min(max(a.x(), b.x()), rect.right())
        if lo > hi:
            return None
        forward = b.x() >= a.x()
        return (QPointF(lo if forward else hi, a.y()), QPointF(hi if forward else lo, a.y()))
    if a.x() == b.x():
        if not rect.left() <= a.x() <= rect.right():
            return None
        lo, hi = max(min(a.y(), b.y()), rect.top()), min(max(a.y(), b.y()), rect.bottom())
        if lo > hi:
            return None
        forward = b.y() >= a.y()
        return (QPointF(a.x(), lo if forward else hi), QPointF(a.x(), hi if forward else lo))
    return (a, b) if QRectF(a, b).normalized().intersects(rect) else None


def _smooth_path(points) -> QPainterPath:
    """A Catmull-Rom curve through the points, as cubic Béziers."""
    pts = [QPointF(p.x, p.y) for p in points]
    path = QPainterPath(pts[0])
    for i in range(len(pts) - 1):
        p0, p1, p2 = pts[max(i - 1, 0)], pts[i], pts[i + 1]
        p3 = pts[min(i + 2, len(pts) - 1)]
        path.cubicTo(p1 + (p2 - p0) / 6, p2 - (p3 - p1) / 6, p2)
    return path


def _distance(a, b) -> float:
    return math.hypot(b.x - a.x, b.y - a.y)


def _towards(corner, other, radius: float) -> QPointF:
    length = _distance(corner, other) or 1
    return QPointF(corner.x + (other.x - corner.x) * radius / length, corner.y + (other.y - corner.y) * radius / length)


def _arrow_head(painter: QPainter, before, tip, color: QColor) -> None:
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    size = 7
    left = QPointF(tip.x - size * math.cos(angle - 0.45), tip.y - size * math.sin(angle - 0.45))
    right = QPointF(tip.x - size * math.cos(angle + 0.45), tip.y - size * math.sin(angle + 0.45))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([QPointF(tip.x, tip.y), left, right]))


class TextBlockItem(BoxItem):
    """Text with no frame: the map's title and description."""

    def __init__(self):
        super().__init__()
        self.lines: tuple[TextLine, ...] = ()

    def show(self, x: float, y: float, w: float, h: float, lines: tuple[TextLine, ...]) -> None:
        self.place(x, y, w, h)
        if lines != self.lines:
            self.lines = lines
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        P.draw_lines(painter, self.lines)


class Layer(QGraphicsItem):
    """A parent with no contents of its own: hiding it hides all its children at once."""

    def __init__(self, z: float):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass


class OverviewItem(QGraphicsItem):
    """The whole map's cards and links in one item, drawn as plain shapes: what the map shows when
    zoomed far out, where drawing thousands of items one by one would be slow and unreadable."""

    def __init__(self):
        super().__init__()
        self._layout: MapLayout | None = None
        self._fills: dict[str, str] = {}
        self._kinds: dict[str, str] = {}
        self._shapes: tuple[dict[str, list[QRectF]], dict[str, list[QLineF]]] | None = None
        self.setZValue(2)

    def show(self, layout: MapLayout, fills: dict[str, str], link_kinds: dict[str, str]) -> None:
        """Draw `layout`'s cards in their `fills` and its links in the colours of their kinds."""
        self.prepareGeometryChange()
        self._layout, self._fills, self._kinds = layout, fills, link_kinds
        self._shapes = None  # made when first painted: most maps are never zoomed this far out
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._layout.width, self._layout.height) if self._layout else QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._layout is None:
            return
        cards, links = self.shapes()
        painter.setPen(Qt.PenStyle.NoPen)
        for color, rects in cards.items():
            painter.setBrush(QColor(color).darker(115))
            painter.drawRects(rects)
        for color, lines in links.items():
            painter.setPen(QPen(QColor(color), 0))
            painter.drawLines(lines)

    def shapes(self) -> tuple[dict[str, list[QRectF]], dict[str, list[QLineF]]]:
        """The cards' rectangles by fill and the links' segments by colour (made once per layout)."""
        if self._shapes is not None:
            return self._shapes
        cards: dict[str, list[QRectF]] = {}
        for card_id, box in self._layout.cards.items():
            cards.setdefault(self._fills[card_id], []).append(QRectF(*box.rect))
        links: dict[str, list[QLineF]] = {}
        for link_id, path in self._layout.links.items():
            links.setdefault(LINK_STYLES[self._kinds[link_id]][0], []).extend(
                QLineF(a.x, a.y, b.x, b.y) for a, b in zip(path.points, path.points[1:]))
        self._shapes = cards, links
        return self._shapes
