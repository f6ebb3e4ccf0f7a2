"""The Overview: the whole map small, with the main view's visible area framed; click or drag in it
to move the main view there."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from ..canvas import MapView
from ..canvas.view import own_viewport


class Overview(QGraphicsView):
    def __init__(self, main: MapView, parent=None):
        super().__init__(main.scene(), parent)
        own_viewport(self)
        self.main = main
        self.setInteractive(False)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(160, 110)
        for bar in (main.horizontalScrollBar(), main.verticalScrollBar()):
            bar.valueChanged.connect(lambda _value: self.viewport().update())
        main.zoomChanged.connect(lambda _zoom: self.viewport().update())
        main.map_scene().laidOut.connect(self.fit)

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        self.main.map_scene().overview.paint(painter, None)  # every card, even those without items yet
        painter.restore()
        visible = self.main.visible_scene_rect()
        painter.setPen(QPen(QColor("#1E88E5"), 0))
        painter.setBrush(QColor(30, 136, 229, 40))
        painter.drawRect(visible)

    def mousePressEvent(self, event) -> None:
        self.main.centerOn(self.mapToScene(event.position().toPoint()))

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.main.centerOn(self.mapToScene(event.position().toPoint()))

    def wheelEvent(self, event) -> None:
        event.ignore()
