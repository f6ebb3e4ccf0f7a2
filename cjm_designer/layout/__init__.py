"""Pure geometry of a map (no Qt): what the canvas and the PDF export draw."""

from .boxes import CardBox, EmotionCurve, LaneBox, LinkPath, MapLayout, Marker, StageBox
from .engine import compute_layout
from .geometry import Point, Rect, TextLine
from .style import DEFAULT_STYLE, Style

__all__ = [
    "DEFAULT_STYLE", "CardBox", "EmotionCurve", "LaneBox", "LinkPath", "MapLayout", "Marker", "Point", "Rect",
    "StageBox", "Style", "TextLine", "compute_layout",
]
