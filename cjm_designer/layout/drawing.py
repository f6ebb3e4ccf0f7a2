"""What the map looks like (cells, headers, links, emotion curves, cards and their text, the title's
photo), as a few kinds of primitive that a backend only has to draw (no Qt, no reportlab): the canvas
and the PDF are handed the same ones, so they cannot drift apart (tests/export/test_parity.py).
Coordinates are the map's (points, y downwards); colours are `#rrggbb`.

The primitives are frozen dataclasses rather than named tuples because they are compared by type
too: a `Line` to a point is not a `Move` to it. Each has a docstring: without one, making the class
works out its signature for one (about 0.04 ms of every start a class).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import palette
from .geometry import Point, Rect, TextLine
from .icons import DEVICE_ICONS, MARKER_ICONS, channel_icon
from .text import TextStyle

if TYPE_CHECKING:
    from .boxes import CardBox, EmotionCurve, LinkPath, Marker

CORNER_RADIUS = 6.0  # of a link's rounded corners, less on short sides
ARROW_SIZE, ARROW_SPREAD = 7.0, 0.45  # length of an arrowhead's sides; half its angle (radians)
LINK_WIDTH = 1.4
CURVE_WIDTH = 2.0  # of an emotion curve's line
LABEL_ALPHA = 235 / 255  # a link's label box lets the lines under it show faintly
LEADER_WIDTH = 0.8  # of the thin line from a link to its label set apart
DOT_EDGE = "#455A64"
ICON_SIZE = 12.0
HAIRLINE = 0.0  # a stroke this wide is each backend's thinnest: a pixel on screen, half a point on paper


@dataclass(frozen=True, slots=True)
class Stroke:
    """How a line or an outline is drawn."""

    color: str
    width: float
    dashes: tuple[float, ...] = ()  # on and off lengths in points; empty for a solid line


@dataclass(frozen=True, slots=True)
class Move:
    """A path's pen lifted to `to`."""

    to: Point


@dataclass(frozen=True, slots=True)
class Line:
    """A path's straight piece to `to`."""

    to: Point


@dataclass(frozen=True, slots=True)
class Cubic:
    """A path's cubic Bézier piece to `to`, shaped by its control points `c1` and `c2`."""

    c1: Point
    c2: Point
    to: Point


@dataclass(frozen=True, slots=True)
class Path:
    """A stroked, unfilled path; it starts with a `Move`."""

    commands: tuple[Move | Line | Cubic, ...]
    stroke: Stroke


@dataclass(frozen=True, slots=True)
class Polygon:
    """A filled, unoutlined polygon (a link's arrowhead)."""

    points: tuple[Point, ...]
    fill: str


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle, its corners rounded by `radius`, filled and/or outlined."""

    rect: Rect
    fill: str | None
    stroke: Stroke | None = None
    radius: float = 0.0
    fill_alpha: float = 1.0


@dataclass(frozen=True, slots=True)
class Icon:
    """An icon drawn in `rect` in one colour."""

    name: str  # a bundled Lucide icon (layout/icons.py)
    rect: Rect
    color: str


@dataclass(frozen=True, slots=True)
class Dot:
    """A disc, filled and outlined."""

    center: Point
    radius: float
    fill: str | None  # None: hollow
    stroke: Stroke


@dataclass(frozen=True, slots=True)
class PersonaPhoto:
    """A persona's photo filling the circle in `rect` (a square), its middle showing. It names the
    persona, not pixels: each backend decodes the map's photo itself, and draws `photo_shapes` over
    it (in place of it, when it cannot be decoded)."""

    persona_id: str
    rect: Rect
    initials: str  # shown on a plain disc when the photo cannot be decoded


Shape = Path | Polygon | Box | Icon | Dot | TextLine  # a TextLine is placed on the map, its colour set
EMOTION_EDGE = Stroke(DOT_EDGE, 1.0)
QUALITY_EDGE = Stroke(palette.MUTED, 0.8)
VOTE_EDGE = Stroke(palette.darker(palette.VOTE, 130), 0.6)
DOT_STEP = 8.0  # from one of a vote's dots on a card to the next
PHOTO_EDGE = Stroke(palette.GRID, 1.0)
PHOTO_PLACEHOLDER = "#C5CAE9"  # the curve's indigo, pale: the disc behind the initials of a photo not shown


@dataclass(frozen=True, slots=True)
class LinkDrawing:
    """A link's line, arrowhead and label, kept apart so the canvas can recolour a selected link.
    Every link's `lines` (its line, head and leader) are drawn before any link's `plate` (its label's
    box and text), so that no line runs over a label."""

    line: Path
    head: Polygon
    label: Box | None
    text: tuple[TextLine, ...]
    leader: Path | None = None

    @property
    def shapes(self) -> tuple[Shape, ...]:
        return self.lines + self.plate

    @property
    def lines(self) -> tuple[Shape, ...]:
        return (self.line, self.head) + ((self.leader,) if self.leader else ())

    @property
    def plate(self) -> tuple[Shape, ...]:
        return ((self.label,) if self.label else ()) + self.text

    def recolored(self, color: str, width: float) -> LinkDrawing:
        """The same link in `color`, its line `width` wide (the canvas's selection)."""
        label = replace(self.label, stroke=replace(self.label.stroke, color=color)) if self.label else None
        leader = replace(self.leader, stroke=replace(self.leader.stroke, color=color)) if self.leader else None
        return LinkDrawing(replace(self.line, stroke=replace(self.line.stroke, color=color, width=width)),
                           replace(self.head, fill=color), label, self.text, leader)


@dataclass(frozen=True, slots=True)
class CardDrawing:
    """A card's frame (None for a point of the emotion curve) and what is drawn on it."""

    frame: Box | None
    inside: tuple[Shape, ...]

    @property
    def shapes(self) -> tuple[Shape, ...]:
        return ((self.frame,) if self.frame else ()) + self.inside


# -- the grid -------------------------------------------------------------------------------------

def cell_box(rect: Rect, fill: str) -> Box:
    return Box(rect, fill, Stroke(palette.GRID, HAIRLINE))


def header_box(rect: Rect, fill: str) -> Box:
    """A stage's or lane's header, outlined a shade darker than its fill."""
    return Box(rect, fill, Stroke(palette.darker(fill, 125), HAIRLINE))


# -- the title ------------------------------------------------------------------------------------

def photo_shapes(photo: PersonaPhoto, decoded: bool) -> tuple[Shape, ...]:
    """What is drawn over a persona's photo: its rim; or, when the photo could not be decoded, a disc
    with the persona's initials in its place."""
    r = photo.rect
    center, radius = r.center, r.w / 2
    rim = Dot(center, radius, None, PHOTO_EDGE)
    if decoded:
        return (rim,)
    style = TextStyle(round(r.w * 0.34, 1), bold=True)
    initials = TextLine(photo.initials, center.x - style.width(photo.initials) / 2, center.y + style.size * 0.35,
                        style.size, True, "#FFFFFF")
    return (Dot(center, radius, PHOTO_PLACEHOLDER, PHOTO_EDGE), initials)


# -- links ------------------------------------------------------------------------------------------

def link_stroke(kind: str) -> Stroke:
    """The line of a link of `kind` (LinkKind's value): its colour and dashes."""
    color, pattern = palette.LINK_STYLES.get(kind, palette.LINK_STYLES["flow"])
    return Stroke(color, LINK_WIDTH, tuple(d * LINK_WIDTH for d in pattern or ()))


def link_drawing(path: LinkPath) -> LinkDrawing:
    stroke = link_stroke(path.kind)
    color = stroke.color
    label = None if path.label_rect is None else Box(path.label_rect, "#FFFFFF", Stroke(color, 0.8), 3.0,
                                                     LABEL_ALPHA)
    leader = None if path.leader is None else Path((Move(path.leader[0]), Line(path.leader[1])),
                                                   Stroke(color, LEADER_WIDTH))
    return LinkDrawing(Path(rounded_polyline(path.points), stroke),
                       Polygon(arrow_head(path.points[-2], path.points[-1]), color), label,
                       texts(path.label, 0, 0), leader)


def rounded_polyline(points: tuple[Point, ...]) -> tuple[Move | Line | Cubic, ...]:
    """The polyline with each corner rounded (radius 6, or half the shorter side next to it); each
    corner's quadratic curve, its control point at the corner, written as the equal cubic."""
    commands: list[Move | Line | Cubic] = [Move(Point(*points[0]))]
    for before, corner, after in zip(points, points[1:], points[2:]):
        radius = min(CORNER_RADIUS, math.dist(before, corner) / 2, math.dist(corner, after) / 2)
        start, end = _towards(corner, before, radius), _towards(corner, after, radius)
        commands += [Line(start), Cubic(_toward_corner(start, corner), _toward_corner(end, corner), end)]
    commands.append(Line(Point(*points[-1])))
    return tuple(commands)


def arrow_head(before: Point, tip: Point) -> tuple[Point, Point, Point]:
    """The filled triangle at `tip`, pointing away from `before`."""
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    left, right = angle - ARROW_SPREAD, angle + ARROW_SPREAD
    return (Point(tip.x, tip.y),
            Point(tip.x - ARROW_SIZE * math.cos(left), tip.y - ARROW_SIZE * math.sin(left)),
            Point(tip.x - ARROW_SIZE * math.cos(right), tip.y - ARROW_SIZE * math.sin(right)))


def _toward_corner(end: Point, corner: Point) -> Point:
    """A cubic's control point that, with its twin, draws the quadratic curve through `corner`."""
    return Point(end.x + 2 / 3 * (corner.x - end.x), end.y + 2 / 3 * (corner.y - end.y))


def _towards(corner: Point, other: Point, radius: float) -> Point:
    length = math.dist(corner, other) or 1
    return Point(corner.x + (other.x - corner.x) * radius / length, corner.y + (other.y - corner.y) * radius / length)


# -- emotion curves -----------------------------------------------------------------------------

def curve_shapes(curve: EmotionCurve) -> tuple[Path, ...]:
    """The map's own curve draws the lane's dotted guides at the levels -2..+2 (the zero line dashed
    and darker), once for all its curves; each curve its smooth line in its colour."""
    row = curve.row
    guides = () if curve.persona_id is not None else tuple(
        Path((Move(Point(row.x, y)), Line(Point(row.right, y))),
             Stroke(palette.GRID, 0.8, (0.8, 1.6)) if value else Stroke(palette.MUTED, 1.0, (4.0, 2.0)))
        for value, y in zip(range(-2, 3), curve.levels))
    if len(curve.points) < 2:
        return guides
    return guides + (Path(catmull_rom(curve.points), curve_stroke(curve.color)),)


def curve_stroke(color: str) -> Stroke:
    """The line of an emotion curve in `color` (the map's own curve's, or a persona's)."""
    return Stroke(color, CURVE_WIDTH)


def curve_sample(start: Point, length: float, color: str) -> Path:
    """A straight piece of a curve in `color`, `length` long to the right of `start`: a legend's sample
    of it, stroked as the map strokes the curve."""
    return Path((Move(start), Line(Point(start.x + length, start.y))), curve_stroke(color))


def catmull_rom(points: tuple[Point, ...]) -> tuple[Move | Cubic, ...]:
    """A Catmull-Rom curve through the points, as cubic Béziers (the ends repeat their point): each
    piece from p1 to p2 shaped by the points around them, p0 and p3."""
    return (Move(Point(*points[0])),) + tuple(Cubic(c1, c2, to) for c1, c2, to in catmull_rom_pieces(points))


def catmull_rom_pieces(points: tuple[Point, ...]) -> list[tuple[Point, Point, Point]]:
    """`catmull_rom`'s pieces after its first point, each as its two control points and its end: for
    the curve captions' sampling of hundreds of pieces, which needs no `Cubic` made."""
    ends = (points[0], *points, points[-1])
    return [(Point(p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6),
             Point(p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6), Point(p2.x, p2.y))
            for p0, p1, p2, p3 in zip(ends, ends[1:], ends[2:], ends[3:])]


# -- cards --------------------------------------------------------------------------------------

def card_drawing(box: CardBox, fill: str) -> CardDrawing:
    """The card in `fill` (its own, or a heat-map colour the canvas chooses): a point of the emotion
    curve with its title, or a framed card with its text and markers."""
    x, y = box.rect.x, box.rect.y
    markers = box.markers
    if box.compact:
        return CardDrawing(None, _marker(markers[0], x, y) + texts(box.lines, x, y))
    r = box.rect
    frame = Box(Rect(x + 0.5, y + 0.5, r.w - 1, r.h - 1), fill, Stroke(palette.card_border(fill), 1.0), 5.0)
    stripe: tuple[Shape, ...] = ()
    if any(m.kind == "pain" for m in markers):
        stripe = (Box(Rect(x + 1, y + 4, 3, r.h - 8), palette.PAIN),)
    inside = stripe + texts(box.lines, x, y) + tuple(s for m in markers for s in _marker(m, x, y))
    return CardDrawing(frame, inside)


def marker_color(marker: Marker) -> str:
    """A KPI's sign is green when met and red when missed; a pain's is red; the others muted."""
    if marker.kind == "kpi" and marker.value is not None:
        return palette.KPI_MET if marker.value else palette.KPI_MISSED
    return palette.PAIN if marker.kind == "pain" else palette.MUTED


def _marker(marker: Marker, dx: float, dy: float) -> tuple[Shape, ...]:
    x, y = marker.rect.x + dx, marker.rect.y + dy
    icon = Rect(x, y, ICON_SIZE, ICON_SIZE)
    color = marker_color(marker)
    if marker.kind in ("channel", "owner", "kpi", "metrics", "variants"):
        name = channel_icon(str(marker.value)) if marker.kind == "channel" else MARKER_ICONS[marker.kind]
        text = (TextLine(marker.text, x + 16, y + 10, 9, False, color),) if marker.text else ()
        return (Icon(name, icon, color),) + text
    if marker.kind == "device":
        return (Icon(DEVICE_ICONS[str(marker.value)], icon, color),)
    if marker.kind == "pain":
        return (Icon(MARKER_ICONS["pain"], icon, color),)
    if marker.kind == "emotion":
        w = marker.rect.w
        fill = None if marker.value is None else marker.color or palette.EMOTION_COLORS[marker.value]
        return (Dot(Point(x + w / 2, y + marker.rect.h / 2), w / 2 - 0.5, fill, EMOTION_EDGE),)
    if marker.kind == "quality":
        return tuple(Dot(Point(x + i * 5.4 + 2, y + 6), 2.0, palette.MUTED if i < int(marker.value) else None,
                         QUALITY_EDGE) for i in range(5))
    if marker.kind == "votes":
        dots = tuple(Dot(Point(x + i * DOT_STEP + DOT_STEP / 2, y + 6), 3.2, palette.VOTE, VOTE_EDGE)
                     for i in range(int(marker.value)))
        return dots + (TextLine(marker.text, x + int(marker.value) * DOT_STEP + 3, y + 10, 9, True, palette.VOTE),)
    if marker.kind == "comments":
        return (Icon(MARKER_ICONS["comments"], icon, color), TextLine(marker.text, x + 15, y + 10, 9, False, color))
    raise ValueError(f"no drawing for a {marker.kind!r} marker")


def texts(lines: tuple[TextLine, ...], dx: float, dy: float, color: str = palette.INK) -> tuple[TextLine, ...]:
    """The non-empty lines moved by (dx, dy), each in its own colour or `color`."""
    return tuple(TextLine(line.text, line.x + dx, line.y + dy, line.size, line.bold, line.color or color)
                 for line in lines if line.text)
