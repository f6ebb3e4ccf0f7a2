"""The tools of the map scene, after orange-canvas-core's `UserInteraction`.

The scene hands each mouse and key event to the gesture under way (`scene.interaction`), else to its
select tool (`scene.tool`), and does Qt's default with the events neither takes. A tool only turns
events into calls of the editor (`scene.edits`), which decides every change; meanwhile it shows what
would happen (a marker, a dashed line, a text editor) and it puts that away when it ends.
"""

from __future__ import annotations

import weakref
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

if TYPE_CHECKING:
    from .scene import MapScene

CLICK_SLOP = 4  # pointer travel (scene units, |dx| + |dy|) under which a press and release is a click


class Tool:
    """Hears the scene's events; each handler answers whether it took the event."""

    def __init__(self, scene: MapScene):
        self._scene = weakref.ref(scene)  # see `scene`
        self.edits = scene.edits

    @property
    def scene(self) -> MapScene:
        """The scene, which holds its tools; they do not hold it: a scene in a reference cycle is freed
        by the garbage collector at any later time, and Qt does not survive some of those."""
        return self._scene()

    def mouse_press(self, event) -> bool:
        return False

    def mouse_move(self, event) -> bool:
        return False

    def mouse_release(self, event) -> bool:
        return False

    def mouse_double_click(self, event) -> bool:
        return False

    def key_press(self, event) -> bool:
        return False

    def context_menu(self, event) -> bool:
        return False

    def focus_next(self, forward: bool) -> bool:
        """Tab or Backtab, which the scene takes before its focus item gets the key."""
        return False


class Interaction(Tool):
    """A gesture with a lifetime: `start` makes it the scene's interaction, `end` puts away what it
    showed and gives the events back to the select tool. Escape cancels it (ends it with no edit)."""

    def start(self) -> None:
        current = self.scene.interaction
        if current is not None:
            current.interrupt()
        self.scene.interaction = self

    def end(self) -> None:
        if self.scene.interaction is self:
            self.scene.interaction = None

    def cancel(self) -> None:
        self.end()

    def interrupt(self) -> None:
        """Another gesture starts: this one ends as Escape would end it."""
        self.cancel()

    def key_press(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False


class PointerDrag(Interaction, ABC):
    """A gesture from a press to its release that follows the pointer once it has travelled
    CLICK_SLOP (less is a click); while it is `active`, the view scrolls near its edges and carries
    the drag along (`drag_to`), along `scroll_axes`, the ways the drag can go (autoscroll.py)."""

    scroll_axes = Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    def __init__(self, scene: MapScene, origin: QPointF, active: bool = False):
        super().__init__(scene)
        self.origin = QPointF(origin)
        self.active = active

    def mouse_move(self, event) -> bool:
        pos = event.scenePos()
        if not self.active:
            delta = pos - self.origin
            if abs(delta.x()) + abs(delta.y()) < CLICK_SLOP:
                return True
            self.activate()
        self.drag_to(pos)
        return True

    def activate(self) -> None:
        """The pointer has left the click's slop: the drag is on."""
        self.active = True

    @abstractmethod
    def drag_to(self, pos: QPointF) -> None:
        """Show where a release at `pos` would put things."""
