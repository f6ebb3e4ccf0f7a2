"""The map canvas: scene, items and view; items draw the layout, gestures become undo commands."""

from .scene import MapScene
from .view import MapView

__all__ = ["MapScene", "MapView"]
