"""The canvas's current cell: where the keys act (navigation.py says where they go) and where typing
puts a new card, shown by a quiet frame around the cell.

There is one at all times while the map has cells: a map opens on the first stage of its first card
lane. It follows the selection (a card or a cell chosen alone) and the map's changes: after each
relayout it is found again, its card wherever that card went, a deleted card, stage or lane giving way
to a neighbour. Moving it with the keys selects what it lands on, so the Edit menu acts there.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem

from ..layout import MapLayout
from . import painting as P
from .items import CardItem, CellItem
from .navigation import Indexes, Move, Spot, indexes, settle, start, step

if TYPE_CHECKING:
    from ..editor.edits import Place
    from .scene import MapScene

FRAME_Z = 0.5  # above the cells, below headers and cards
FRAME_INSET = 2  # as a selected cell's own outline: the two coincide
SHOWN_HEIGHT = 120  # of a tall empty cell, the top part a move scrolls into view


def clear_of_pins(layout: MapLayout, rect: QRectF) -> QRectF:
    """`rect` with room above it for the stage headers and left of it for the lane headers: a view
    asked to show this shows `rect` clear of the header bands pinned over its top and left edges
    (pinned_headers.py)."""
    left = max((box.header.w for box in layout.lanes.values()), default=0.0)
    top = max((box.header.h for box in layout.stages.values()), default=0.0)
    return rect.adjusted(-left, -top, 0, 0)


class CellFrame(QGraphicsRectItem):
    """The current cell's 2 px accent outline; it takes no clicks and is placed only by `show_on`."""

    def __init__(self):
        super().__init__()
        self.setPen(QPen(P.ACCENT, 2))
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setZValue(FRAME_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_on(self, cell: QRectF | None) -> None:
        """Outline `cell`, or hide when there is none."""
        if cell is None:
            self.hide()
            return
        rect = cell.adjusted(FRAME_INSET, FRAME_INSET, -FRAME_INSET, -FRAME_INSET)
        if rect != self.rect():
            self.setRect(rect)
        self.show()


class CurrentCell:
    """The current place (`spot`: a cell and maybe one of its cards) of one scene, and its frame."""

    def __init__(self, scene: MapScene):
        self._scene = weakref.ref(scene)  # held by the scene, it does not hold it (see tools.Tool.scene)
        self._spot: Spot | None = None
        self._indexes: Indexes | None = None
        self._selection_moved = False  # the selection changed since the spot last followed it
        self.frame = CellFrame()
        self.frame.hide()
        scene.addItem(self.frame)
        scene.laidOut.connect(self._follow_layout)
        scene.selectionChanged.connect(self._selection_changed)

    @property
    def spot(self) -> Spot | None:
        """The current place: None only while the map has no cells."""
        if self._selection_moved:
            self._follow_selection()
        return self._spot

    @property
    def scene(self) -> MapScene:
        return self._scene()

    @property
    def card(self) -> str | None:
        return self.spot.card if self.spot is not None else None

    def place(self) -> Place | None:
        """Where a card typed here goes, as the editor places new cards: after the current card, or in
        the current cell when it has none (None only while the map has no cells)."""
        spot, edits = self.spot, self.scene.edits
        if spot is None:
            return None
        return edits.place_after(spot.cell, []) if spot.card is None else edits.place_after(None, [spot.card])

    def go(self, move: Move) -> None:
        """Move by a key, select what it lands on and scroll it into view."""
        if self.spot is not None:
            self.select(step(self.scene.layout, self.spot, move))

    def select(self, spot: Spot) -> None:
        """Make `spot` current and select its card, or its cell when it has none."""
        scene = self.scene
        self._set(spot)
        if spot.card is not None:
            scene.select_cards([spot.card])
            r = scene.layout.cards[spot.card].rect
            scene.visibleRequested.emit(clear_of_pins(scene.layout, QRectF(r.x, r.y, r.w, r.h)))
        else:
            scene.select_only([scene.cell_items[spot.cell]])
            r = scene.layout.cells[spot.cell]
            scene.visibleRequested.emit(clear_of_pins(scene.layout, QRectF(r.x, r.y, r.w, min(r.h, SHOWN_HEIGHT))))

    def _set(self, spot: Spot | None) -> None:
        layout = self.scene.layout
        self._spot = spot
        self._indexes = indexes(layout, spot) if spot is not None else None
        self.frame.show_on(QRectF(*layout.cells[spot.cell]) if spot is not None else None)

    def _follow_layout(self) -> None:
        layout, spot = self.scene.layout, self.spot
        self._set(start(layout) if spot is None else settle(layout, spot, self._indexes))

    def _whole_scene(self) -> MapScene | None:
        """The scene, unless there is none whole to read: gone, deleted by Qt, or disposed or being cleared by
        Python's collector with its attributes gone (Qt still emits its signals meanwhile: see MapScene.dispose)."""
        scene = self.scene
        return scene if scene is not None and shiboken6.isValid(scene) and hasattr(scene, "layout") else None

    def _selection_changed(self) -> None:
        """Followed once the selection has settled (or when the spot is asked for): Qt reports a
        selection of n cards n times, and looking at it each time would take quadratic time. A scene
        being torn down reports its selection going: nothing is followed then."""
        if not self._selection_moved and self._whole_scene() is not None:
            self._selection_moved = True
            QTimer.singleShot(0, self._follow_selection)

    def _follow_selection(self) -> None:
        """A card or a cell selected alone becomes current; any other selection leaves it as it is."""
        if not self._selection_moved:
            return
        self._selection_moved = False
        scene = self._whole_scene()
        if scene is None or scene.layout is None:
            return
        items = scene.selectedItems()
        if len(items) != 1:
            return
        item = items[0]
        if isinstance(item, CardItem) and item.card_id in scene.layout.cards:
            box = scene.layout.cards[item.card_id]
            self._set(Spot(box.stage_id, box.lane_id, item.card_id))
        elif isinstance(item, CellItem) and (item.stage_id, item.lane_id) in scene.layout.cells:
            self._set(Spot(item.stage_id, item.lane_id))
