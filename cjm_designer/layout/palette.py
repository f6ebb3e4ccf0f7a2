"""The map's colours, shared by the canvas and the PDF so that both look the same (hex strings)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import LaneKind, Persona

INK = "#263238"
MUTED = "#607D8B"
GRID = "#CFD8DC"
PAIN = "#E53935"
KPI_MET = "#2E7D32"
KPI_MISSED = "#C62828"
CURVE = "#5C6BC0"
STAGE_DEFAULT = "#ECEFF1"
VOTE = "#D81B60"  # a dot vote's dots, as the sticky dots of a workshop wall

LANE_FILL = {
    LaneKind.BUYER_ACTIONS: "#E3F2FD", LaneKind.SELLER_ACTIONS: "#FFF3E0", LaneKind.TOUCHPOINTS: "#E8F5E9",
    LaneKind.CHANNELS: "#F3E5F5", LaneKind.THOUGHTS: "#FFFDE7", LaneKind.EMOTIONS: "#FFFFFF",
    LaneKind.PAIN_POINTS: "#FFEBEE", LaneKind.OPPORTUNITIES: "#E0F7FA", LaneKind.KPIS: "#ECEFF1",
    LaneKind.OWNERS: "#EDE7F6", LaneKind.TEXT: "#FAFAFA",
}
EMOTION_COLORS = {-2: "#E53935", -1: "#FB8C00", 0: "#FDD835", 1: "#7CB342", 2: "#2E7D32"}
# Personas' emotion curves, by the persona's place in the map, unless it has a colour of its own: from
# Paul Tol's colour-blind-safe schemes, leaving out his green, yellow and red, which the heat map and a
# comparison's marks use, and kept apart from the map's own curve (CURVE).
PERSONA_CURVES = ("#AA3377", "#009988", "#0077BB", "#882255", "#33BBEE", "#999933")
LINK_STYLES = {  # colour, dash pattern (None for solid)
    "flow": ("#78909C", None), "call": ("#1E88E5", None), "message": ("#43A047", [5, 3]),
    "email": ("#FB8C00", [8, 3, 2, 3]),
}
# A comparison's marks (layout/comparison.py): what the later map added, changed, lost and moved.
COMPARE_ADDED = "#2E9E44"
COMPARE_CHANGED = "#F29900"
COMPARE_REMOVED = "#D93025"
COMPARE_MOVED = "#6A4FC4"


def persona_colors(personas: Sequence[Persona]) -> dict[str, str]:
    """Each persona's curve colour by its id: its own, else the palette's for its place in the map."""
    return {persona.id: persona.color or PERSONA_CURVES[i % len(PERSONA_CURVES)] for i, persona in enumerate(personas)}


def lighter(hex_color: str, percent: int) -> str:
    """The colour `percent` % as bright, as Qt's QColor.lighter computes it (HSV in 16-bit steps; past
    full brightness the saturation gives way), so the canvas and the PDF shade alike."""
    hue, saturation, value = _hsv16(hex_color)
    value = percent * value // 100
    if value > _FULL:
        saturation, value = max(saturation - (value - _FULL), 0), _FULL
    return _rgb8(hue, saturation, value)


def darker(hex_color: str, percent: int) -> str:
    """The colour at 100/`percent` of its brightness, as QColor.darker computes it."""
    hue, saturation, value = _hsv16(hex_color)
    return _rgb8(hue, saturation, value * 100 // percent)


HEAT_SCALE = ("#E53935", "#FDD835", "#43A047")  # worst, middle, best


def heat_color(value: float, strength: float = 1.0) -> str:
    """The colour of `value` (0 worst .. 1 best) on the heat-map scale, red through yellow to green;
    `strength` below 1 mixes it with white (a pale tint keeps a card's text readable)."""
    value = min(max(value, 0.0), 1.0)
    low, high, t = (HEAT_SCALE[0], HEAT_SCALE[1], value * 2) if value < 0.5 else (HEAT_SCALE[1], HEAT_SCALE[2],
                                                                                  value * 2 - 1)
    a, b = (int(low[i:i + 2], 16) for i in (1, 3, 5)), (int(high[i:i + 2], 16) for i in (1, 3, 5))
    mixed = [x + (y - x) * t for x, y in zip(a, b)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in mixed)


def cell_fill(lane_fill: str) -> str:
    return lighter(lane_fill, 103)


def header_fill(lane_fill: str) -> str:
    return darker(lane_fill, 104)


def card_border(card_fill: str) -> str:
    return darker(card_fill, 135)


_FULL = 0xFFFF  # Qt keeps colour components in 16 bits


def _hsv16(hex_color: str) -> tuple[int | None, int, int]:
    """Hue in hundredths of a degree (None when grey), saturation and value in 0..65535."""
    r, g, b = (int(hex_color[i:i + 2], 16) * 0x101 / _FULL for i in (1, 3, 5))
    high, delta = max(r, g, b), max(r, g, b) - min(r, g, b)
    if delta < 1e-12:
        return None, 0, round(high * _FULL)
    if high == r:
        hue = (g - b) / delta
    elif high == g:
        hue = 2 + (b - r) / delta
    else:
        hue = 4 + (r - g) / delta
    hue = hue * 60 + (360 if hue < 0 else 0)
    return round(hue * 100), round(delta / high * _FULL), round(high * _FULL)


def _rgb8(hue: int | None, saturation: int, value: int) -> str:
    if hue is None or saturation == 0:
        channels = (value,) * 3
    else:
        h = 0.0 if hue == 36000 else hue / 6000
        s, v = saturation / _FULL, value / _FULL
        i, f = int(h), h - int(h)
        p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
        r, g, b = ((v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q))[i % 6]
        channels = tuple(round(c * _FULL) for c in (r, g, b))
    return "#" + "".join(f"{(c + 128 - ((c + 128) >> 8)) >> 8:02X}" for c in channels)
