"""Connecting two cards: drag from a card's handle to another card; the release there is one new
link of the editor's, selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF

from .texts import tr
from .tools import PointerDrag

if TYPE_CHECKING:
    from .scene import MapScene


class LinkConnect(PointerDrag):
    """From a press on the handle of card `source` to the release; a dashed line follows the pointer."""

    def __init__(self, scene: MapScene, source: str, origin: QPointF):
        super().__init__(scene, origin, active=True)
        self.source = source

    def start(self) -> None:
        super().start()
        self.scene.link_preview.setLine(QLineF(self.origin, self.origin))
        self.scene.link_preview.show()

    def drag_to(self, pos: QPointF) -> None:
        source = self.scene.layout.cards[self.source].rect
        self.scene.link_preview.setLine(QLineF(QPointF(source.right, source.center.y), pos))

    def mouse_release(self, event) -> bool:
        self.end()
        scene = self.scene
        target = scene.card_at(event.scenePos())
        if target is not None:
            link_id = self.edits.connect(self.source, target.card_id, tr("Connect cards"))
            if link_id is not None:
                scene.select_only([scene.link_items[link_id]])
        return True

    def end(self) -> None:
        self.scene.link_preview.hide()
        super().end()
