"""Scene items: each draws one layout box and knows the id of what it shows; none writes the model.

Geometry changes only in `show()`, called by the scene after a relayout, never in `paint()`; what
an item draws are the layout's primitives (layout/drawing.py), handed to `painting`, with only the
canvas's own marks (selection, hover handle, the plain block of a far zoom) added here. Cards are
cached in device coordinates and drawn simplified when zoomed far out (unless `full_detail` is set,
as the scene's export mode does: an exported image is drawn in full at any scale).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..layout import CardBox, EmotionCurve, LaneBox, LinkPath, MapLayout, Rect, StageBox, TextLine
from ..layout.drawing import (
    Box,
    CardDrawing,
    LinkDrawing,
    PersonaPhoto,
    Shape,
    Stroke,
    card_drawing,
    cell_box,
    header_box,
    link_stroke,
    photo_shapes,
)
from ..model import Persona, Photo
from . import painting as P

if TYPE_CHECKING:  # a persona's photo is decoded (persona_photo.py) when a map first shows one
    from PySide6.QtGui import QImage

HANDLE_RADIUS = 5.0
SIMPLE_BELOW = 0.4  # level of detail under which cards are drawn as plain blocks
OVERVIEW_BELOW = 0.2  # level of detail under which the overview item draws the cards and links instead
RESIZE_EDGE = 5  # how near a header's far edge a press resizes rather than moves
DOT_GRAB = 3  # how far around an emotion point's dot a press takes the dot (see emotion_drag.py)
CARD_Z, DRAGGED_Z = 2, 5  # a dragged card is drawn above the other cards
DRAGGED_OPACITY = 0.8
SELECTED_LINK_WIDTH = 2.2
LINK_Z, LABEL_Z = 3, 4  # every link's label is drawn above every link's line
PHOTO_PIXELS_PER_POINT = 4  # the title's photo is decoded sharp enough for a zoom or an image of 4 pixels a point


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
    def __init__(self, card_id: str, icons: P.Icons):
        super().__init__()
        self.card_id = card_id
        self.icons = icons  # the scene's: each icon parsed once for all its cards
        self.box: CardBox | None = None
        self.fill = QColor("#FFFFFF")
        self._drawing: CardDrawing | None = None
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
            self._drawing = None  # made when first painted: a big map's cards off screen never are
            self.update()

    def drawing(self) -> CardDrawing:
        """The layout's drawing of the card, or one in the fill the scene chose (a heat map's)."""
        if self._drawing is None:
            box, fill = self.box, self.fill
            self._drawing = box.drawing if fill == QColor(box.fill) else card_drawing(box, fill.name().upper())
        return self._drawing

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

    def on_dot(self, scene_pos: QPointF) -> bool:
        """Whether `scene_pos` is on the dot of an emotion point (which a drag moves up and down; a drag
        by its title moves the card)."""
        if self.box is None or not self.box.compact:
            return False
        dot = P.qrect(self.box.markers[0].rect).adjusted(-DOT_GRAB, -DOT_GRAB, DOT_GRAB, DOT_GRAB)
        return dot.contains(self.mapFromScene(scene_pos))

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.refresh()

    def hoverMoveEvent(self, event) -> None:
        if self.on_dot(event.scenePos()):
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            self.unsetCursor()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.refresh()

    def refresh(self) -> None:
        """Drawn anew in every view (on hover, and when selected or unselected: see the scene's
        `_refresh_selected_cards`). Qt keeps a cached picture of the item for each view but marks only
        the first view to repaint stale: with the Overview's view on the scene, the canvas kept showing
        cards as selected after they were not (issue 13)."""
        mode = self.cacheMode()
        if mode != QGraphicsItem.CacheMode.NoCache:
            self.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # drops the pictures of every view
            self.setCacheMode(mode)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        box = self.box
        if box is None:
            return
        selected = self.isSelected()
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail < OVERVIEW_BELOW and not self.full_detail:
            return  # the overview item shows the card (see LinkItem.paint)
        if not box.compact and not self.full_detail and detail < SIMPLE_BELOW:
            painter.fillRect(self._rect, P.ACCENT if selected else self.fill.darker(115))
            return
        drawing = self.drawing()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected and drawing.frame is None:
            painter.setPen(QPen(P.ACCENT, 2))
            painter.drawRoundedRect(self._rect.adjusted(1, 1, -1, -1), 4, 4)
        painter.save()
        painter.translate(-box.rect.x, -box.rect.y)  # the primitives are placed on the map
        if drawing.frame is not None:
            frame = drawing.frame
            P.draw_box(painter, replace(frame, stroke=Stroke(P.ACCENT.name(), 2.0)) if selected else frame)
        P.draw_shapes(painter, drawing.inside, self.icons)
        painter.restore()
        if drawing.frame is not None and (selected or self.hovered):
            painter.setPen(QPen(P.ACCENT, 1.2))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawEllipse(self.handle_rect().adjusted(1, 1, -1, -1))


class CellItem(BoxItem):
    """The background of one cell; selectable, so that typing with a cell selected adds a card."""

    def __init__(self, stage_id: str, lane_id: str):
        super().__init__()
        self.stage_id, self.lane_id = stage_id, lane_id
        self.fill = QColor("#FFFFFF")
        self.frame: Box | None = None
        self.drop_target = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)

    def type(self) -> int:
        return Kind.CELL

    def show(self, x: float, y: float, w: float, h: float, fill: QColor) -> None:
        self.place(x, y, w, h)
        frame = cell_box(Rect(x, y, w, h), fill.name().upper())
        if frame != self.frame:
            self.fill, self.frame = fill, frame
            self.update()

    def mousePressEvent(self, event) -> None:
        event.ignore()  # a press on a cell starts the view's rubber band; a click selects the cell

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.frame is None:
            return
        painter.save()
        painter.translate(-self.frame.rect.x, -self.frame.rect.y)  # the frame is placed on the map
        P.draw_box(painter, self.frame)
        painter.restore()
        if self.drop_target or self.isSelected():
            painter.setPen(QPen(P.ACCENT, 2, Qt.PenStyle.DashLine if self.drop_target else Qt.PenStyle.SolidLine))
            painter.drawRect(self._rect.adjusted(2, 2, -2, -2))


class HeaderItem(BoxItem):
    """A stage header (top) or a lane header (left), with its text."""

    def __init__(self, kind: int, element_id: str):
        super().__init__()
        self._kind = kind
        self.element_id = element_id
        self.fill = QColor("#FFFFFF")
        self.frame: Box | None = None  # the frame and the texts are placed on the map
        self.texts: tuple[TextLine, ...] = ()
        self.legend: tuple[Shape, ...] = ()  # an emotions lane's, naming its curves
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
        """Stand on `box` in `fill` (the box's own, unless the scene chose another)."""
        r = box.header
        self.place(r.x, r.y, r.w, r.h)
        frame = header_box(r, box.fill if fill == QColor(box.fill) else fill.name().upper())
        legend = box.legend if isinstance(box, LaneBox) else ()
        if (frame, box.texts, legend) != (self.frame, self.texts, self.legend):
            self.fill, self.frame, self.texts, self.legend = fill, frame, box.texts, legend
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.frame is None:
            return
        painter.save()
        painter.translate(-self.frame.rect.x, -self.frame.rect.y)  # the item may be dragged off its box
        P.draw_box(painter, self.frame)
        P.draw_shapes(painter, self.texts)
        if self.legend:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            P.draw_shapes(painter, self.legend)
        painter.restore()
        if self.isSelected():
            painter.setPen(QPen(P.ACCENT, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rect.adjusted(1, 1, -1, -1))


class LinkItem(QGraphicsItem):
    """An arrow between two cards along its routed path, styled by kind; its label is drawn by its
    `label_item`, which it keeps beside itself (same parent, same scene), stacked above every line."""

    def __init__(self, link_id: str):
        super().__init__()
        self.link_id = link_id
        self.path_box: LinkPath | None = None
        self.full_detail = False  # drawn at any scale, the overview item aside (set for exports)
        self._path: QPainterPath | None = None
        self._bounds = QRectF()
        self.label_item = LinkLabelItem(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for the exposed rect
        self.setZValue(LINK_Z)

    def type(self) -> int:
        return Kind.LINK

    def itemChange(self, change, value):
        """The label item follows the link into and out of its parent and scene, and is drawn again
        when the link is selected, faded or hidden."""
        label, Change = self.label_item, QGraphicsItem.GraphicsItemChange
        if change == Change.ItemParentHasChanged:
            label.setParentItem(self.parentItem())
        elif change == Change.ItemSceneHasChanged:
            if value is None:
                if label.scene() is not None:
                    label.scene().removeItem(label)
            elif label.scene() is not value and self.parentItem() is None:
                value.addItem(label)
        elif change in (Change.ItemSelectedHasChanged, Change.ItemOpacityHasChanged):
            label.update()
        elif change == Change.ItemVisibleHasChanged:
            label.setVisible(bool(value))
        return super().itemChange(change, value)

    def show(self, path: LinkPath) -> None:
        """Stand on `path` (which carries the link's kind too)."""
        if path == self.path_box:
            return
        self.prepareGeometryChange()
        self.path_box = path
        self._path = None  # made when first hit: most links are never hovered
        self._bounds = P.qrect(path.bounds())
        self.update()
        self.label_item.show(path)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def path(self) -> QPainterPath:
        """The link's line with rounded corners."""
        if self._path is None:
            self._path = P.qpath(self.path_box.drawing.line.commands) if self.path_box else QPainterPath()
        return self._path

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        shape = stroker.createStroke(self.path())
        if self.path_box and self.path_box.label_rect:
            shape.addRect(P.qrect(self.path_box.label_rect))
        return shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.path_box is None or not self.full_detail and \
                option.levelOfDetailFromTransform(painter.worldTransform()) < OVERVIEW_BELOW:
            return  # the overview item, drawn so far out (the Overview dock draws it always), shows the link
        drawing: LinkDrawing = self.path_box.drawing
        if self.isSelected():
            drawing = drawing.recolored(P.ACCENT.name(), SELECTED_LINK_WIDTH)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        P.draw_path(painter, drawing.line, option.exposedRect)
        P.draw_polygon(painter, drawing.head)
        if drawing.leader is not None:
            P.draw_path(painter, drawing.leader)


class LinkLabelItem(QGraphicsItem):
    """A link's label: its box and text, above every link's line. It takes no clicks (the link's
    shape covers the label, so a press on it selects the link) and draws as its link is: selected,
    faded, far out or not."""

    def __init__(self, link: LinkItem):
        super().__init__()
        self.link = link
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(LABEL_Z)

    def show(self, path: LinkPath) -> None:
        self.prepareGeometryChange()
        self._bounds = QRectF() if path.label_rect is None else P.qrect(path.label_rect).adjusted(-1, -1, 1, 1)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        link = self.link
        if link.path_box is None or link.path_box.label_rect is None or not link.full_detail and \
                option.levelOfDetailFromTransform(painter.worldTransform()) < OVERVIEW_BELOW:
            return
        drawing: LinkDrawing = link.path_box.drawing
        if link.isSelected():
            drawing = drawing.recolored(P.ACCENT.name(), SELECTED_LINK_WIDTH)
        painter.setOpacity(painter.opacity() * link.opacity())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        P.draw_shapes(painter, drawing.plate)


class CurveItem(QGraphicsItem):
    """The emotion curves of one lane: its zero line and level guides, the smooth line through its
    own points and one through each persona's."""

    def __init__(self):
        super().__init__()
        self.curves: tuple[EmotionCurve, ...] = ()  # the lane's own curve first: it has the guides
        self.dragged: EmotionCurve | None = None  # drawn instead of its persona's while one of its points is dragged
        self.setZValue(1)

    @property
    def curve(self) -> EmotionCurve | None:
        """The lane's own curve (the levels and the row are every curve's of the lane)."""
        return self.curves[0] if self.curves else None

    def curve_of(self, card_id: str) -> EmotionCurve | None:
        """The curve that `card_id`'s point is on."""
        return next((curve for curve in self.curves if card_id in curve.card_ids), None)

    def show(self, curves: tuple[EmotionCurve, ...]) -> None:
        if curves != self.curves:
            self.prepareGeometryChange()
            self.curves = curves
            self.update()

    def show_dragged(self, curve: EmotionCurve | None) -> None:
        """Draw `curve`, one of the lane's curves with a point dragged to another level, in place of
        that curve until called with None (emotion_drag.py); it lies in the same row."""
        if curve != self.dragged:
            self.dragged = curve
            self.update()

    def boundingRect(self) -> QRectF:
        return P.qrect(self.curves[0].row) if self.curves else QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.curves:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dragged = self.dragged
        for curve in self.curves:
            P.draw_shapes(painter, (dragged if dragged and dragged.persona_id == curve.persona_id else curve).shapes)


class TextBlockItem(BoxItem):
    """Text with no frame: the map's title, with a persona's photo beside it when the layout gives one.
    The photo is decoded when it is first shown and again only when the persona's photo changes."""

    def __init__(self):
        super().__init__()
        self.texts: tuple[TextLine, ...] = ()
        self.photo: PersonaPhoto | None = None
        self.image: QImage | None = None  # the photo decoded; None when it cannot be
        self.photo_shapes: tuple[Shape, ...] = ()  # the photo's rim, or the disc shown in its place
        self._decoded: Photo | None = None  # the persona's photo that `image` was decoded from

    def show(self, layout: MapLayout, personas: list[Persona]) -> None:
        """Stand in the layout's title rectangle with its lines and its photo, the one of `personas`
        that the layout names."""
        rect = layout.title_rect
        self.place(rect.x, rect.y, rect.w, rect.h)
        texts = layout.title_texts()
        photo = layout.title_photo
        source = next((persona.photo for persona in personas if photo and persona.id == photo.persona_id), None)
        decode = source is not self._decoded
        if decode:
            self._decoded = source
            self.image = None
            if source is not None:
                from .persona_photo import decoded_photo  # its Qt classes load only for a map with a photo

                self.image = decoded_photo(source, PHOTO_PIXELS_PER_POINT * photo.rect.w)
        shapes = () if photo is None else photo_shapes(photo, self.image is not None)
        if decode or (texts, photo, shapes) != (self.texts, self.photo, self.photo_shapes):
            self.texts, self.photo, self.photo_shapes = texts, photo, shapes
            self.update()

    def bounds_for(self, rect: QRectF) -> QRectF:
        return rect.adjusted(-1, -1, 1, 1)  # the photo's rim stands half its width outside

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.translate(-self.pos())  # the texts are placed on the map
        if self.photo is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.image is not None:
                P.draw_persona_photo(painter, self.photo, self.image)
            P.draw_shapes(painter, self.photo_shapes)
        P.draw_shapes(painter, self.texts)


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
        self._shapes: tuple[dict[str, list[QRectF]], dict[str, list[QLineF]]] | None = None
        self.setZValue(2)

    def show(self, layout: MapLayout, fills: dict[str, str]) -> None:
        """Draw `layout`'s cards in their `fills` and its links in the colours the layout gave their lines."""
        self.prepareGeometryChange()
        self._layout, self._fills = layout, fills
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
        colors = {kind: link_stroke(kind).color for kind in {path.kind for path in self._layout.links.values()}}
        for path in self._layout.links.values():  # (not `path.drawing`: this far out, the lines alone)
            links.setdefault(colors[path.kind], []).extend(
                QLineF(a.x, a.y, b.x, b.y) for a, b in zip(path.points, path.points[1:]))
        self._shapes = cards, links
        return self._shapes
