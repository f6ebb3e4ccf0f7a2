"""The map canvas: scene, items and view; items draw the layout, and tools (tools.py) turn the
scene's mouse and key events into calls of the editor."""

from .scene import MapScene
from .view import MapView

__all__ = ["MapScene", "MapView"]
