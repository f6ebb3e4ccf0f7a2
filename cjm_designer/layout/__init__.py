"""Pure geometry of a map (no Qt): what the canvas and the PDF export draw."""

from .boxes import CardBox, EmotionCurve, LaneBox, LinkPath, MapLayout, Marker, StageBox
from .engine import Relaid, card_columns, compute_layout, narrowest_stage, relayout_cards
from .geometry import Point, Rect, TextLine
from .memo import LayoutMemo
from .style import DEFAULT_STYLE, Style

__all__ = [
    "DEFAULT_STYLE", "CardBox", "EmotionCurve", "LaneBox", "LayoutMemo", "LinkPath", "MapLayout", "Marker", "Point",
    "Rect", "Relaid", "StageBox", "Style", "TextLine", "card_columns", "compute_layout", "narrowest_stage",
    "relayout_cards",
]
