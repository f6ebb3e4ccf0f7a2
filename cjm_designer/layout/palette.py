"""The map's colours, shared by the canvas and the PDF so that both look the same (hex strings)."""

from __future__ import annotations

from ..model import LaneKind

INK = "#263238"
MUTED = "#607D8B"
GRID = "#CFD8DC"
PAIN = "#E53935"
KPI_MET = "#2E7D32"
KPI_MISSED = "#C62828"
CURVE = "#5C6BC0"
STAGE_DEFAULT = "#ECEFF1"

LANE_FILL = {
    LaneKind.BUYER_ACTIONS: "#E3F2FD", LaneKind.SELLER_ACTIONS: "#FFF3E0", LaneKind.TOUCHPOINTS: "#E8F5E9",
    LaneKind.CHANNELS: "#F3E5F5", LaneKind.THOUGHTS: "#FFFDE7", LaneKind.EMOTIONS: "#FFFFFF",
    LaneKind.PAIN_POINTS: "#FFEBEE", LaneKind.OPPORTUNITIES: "#E0F7FA", LaneKind.KPIS: "#ECEFF1",
    LaneKind.OWNERS: "#EDE7F6", LaneKind.TEXT: "#FAFAFA",
}
EMOTION_COLORS = {-2: "#E53935", -1: "#FB8C00", 0: "#FDD835", 1: "#7CB342", 2: "#2E7D32"}
LINK_STYLES = {  # colour, dash pattern (None for solid)
    "flow": ("#78909C", None), "call": ("#1E88E5", None), "message": ("#43A047", [5, 3]),
    "email": ("#FB8C00", [8, 3, 2, 3]),
}
