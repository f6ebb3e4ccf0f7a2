"""The primitives the layout hands to the canvas and the PDF: rounded link corners, arrowheads, the
emotion curve through its points, and card frames and markers in their colours."""

import math

import pytest

from cjm_designer.io import load
from cjm_designer.layout import CardBox, EmotionCurve, LinkPath, Marker, Point, Rect, TextLine, compute_layout, palette
from cjm_designer.layout import drawing as D
from cjm_designer.layout.boxes import CardFace
from cjm_designer.paths import templates_dir


def card(markers=(), lines=(), fill="#E3F2FD", compact=False) -> CardBox:
    face = CardFace(80, None, built=(tuple(lines), tuple(markers)))
    return CardBox("c", "s", "l", 0, Rect(100, 200, 184, 80), face, fill, compact)


def cubic_at(start: Point, cubic: D.Cubic, t: float) -> Point:
    points = (start, cubic.c1, cubic.c2, cubic.to)
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3)
    return Point(sum(w * p.x for w, p in zip(weights, points)), sum(w * p.y for w, p in zip(weights, points)))


# -- the grid -------------------------------------------------------------------------------------

def test_headers_are_outlined_a_shade_darker_than_their_fill_and_cells_in_the_grid_colour():
    rect = Rect(24, 80, 212, 90)
    assert D.header_box(rect, "#E3F2FD") == D.Box(rect, "#E3F2FD", D.Stroke(palette.darker("#E3F2FD", 125), D.HAIRLINE))
    assert D.cell_box(rect, "#FAFAFA") == D.Box(rect, "#FAFAFA", D.Stroke(palette.GRID, D.HAIRLINE))


# -- links ------------------------------------------------------------------------------------------

def test_a_corner_is_rounded_with_radius_six_between_long_sides():
    commands = D.rounded_polyline((Point(0, 0), Point(100, 0), Point(100, 50)))
    move, line, corner, last = commands
    assert move == D.Move(Point(0, 0)) and last == D.Line(Point(100, 50))
    assert line == D.Line(Point(94, 0)) and corner.to == Point(100, 6)
    middle = cubic_at(line.to, corner, 0.5)  # the quadratic through the corner: a quarter of the way in
    assert middle == pytest.approx(Point(100 - 1.5, 1.5))


def test_a_corner_between_short_sides_takes_half_the_shorter_side():
    commands = D.rounded_polyline((Point(0, 0), Point(4, 0), Point(4, 20), Point(30, 20)))
    assert commands[1].to == Point(2, 0) and commands[2].to == Point(4, 2)
    assert commands[3].to == Point(4, 14) and commands[4].to == Point(10, 20)  # long sides: radius 6


def test_a_straight_link_has_no_corner():
    assert D.rounded_polyline((Point(0, 0), Point(50, 0))) == (D.Move(Point(0, 0)), D.Line(Point(50, 0)))


def test_the_arrowhead_has_its_tip_at_the_end_and_points_along_the_last_side():
    tip, left, right = D.arrow_head(Point(0, 10), Point(40, 10))
    assert tip == Point(40, 10)
    for side in (left, right):
        assert math.dist(tip, side) == pytest.approx(D.ARROW_SIZE)
        assert side.x < tip.x
    assert left.y - 10 == pytest.approx(-(right.y - 10))  # symmetric about the line


def test_a_link_is_drawn_in_its_kinds_colour_and_dashes_with_its_label():
    path = LinkPath("k", "message", (Point(0, 0), Point(60, 0), Point(60, 40)),
                    (TextLine("Call back", 10, 20, 8.5),), Rect(5, 8, 50, 16))
    drawn = D.link_drawing(path)
    color, pattern = palette.LINK_STYLES["message"]
    assert drawn.line.stroke == D.Stroke(color, D.LINK_WIDTH, tuple(d * D.LINK_WIDTH for d in pattern))
    assert drawn.head == D.Polygon(D.arrow_head(Point(60, 0), Point(60, 40)), color)
    assert drawn.label.rect == Rect(5, 8, 50, 16) and drawn.label.stroke.color == color
    assert drawn.text == (TextLine("Call back", 10, 20, 8.5, color=palette.INK),)
    selected = drawn.recolored("#1E88E5", 2.2)
    assert {selected.line.stroke.color, selected.head.fill, selected.label.stroke.color} == {"#1E88E5"}
    assert selected.line.stroke.width == 2.2 and selected.line.commands == drawn.line.commands


def test_a_link_without_a_label_draws_no_label_box():
    path = LinkPath("k", "flow", (Point(0, 0), Point(60, 0)), (), None)
    assert [type(s) for s in D.link_drawing(path).shapes] == [D.Path, D.Polygon]


# -- emotion curves -----------------------------------------------------------------------------

def curve(points) -> EmotionCurve:
    levels = (10.0, 36.0, 62.0, 88.0, 114.0)
    return EmotionCurve("e", tuple(points), levels[2], levels, Rect(0, 0, 500, 124))


def test_the_curve_passes_through_its_points_smoothly():
    points = (Point(10, 62), Point(100, 10), Point(200, 114), Point(300, 62))
    commands = D.catmull_rom(points)
    assert commands[0] == D.Move(points[0])
    assert [c.to for c in commands[1:]] == list(points[1:])
    for before, after, point in zip(commands[1:], commands[2:], points[1:]):  # one tangent at each point
        incoming = (point.x - before.c2.x, point.y - before.c2.y)
        outgoing = (after.c1.x - point.x, after.c1.y - point.y)
        assert incoming[0] * outgoing[1] - incoming[1] * outgoing[0] == pytest.approx(0)


def test_guides_at_every_level_with_the_zero_line_dashed_and_darker():
    guides = D.curve_shapes(curve([Point(10, 62)]))  # one point: no line, only the guides
    assert [g.commands for g in guides] == [(D.Move(Point(0, y)), D.Line(Point(500, y)))
                                           for y in (10.0, 36.0, 62.0, 88.0, 114.0)]
    zero = guides[2].stroke
    assert zero.color == palette.MUTED and zero.dashes
    assert {g.stroke for i, g in enumerate(guides) if i != 2} == {D.Stroke(palette.GRID, 0.8, (0.8, 1.6))}
    line = D.curve_shapes(curve([Point(10, 62), Point(100, 10)]))[-1]
    assert line.stroke == D.Stroke(palette.CURVE, 2.0) and line.commands[-1].to == Point(100, 10)


# -- cards --------------------------------------------------------------------------------------

def kpi(met) -> Marker:
    return Marker("kpi", Rect(8, 40, 80, 12), "Conversion 30/40%", met)


@pytest.mark.parametrize("met, color", [(True, palette.KPI_MET), (False, palette.KPI_MISSED), (None, palette.MUTED)])
def test_a_kpi_marker_is_green_when_met_red_when_missed_and_muted_without_a_target(met, color):
    icon, text = D.card_drawing(card([kpi(met)]), "#FFFFFF").inside
    assert icon == D.Icon("target", Rect(108, 240, 12, 12), color)
    assert text == TextLine("Conversion 30/40%", 124, 250, 9, color=color)


def test_a_card_is_framed_in_its_fill_with_a_darker_border_and_its_lines_placed_on_the_map():
    drawn = D.card_drawing(card(lines=[TextLine("Calls", 8, 14, 10.5, bold=True), TextLine("", 8, 30, 9)]),
                           "#FFF3E0")
    assert drawn.frame == D.Box(Rect(100.5, 200.5, 183, 79), "#FFF3E0", D.Stroke(palette.card_border("#FFF3E0"), 1),
                                5.0)
    assert drawn.inside == (TextLine("Calls", 108, 214, 10.5, True, palette.INK),)  # the empty line is not drawn


def test_a_pain_marker_is_a_red_icon_and_a_red_stripe_on_the_left():
    drawn = D.card_drawing(card([Marker("pain", Rect(160, 60, 12, 12), "", None)]), "#FFFFFF")
    stripe, icon = drawn.inside
    assert stripe == D.Box(Rect(101, 204, 3, 72), palette.PAIN)
    assert icon == D.Icon("triangle-alert", Rect(260, 260, 12, 12), palette.PAIN)


def test_emotion_and_quality_are_dots():
    drawn = D.card_drawing(card([Marker("emotion", Rect(150, 60, 12, 12), "", -2),
                                 Marker("quality", Rect(8, 60, 28, 10), "", 3)]), "#FFFFFF")
    emotion, *quality = drawn.inside
    assert emotion == D.Dot(Point(256, 266), 5.5, palette.EMOTION_COLORS[-2], D.Stroke(D.DOT_EDGE, 1.0))
    assert [d.fill for d in quality] == [palette.MUTED] * 3 + [None] * 2
    assert [d.center for d in quality] == [Point(108 + i * 5.4 + 2, 266) for i in range(5)]


def test_a_point_of_the_emotion_curve_has_no_frame_and_a_hollow_dot_without_an_emotion():
    drawn = D.card_drawing(card([Marker("emotion", Rect(80, 0, 12, 12), "", None)],
                                [TextLine("Waits", 60, 30, 9)], compact=True), "#FFFFFF")
    assert drawn.frame is None
    dot, title = drawn.shapes
    assert dot.fill is None and title.text == "Waits"


def test_channel_and_device_icons_come_from_the_icon_table():
    drawn = D.card_drawing(card([Marker("channel", Rect(8, 40, 60, 12), "Phone", "phone"),
                                 Marker("channel", Rect(8, 56, 60, 12), "Pigeon", "my own"),
                                 Marker("device", Rect(160, 40, 12, 12), "", "mobile")]), "#FFFFFF")
    icons = [s.name for s in drawn.inside if isinstance(s, D.Icon)]
    assert icons == ["phone", "route", "smartphone"]


# -- on the boxes -------------------------------------------------------------------------------

def test_boxes_make_their_drawing_once_and_compare_as_before():
    layout = compute_layout(load(templates_dir() / "window-installation.en.cjm"))
    box = next(iter(layout.cards.values()))
    assert box.drawing is box.drawing and box.drawing == D.card_drawing(box, box.fill)
    link = next(iter(layout.links.values()))
    assert link.drawing is link.drawing and link.drawing.line.stroke.color == palette.LINK_STYLES[link.kind][0]
    curve_box = layout.curves[0]
    assert curve_box.shapes is curve_box.shapes
    stage = next(iter(layout.stages.values()))
    assert stage.texts[0].x == stage.lines[0].x + stage.header.x
    again = compute_layout(load(templates_dir() / "window-installation.en.cjm"))
    assert again.links == layout.links and again.curves == layout.curves  # the kept drawing is not compared
