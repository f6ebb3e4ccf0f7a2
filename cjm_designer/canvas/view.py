"""The view on the map: zoom (Ctrl+wheel, pinch, keys), pan (wheel, Space+drag, middle button),
rubber-band selection, a click on a cell to select it, scrolling near the edges while dragging
(autoscroll.py), and the headers pinned to the top and left once scrolled past (pinned_headers.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QCursor, QHelpEvent, QMouseEvent, QPainter, QPalette, QRegion, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsView, QLabel, QToolTip, QWidget

from . import pinned_headers
from .items import OVERVIEW_BELOW, CellItem, HeaderItem
from .scene import MapScene
from .texts import tr

if TYPE_CHECKING:
    from .autoscroll import AutoScroll

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
ZOOM_STEP = 1.2


def own_viewport(view: QGraphicsView) -> None:
    """Give `view` a viewport made in Python, the same as the one Qt makes (a plain widget taking input
    methods): handed a widget Qt made, the first `viewport()` would have PySide make every widget class
    to find its type, some 40 classes and their enums (5-7 ms of every start)."""
    viewport = QWidget()
    viewport.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # as QGraphicsView sets on its own
    view.setViewport(viewport)


class MapView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: MapScene, parent=None):
        super().__init__(scene, parent)
        own_viewport(self)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._pan_from: QPoint | None = None
        self._shown = self._started = False
        self._space = False
        self._click_at: QPoint | None = None
        self._pin_shift: QPoint | None = None  # a press on a pinned header: from the pointer to the header
        self._hover_at: QPointF | None = None  # where the pointer rests over the viewport, no button down
        self._pins_drawn = QRegion()  # the viewport pixels the pinned bands were last drawn on
        self._autoscroll = None  # made by the first press that may drag (`autoscroll`)
        self.empty_hint = _empty_hint(self)
        scene.visibleRequested.connect(lambda rect: self.ensureVisible(rect, 20, 20))
        self.zoomChanged.connect(scene.set_detail)
        self.zoomChanged.connect(self._realize)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(self._realize)
        scene.laidOut.connect(self._realize)
        scene.laidOut.connect(self._repaint_pins)
        scene.laidOut.connect(self._show_empty_hint)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(self._place_empty_hint)
        self._show_empty_hint()
        scene.selectionChanged.connect(self._repaint_pins)

    def _realize(self, *_) -> None:
        """Items for the cards this view is about to show (on big maps they are made on demand), once
        it has a size and a place: not for the middle of the map a new view first points at."""
        scene = self._whole_scene()
        if self._started and scene is not None and self.zoom() >= OVERVIEW_BELOW:
            scene.realize_around(self.visible_scene_rect())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._to_start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_empty_hint()
        if self._shown:
            self._realize()
        else:
            self._to_start()

    def _to_start(self) -> None:
        """A map opens at its beginning: the title, the first stages and lanes."""
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setValue(bar.minimum())
        self._started = True
        self._realize()

    def map_scene(self) -> MapScene:
        return self.scene()

    # -- the hint on a map with no stages ---------------------------------------------------------

    def _show_empty_hint(self) -> None:
        """A map with no stages is blank white: the view says how to begin (the hint is a widget over the
        viewport, so it is in no export and does not scroll)."""
        scene = self._whole_scene()
        empty = scene is not None and not scene.session.doc.stages
        if empty:
            menu = QCoreApplication.translate("MainWindow", "&Insert").replace("&", "")
            self.empty_hint.setText(tr("This map has no stages yet.\nAdd one: %1 → %2.")
                                    .replace("%1", menu).replace("%2", tr("Add stage")))
        self.empty_hint.setVisible(empty)
        self._place_empty_hint()

    def _place_empty_hint(self) -> None:
        """In the middle of the viewport's larger free part, right of the map's lanes (or its title, with no
        lane) or below them, where it covers none of them; over the whole viewport when neither has room."""
        scene = self._whole_scene()
        if self.empty_hint.isHidden() or scene is None:
            return
        view = self.viewport().rect()
        layout = scene.layout
        boxes = [lane.row for lane in layout.lanes.values()] or [layout.title_rect]
        drawn = QRect()
        for x, y, w, h in boxes:
            drawn |= self.mapFromScene(QRectF(x, y, w, h)).boundingRect()
        drawn &= view
        right = QRect(QPoint(drawn.right() + 1, view.top()), view.bottomRight())
        below = QRect(QPoint(view.left(), drawn.bottom() + 1), view.bottomRight())
        need = self.empty_hint.sizeHint()
        roomy = [area for area in (right, below) if area.width() >= need.width() and area.height() >= need.height()]
        area = max(roomy, key=lambda a: a.width() * a.height()) if roomy and not drawn.isEmpty() else view
        self.empty_hint.setGeometry(area.translated(self.viewport().pos()))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_empty_hint()

    # -- zoom -----------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_under_mouse: bool = False) -> None:
        """Zoom about the view's centre, or about the map point under the pointer. That point is found
        here, not by Qt's anchor, which takes it from the last move handed to the scene: over a
        pinned header that move is moved to the header itself."""
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        if abs(factor - self.zoom()) < 1e-9:
            return
        anchor = self.transformationAnchor()
        pointer = self.viewport().mapFromGlobal(QCursor.pos())
        fixed = self.mapToScene(pointer) if anchor_under_mouse and self.viewport().rect().contains(pointer) else None
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter if fixed is None
                                     else QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.setTransformationAnchor(anchor)
        if fixed is not None:
            drift = self.mapFromScene(fixed) - pointer
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def zoom_actual(self) -> None:
        self.set_zoom(1.0)

    def zoom_fit(self) -> None:
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.zoomChanged.emit(self.zoom())

    def show_area(self, area: QRectF) -> None:
        """Show the map area `area` across the viewport's width, its middle in the middle: one frame of
        a presentation's move between its steps (ui/presentation.py), which may look beyond the map
        (the presentation widens the view's own scene rect meanwhile)."""
        zoom = self.viewport().width() / max(area.width(), 1e-6)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(area.center())
        self.zoomChanged.emit(zoom)

    def wheelEvent(self, event) -> None:
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP ** steps, anchor_under_mouse=True)
            event.accept()
        elif modifiers & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().x() == 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
        else:
            super().wheelEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._hover_at = None
        elif event.type() == QEvent.Type.ToolTip and self._in_pins(event):
            return self._tooltip_pinned(event)
        if event.type() == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.set_zoom(self.zoom() * (1 + event.value()), anchor_under_mouse=True)
            return True
        return super().viewportEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.set_zoom(self.zoom() * pinch.scaleFactor(), anchor_under_mouse=True)
                return True
        return super().event(event)

    # -- pan and clicks -------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self.map_scene().editor is None:
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event) -> None:
        self._hover_at = None
        if event.button() != Qt.MouseButton.MiddleButton and self._in_pins(event):
            self._press_pinned(event)
            return
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        self._click_at = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    @property
    def autoscroll(self) -> AutoScroll:
        """The scrolling near the edges during drags (`autoscroll.AutoScroll`), made when first needed:
        the first frame needs none of it."""
        if self._autoscroll is None:
            from .autoscroll import AutoScroll

            self._autoscroll = AutoScroll(self)
        return self._autoscroll

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        self._hover_at = event.position() if event.buttons() == Qt.MouseButton.NoButton else None
        if self._hover_at is not None and self._in_pins(event):
            self._hover_pinned(event)
            return
        super().mouseMoveEvent(self._shifted(event))
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.autoscroll.follow(event.position())  # once the move has started the drag, if it did

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self._autoscroll is not None:
            self._autoscroll.stop()
        super().mouseReleaseEvent(self._shifted(event))
        self._pin_shift = None
        click, self._click_at = self._click_at, None
        if click is not None and (event.position().toPoint() - click).manhattanLength() < 4:
            self._select_cell_at(event.position().toPoint(), event.modifiers())

    def mouseDoubleClickEvent(self, event) -> None:
        if not self._in_pins(event):
            super().mouseDoubleClickEvent(event)
        elif (shift := self._header_shift(event.position().toPoint())) is not None:
            super().mouseDoubleClickEvent(_moved(event, shift))

    def contextMenuEvent(self, event) -> None:
        if not self._in_pins(event):
            super().contextMenuEvent(event)
        elif (shift := self._header_shift(event.pos())) is not None:
            super().contextMenuEvent(QContextMenuEvent(event.reason(), event.pos() + shift, event.globalPos(),
                                                       event.modifiers()))

    def _select_cell_at(self, point: QPoint, modifiers) -> None:
        """A click on a cell's empty place selects the cell (Ctrl+click adds it)."""
        scene = self.map_scene()
        item = scene.top_item(self.mapToScene(point))
        if isinstance(item, CellItem):
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                item.setSelected(not item.isSelected())
            else:
                scene.select_only([item])

    def drag_point(self, point: QPointF) -> QPointF:
        """Where on the map the gesture under way is with the pointer at `point` (viewport pixels):
        moved as its events are when it began on a pinned header."""
        shift = QPointF(self._pin_shift) if self._pin_shift is not None else QPointF()
        return self.mapToScene((point + shift).toPoint())

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    # -- the pinned headers (pinned_headers.py) ---------------------------------------------------

    def _whole_scene(self) -> MapScene | None:
        """The map scene, unless there is none whole to read: None while the view is being built, a bare
        QGraphicsScene while Qt deletes it, and a MapScene without its attributes while Python's collector
        clears its wrapper (Qt still emits its signals meanwhile: see MapScene.dispose)."""
        scene = self.scene()
        return scene if isinstance(scene, MapScene) and hasattr(scene, "layout") else None

    def _pins(self) -> pinned_headers.Pins | None:
        scene = self._whole_scene()
        if scene is None:
            return None
        return pinned_headers.pins_for(scene.layout, self.visible_scene_rect())

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        pins = self._pins()
        self._pins_drawn = self._pins_region(pins)
        if pins is not None:
            scene = self.map_scene()
            selected = {item.element_id for item in scene.selectedItems() if isinstance(item, HeaderItem)}
            editor = scene.editor
            pinned_headers.paint(painter, scene.layout, pins, scene.backgroundBrush().color(), selected,
                                 None if editor is None else editor.sceneBoundingRect(), scene.header_marks())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolling moves the pixels on screen, the pinned bands with them: those are drawn anew where
        they were and where they are now. Qt then replays the last pointer move at its old place in the
        viewport, which over a band may be a card's place now: it is heard again as the bands take it."""
        before = self._pins_region(self._pins())
        super().scrollContentsBy(dx, dy)
        self.viewport().update(self._pins_region(self._pins()) | before.translated(dx, dy))
        if self._hover_at is not None:
            at = self._hover_at
            self.mouseMoveEvent(QMouseEvent(QEvent.Type.MouseMove, at, self.viewport().mapToGlobal(at),
                                            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                            QApplication.keyboardModifiers()))

    def _pins_region(self, pins: pinned_headers.Pins | None) -> QRegion:
        """The viewport pixels the pinned bands and their shadows cover."""
        region = QRegion()
        margin = pinned_headers.SHADOW + 2
        for area in pins.areas() if pins is not None else ():
            region |= self.mapFromScene(area).boundingRect().adjusted(-2, -2, margin, margin)
        return region

    def _repaint_pins(self) -> None:
        """The bands drawn again after a relayout or a change of selection (their headers are elsewhere),
        where they were too, should a band be smaller now."""
        self.viewport().update(self._pins_region(self._pins()) | self._pins_drawn)

    def _in_pins(self, event) -> bool:
        """Whether `event` is over the bands, not over the text editor open above them."""
        pins = self._pins()
        if pins is None:
            return False
        pos = self.mapToScene(event.pos() if isinstance(event, (QContextMenuEvent, QHelpEvent))
                              else event.position().toPoint())
        editor = self.map_scene().editor
        return pins.covers(pos) and (editor is None or not editor.sceneBoundingRect().contains(pos))

    def _header_shift(self, point: QPoint) -> QPoint | None:
        """From `point` on a pinned header to the same place on the header itself, in viewport pixels;
        None when no header is drawn there (the corner, a gap between headers)."""
        pins, scene = self._pins(), self.map_scene()
        real = pinned_headers.header_point(pins, self.mapToScene(point)) if pins is not None else None
        if real is None or not isinstance(scene.top_item(real), HeaderItem):
            return None
        return self.mapFromScene(real) - point

    def _press_pinned(self, event) -> None:
        """A press on a pinned header does what it does on the header (select it, start its drag), the
        gesture's moves and release shifted with it; a press elsewhere on the bands is taken and dropped,
        never reaching the cards under them."""
        event.accept()
        self._click_at = None
        self._pin_shift = self._header_shift(event.position().toPoint())
        if self._pin_shift is not None:
            super().mousePressEvent(_moved(event, self._pin_shift))

    def _hover_pinned(self, event) -> None:
        """The pointer resting on a pinned header is over the header (its hover, its cursor); anywhere
        else on the bands it is over nothing: what it hovered under them is left, the cursor is the view's."""
        point = event.position().toPoint()
        shift = self._header_shift(point)
        super().mouseMoveEvent(_moved(event, shift if shift is not None else self._off_map(point)))

    def _tooltip_pinned(self, event: QHelpEvent) -> bool:
        """A tooltip over the bands is the pinned header's, shown at the pointer; never one of an item
        hidden under them."""
        shift = self._header_shift(event.pos())
        tip = "" if shift is None else self.map_scene().top_item(self.mapToScene(event.pos() + shift)).toolTip()
        if tip:
            QToolTip.showText(event.globalPos(), tip, self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    def _off_map(self, point: QPoint) -> QPoint:
        """From `point` to a viewport place beyond the map's top left corner, where no item lies."""
        return self.mapFromScene(self.sceneRect().topLeft() - QPointF(1000, 1000)) - point

    def _shifted(self, event):
        return event if self._pin_shift is None else _moved(event, self._pin_shift)


def _empty_hint(view: QGraphicsView) -> QLabel:
    """A quiet grey line in the middle of the view, which lets every click through to the view."""
    hint = QLabel(view)
    hint.setTextFormat(Qt.TextFormat.PlainText)
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setWordWrap(True)
    hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = hint.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    hint.setFont(font)
    hint.hide()
    return hint


def _moved(event: QMouseEvent, shift: QPoint) -> QMouseEvent:
    """The mouse event at its place moved by `shift` viewport pixels, on the screen too: the scene
    finds the items under a hover or a press by its screen position."""
    return QMouseEvent(event.type(), event.position() + QPointF(shift), event.scenePosition(),
                       event.globalPosition() + QPointF(shift), event.button(), event.buttons(), event.modifiers())
