"""A comparison of two maps drawn as one map: the later map, with the cards the earlier one had and
the later lost put back as ghosts in their old cells, laid out as any map is, and marks drawn over it:
outlines of the cards added, changed and removed, the links removed dashed red between where their
ends are drawn, an arrow from a moved card's old cell, the earlier emotion curves dashed, the change
of each stage's funnel figures at the foot of its header, of a KPI's attainment on its card, and the
summary with a legend under the title. The canvas, the PDF and the PNG draw this one result, so a
comparison on paper is the one on screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from ..model import Card, JourneyMap, LaneKind, numbers
from ..model.captions import caption, map_language
from ..model.compare import ElementDiff, MapDiff, StageFigures, Status, summary
from ..model.document import ElementKind
from ..model.plain import one_line
from . import palette
from .boxes import CardBox, EmotionCurve, MapLayout
from .drawing import Box, Dot, Line, Move, Path, Polygon, Shape, Stroke, arrow_head, catmull_rom
from .engine import compute_layout, map_width
from .geometry import Point, Rect, TextLine
from .routing import route_links
from .style import DEFAULT_STYLE, Style
from .text import TextStyle, Wraps, stack, wrap

OUTLINE = Stroke("", 2.2)  # a mark's outline; its colour is the status's
GHOST = "#FFFFFF"  # washes out a removed card drawn under it
GHOST_ALPHA = 0.62
GHOST_DASHES = (4.0, 2.5)
BEFORE_CURVE = (5.0, 3.5)  # the earlier emotion curve's dashes
MOVE_WIDTH = 1.4
NAMES = TextStyle(10.5, bold=True)
SUMMARY = TextStyle(10)
LEGEND = TextStyle(9)
NOTE = TextStyle(8.5, bold=True)
BADGE = TextStyle(8, bold=True)
SUMMARY_LINES = 2
VALUE_CHARS = 60  # a value in a tooltip is cut to this many characters
COLORS = {Status.ADDED: palette.COMPARE_ADDED, Status.CHANGED: palette.COMPARE_CHANGED,
          Status.REMOVED: palette.COMPARE_REMOVED}
WORDS = {Status.ADDED: "cmp_added", Status.CHANGED: "cmp_changed", Status.REMOVED: "cmp_removed"}  # captions


@dataclass(frozen=True)
class Mark:
    """What the comparison draws over one part of the map: its shapes, the area they cover (a sheet
    of a tiled PDF draws the marks that meet it), and what a pointer resting there is told."""

    area: Rect
    shapes: tuple[Shape, ...]
    tip: str = ""
    card_id: str = ""
    header: str = ""  # the stage or lane whose header it is drawn on: drawn with it where the view pins it


@dataclass(frozen=True)
class Comparison:
    doc: JourneyMap  # the later map with the removed cards put back (ghosts)
    style: Style  # the style laid out with: room for the notes under the title and in stage headers
    layout: MapLayout
    marks: tuple[Mark, ...]
    summary: str
    ghosts: frozenset[str]  # the removed cards drawn in their old cells


def compare_layout(diff: MapDiff, names: tuple[str, str] = ("", ""), style: Style = DEFAULT_STYLE) -> Comparison:
    """The comparison `diff` laid out for drawing; `names` are what the two maps are called (a file's
    name, a snapshot's), written above the summary when given."""
    doc, ghosts = ghost_map(diff)
    language = map_language(diff.after)
    sentence = summary(diff, language)
    notes = {figures.stage_id: _stage_notes(figures, diff, language) for figures in diff.stages}
    head = _head(names, sentence, map_width(doc, style) - 2 * style.margin)
    note_lines = max((len(lines) for lines in notes.values()), default=0)
    style = style._replace(title_note=_head_height(head) + 8,
                           stage_note=note_lines * NOTE.line_height + 4 if note_lines else 0)
    layout = compute_layout(doc, style)
    layout.curves = [_without(curve, ghosts, layout) for curve in layout.curves]
    marks = [*_head_marks(head, layout, language), *_stage_marks(notes, layout, style),
             *_header_marks(diff, layout), *_card_marks(diff, ghosts, layout, language),
             *_kpi_marks(diff, layout, language), *_link_marks(diff, layout, language),
             *_removed_links(diff, doc, layout, style, language), *_before_curves(diff, layout)]
    return Comparison(doc, style, layout, tuple(marks), sentence, ghosts)


def ghost_map(diff: MapDiff) -> tuple[JourneyMap, frozenset[str]]:
    """A copy of the later map with each removed card whose stage and lane it still has put back in
    its old cell, after the card it followed there (first in the cell when it followed none that is
    left); the maps themselves are left as they are."""
    after = diff.after
    stages, lanes = {s.id for s in after.stages}, {lane.id for lane in after.lanes}
    personas = {p.id for p in after.personas}
    removed = {found.id for found in diff.cards(Status.REMOVED)}
    kept = {card.id: (card.stage, card.lane) for card in after.cards}
    following: dict[str, list[Card]] = {}  # a card of the later map -> the ghosts right after it
    leading: dict[tuple[str, str], list[Card]] = {}  # a cell -> the ghosts before its first card
    last_kept: dict[tuple[str, str], str] = {}
    for card in diff.before.cards:
        cell = (card.stage, card.lane)
        if kept.get(card.id) == cell:  # still in this cell: a ghost after it follows it
            last_kept[cell] = card.id
        elif card.id in removed and card.stage in stages and card.lane in lanes:
            if card.persona is not None and card.persona not in personas:
                card = card.model_copy(update={"persona": None})  # its persona went too: on the map's curve
            anchor = last_kept.get(cell)
            (following.setdefault(anchor, []) if anchor else leading.setdefault(cell, [])).append(card)
    cards: list[Card] = []
    for card in after.cards:
        cards += leading.pop((card.stage, card.lane), [])
        cards.append(card)
        cards += following.pop(card.id, [])
    for ghosts in leading.values():  # cells the later map left empty
        cards += ghosts
    doc = after.model_copy(update={"cards": cards, "snapshots": [], "conflicts": []})
    return doc, frozenset(card.id for card in cards if card.id in removed)


def _card_changes(diff: MapDiff, card_id: str) -> list[str]:
    """A card's changed fields as lines "field: before → after", values on one line and cut short."""
    found = diff.of(ElementKind.CARD, card_id)
    return [] if found is None else _changes(found)


def _changes(found: ElementDiff) -> list[str]:
    return [f"{change.field}: {_value(change.before)} → {_value(change.after)}" for change in found.fields]


def _value(value: object) -> str:
    if value is None:
        return numbers.MISSING
    if isinstance(value, str):
        return f"“{one_line(value, VALUE_CHARS)}”"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return one_line(json.dumps(value, ensure_ascii=False), VALUE_CHARS)


# -- the summary above the map ----------------------------------------------------------------------

def _head(names: tuple[str, str], sentence: str, width: float) -> list[tuple[str, TextStyle]]:
    """The lines under the title: the two maps' names, the summary; the legend comes after them."""
    lines = []
    if any(names):
        lines += [(text, NAMES) for text in wrap(f"{names[0]} → {names[1]}", NAMES, width, 1)]
    lines += [(text, SUMMARY) for text in wrap(sentence, SUMMARY, width, SUMMARY_LINES)]
    return lines


def _head_height(head: list[tuple[str, TextStyle]]) -> float:
    return sum(style.line_height for _, style in head) + 4 + LEGEND.line_height


def _head_marks(head: list[tuple[str, TextStyle]], layout: MapLayout, language: str) -> list[Mark]:
    title = layout.title_rect
    top = y = title.bottom - _head_height(head)
    texts: list[Shape] = []
    for text, style in head:
        placed, y = stack([text], style, title.x, y)
        texts += [line._replace(color=palette.INK) for line in placed]
    shapes = tuple(texts) + _legend(title.x, y + 4, language)
    return [Mark(Rect(title.x, top, title.w, title.bottom - top), shapes)]


def _legend(x: float, top: float, language: str) -> tuple[Shape, ...]:
    """A swatch and a word for each mark: added, changed, removed, moved, the earlier curve."""
    shapes: list[Shape] = []
    baseline, middle = top + LEGEND.size, top + LEGEND.size * 0.62
    for status in (Status.ADDED, Status.CHANGED, Status.REMOVED):
        swatch = Rect(x, middle - 5, 16, 10)
        if status == Status.REMOVED:
            shapes += [Box(swatch, palette.GRID, None, 2.5), Box(swatch, GHOST, _stroke(COLORS[status], GHOST_DASHES),
                                                                  2.5, GHOST_ALPHA)]
        else:
            shapes.append(Box(swatch, None, _stroke(COLORS[status]), 2.5))
        x = _legend_word(shapes, caption(WORDS[status], language), x + 21, baseline)
    start, end = Point(x, middle), Point(x + 18, middle)
    shapes += [Path((Move(start), Line(end)), Stroke(palette.COMPARE_MOVED, MOVE_WIDTH)),
               Polygon(arrow_head(start, end), palette.COMPARE_MOVED)]
    x = _legend_word(shapes, caption("cmp_moved", language), x + 23, baseline)
    shapes.append(Path((Move(Point(x, middle)), Line(Point(x + 22, middle))), Stroke(palette.CURVE, 1.6, BEFORE_CURVE)))
    _legend_word(shapes, caption("cmp_curve_before", language), x + 27, baseline)
    return tuple(shapes)


def _legend_word(shapes: list[Shape], word: str, x: float, baseline: float) -> float:
    shapes.append(TextLine(word, x, baseline, LEGEND.size, False, palette.MUTED))
    return x + LEGEND.width(word) + 16


def _stroke(color: str, dashes: tuple[float, ...] = ()) -> Stroke:
    return replace(OUTLINE, color=color, dashes=dashes)


# -- the stage headers: funnel figures and stage KPIs before → after ---------------------------------

def _stage_notes(figures: StageFigures, diff: MapDiff, language: str) -> list[tuple[str, str]]:
    """The lines at the foot of a stage's header, each with its colour (green better, red worse)."""
    lines = []
    before, after = figures.entering_before, figures.entering_after
    if before != after:
        shown = numbers.count(after, language)
        if before is not None and after is not None:
            shown += f" ({_signed(after - before, language)})"
        lines.append((caption("cmp_entered", language).format(before=numbers.count(before, language), after=shown),
                      _better(before, after)))
    before, after = figures.conversion_before, figures.conversion_after
    if before != after:
        lines.append((caption("cmp_going_on", language).format(before=_percent(before, language),
                                                                 after=_percent(after, language)),
                      _better(before, after)))
    for kpi in diff.kpis:
        if kpi.kind == ElementKind.STAGE and kpi.id == figures.stage_id:
            lines.append((_kpi_text(kpi.attainment_before, kpi.attainment_after, language),
                          _better(kpi.attainment_before, kpi.attainment_after)))
    return lines


def _stage_marks(notes: dict[str, list[tuple[str, str]]], layout: MapLayout, style: Style) -> list[Mark]:
    """Each stage's notes in the room left at the foot of its header, below every header's own text."""
    marks = []
    for stage_id, lines in notes.items():
        box = layout.stages.get(stage_id)
        if box is None or not lines:
            continue
        header, pad = box.header, style.cell_padding
        top = header.bottom - pad - style.stage_note + 4
        texts = [TextLine(wrap(text, NOTE, header.w - 2 * pad, 1)[0], header.x + pad,
                          top + NOTE.size + i * NOTE.line_height, NOTE.size, True, color)
                 for i, (text, color) in enumerate(lines)]
        marks.append(Mark(Rect(header.x, top, header.w, header.bottom - top), tuple(texts), header=stage_id))
    return marks


def _kpi_text(before: float | None, after: float | None, language: str) -> str:
    return caption("cmp_kpi", language).format(before=_percent(before, language), after=_percent(after, language))


def _percent(value: float | None, language: str) -> str:
    """A figure in per cent, as the funnel and KPIs of `compare` give them."""
    return numbers.percent(None if value is None else value / 100, language)


def _signed(delta: int, language: str) -> str:
    return ("+" if delta > 0 else "−") + numbers.count(abs(delta), language)


def _better(before: float | None, after: float | None) -> str:
    if before is None or after is None or before == after:
        return palette.MUTED
    return palette.KPI_MET if after > before else palette.KPI_MISSED


# -- stage and lane headers added or changed ------------------------------------------------------

def _header_marks(diff: MapDiff, layout: MapLayout) -> list[Mark]:
    marks = []
    for found in diff.elements:
        if found.status not in (Status.ADDED, Status.CHANGED):
            continue
        if found.kind == ElementKind.STAGE and found.id in layout.stages:
            rect = layout.stages[found.id].header
        elif found.kind == ElementKind.LANE and found.id in layout.lanes:
            rect = layout.lanes[found.id].header
        else:
            continue
        inset = Rect(rect.x + 1.5, rect.y + 1.5, rect.w - 3, rect.h - 3)
        tip = "\n".join(_changes(found))
        marks.append(Mark(rect, (Box(inset, None, _stroke(COLORS[found.status]), 3.0),), tip, header=found.id))
    return marks


# -- cards: added, changed, removed, moved -----------------------------------------------------------

def _card_marks(diff: MapDiff, ghosts: frozenset[str], layout: MapLayout, language: str) -> list[Mark]:
    marks = []
    for found in diff.elements:
        if found.kind != ElementKind.CARD:
            continue
        box = layout.cards.get(found.id)
        if box is None:
            continue
        tip = _card_tip(diff, found, language)
        if found.status == Status.REMOVED and found.id in ghosts:
            marks.append(Mark(box.rect, _ghost(box), tip, found.id))
        elif found.status in (Status.ADDED, Status.CHANGED):
            marks.append(Mark(_around(box.rect, 3), _outline(box, COLORS[found.status]), tip, found.id))
        if found.moved_from is not None:
            marks += _moved(found, box, layout, tip)
    return marks


def _card_tip(diff: MapDiff, found: ElementDiff, language: str) -> str:
    """The card's title, then what happened to it: the status, where it moved from, each changed field."""
    card = (diff.before if found.status == Status.REMOVED else diff.after).card(found.id)
    lines = [one_line(card.title or card.id, 80)]
    if found.status != Status.SAME:
        lines.append(_first_upper(caption(WORDS[found.status], language)))
    if found.moved_from is not None:
        stage, lane = found.moved_from
        lines.append(_first_upper(caption("cmp_moved_from", language).format(
            stage=one_line(_name(diff.before.stages, stage), 40), lane=one_line(_name(diff.before.lanes, lane), 40))))
    return "\n".join(lines + _card_changes(diff, found.id))


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name(parts: list, part_id: str) -> str:
    return next((part.name for part in parts if part.id == part_id), part_id)


def _outline(box: CardBox, color: str) -> tuple[Shape, ...]:
    """An outline around a framed card, or a ring around an emotion point's dot."""
    if box.compact:
        center, radius = _dot(box)
        return (Dot(center, radius + 3.5, None, _stroke(color)),)
    return (Box(_around(box.rect, 2.5), None, _stroke(color), 7.0),)


def _ghost(box: CardBox) -> tuple[Shape, ...]:
    """A removed card washed out and outlined in dashed red (an emotion point: its dot ringed too)."""
    red = _stroke(palette.COMPARE_REMOVED, GHOST_DASHES)
    wash = Box(box.rect, GHOST, None if box.compact else red, 5.0, GHOST_ALPHA)
    if box.compact:
        center, radius = _dot(box)
        return wash, Dot(center, radius + 3.5, None, _stroke(palette.COMPARE_REMOVED))  # dots are never dashed
    return (wash,)


def _moved(found: ElementDiff, box: CardBox, layout: MapLayout, tip: str) -> list[Mark]:
    """A small arrow from the middle of the card's old cell (if the map still has it) to the card's
    edge; a card that only moved is outlined too, the outline telling where it came from."""
    marks = []
    if found.status == Status.SAME:
        marks.append(Mark(_around(box.rect, 3), _outline(box, palette.COMPARE_MOVED), tip, found.id))
    cell = layout.cells.get(found.moved_from)
    if cell is None:
        return marks
    start = cell.center
    end = _edge(box.rect if not box.compact else Rect(*_dot_rect(box)), start)
    stroke = Stroke(palette.COMPARE_MOVED, MOVE_WIDTH, (4.0, 2.5))
    shapes = (Dot(start, 3.0, palette.COMPARE_MOVED, Stroke(palette.COMPARE_MOVED, 0.8)),
              Path((Move(start), Line(end)), stroke), Polygon(arrow_head(start, end), palette.COMPARE_MOVED))
    left, top = min(start.x, end.x) - 8, min(start.y, end.y) - 8
    area = Rect(left, top, max(start.x, end.x) + 8 - left, max(start.y, end.y) + 8 - top)
    return marks + [Mark(area, shapes, card_id=found.id)]  # no tip: the arrow's area spans other cards


def _edge(rect: Rect, toward: Point) -> Point:
    """Where the line from `rect`'s centre to `toward` leaves it (its centre when `toward` is inside)."""
    c = rect.center
    dx, dy = toward.x - c.x, toward.y - c.y
    scales = [rect.w / 2 / abs(dx) if dx else float("inf"), rect.h / 2 / abs(dy) if dy else float("inf")]
    t = min(scales)
    if t >= 1:
        return c
    return Point(c.x + dx * t, c.y + dy * t)


def _dot(box: CardBox) -> tuple[Point, float]:
    x, y, w, h = _dot_rect(box)
    return Point(x + w / 2, y + h / 2), w / 2


def _dot_rect(box: CardBox) -> tuple[float, float, float, float]:
    dot = box.markers[0].rect
    return box.rect.x + dot.x, box.rect.y + dot.y, dot.w, dot.h


def _around(rect: Rect, by: float) -> Rect:
    return Rect(rect.x - by, rect.y - by, rect.w + 2 * by, rect.h + 2 * by)


# -- links added or changed -----------------------------------------------------------------------

def _link_marks(diff: MapDiff, layout: MapLayout, language: str) -> list[Mark]:
    """A link added or changed drawn again over itself, solid and in its status's colour, its label on top."""
    marks = []
    for found in diff.elements:
        path = layout.links.get(found.id) if found.kind == ElementKind.LINK else None
        if path is None or found.status not in (Status.ADDED, Status.CHANGED):
            continue
        label = diff.after.link(found.id).label
        lines = ([one_line(label, 80)] if label else []) + [_first_upper(caption(WORDS[found.status], language))]
        tip = "\n".join(lines + _changes(found))
        drawn = path.drawing.recolored(COLORS[found.status], 2.4)
        line = replace(drawn.line, stroke=replace(drawn.line.stroke, dashes=()))  # solid: set apart from its kind
        marks.append(Mark(path.bounds(), (line,) + drawn.shapes[1:], tip))
    return marks


def _removed_links(diff: MapDiff, doc: JourneyMap, layout: MapLayout, style: Style, language: str) -> list[Mark]:
    """Each link removed whose two ends are on the drawing (a card kept, where it is now; a removed one,
    where its ghost is) drawn again between them, dashed red as a ghost card is, its label on top. They are
    routed after the map's own links, which come out as the layout has them, so they run beside those."""
    removed = [diff.before.link(found.id) for found in diff.elements
               if found.kind == ElementKind.LINK and found.status == Status.REMOVED]
    removed = [link for link in removed if link.source in layout.cards and link.target in layout.cards]
    if not removed:
        return []
    paths, _ = route_links([*doc.links, *removed], layout, style, Wraps())
    red, marks = palette.COMPARE_REMOVED, []
    titles = {card.id: card.title or card.id for card in (*diff.before.cards, *diff.after.cards)}
    for link in removed:
        path = paths[link.id]
        drawn = path.drawing.recolored(red, 1.6)
        line = replace(drawn.line, stroke=replace(drawn.line.stroke, dashes=GHOST_DASHES))
        text = tuple(t._replace(color=red) for t in drawn.text)
        ends = " → ".join(one_line(titles[card_id], 40) for card_id in (link.source, link.target))
        lines = ([one_line(link.label, 80)] if link.label else []) + [
            _first_upper(caption(WORDS[Status.REMOVED], language)), ends]
        shapes = (line, *drawn.lines[1:], *((drawn.label,) if drawn.label else ()), *text)
        marks.append(Mark(path.bounds(), shapes, "\n".join(lines)))
    return marks


# -- KPIs on cards ---------------------------------------------------------------------------------

def _kpi_marks(diff: MapDiff, layout: MapLayout, language: str) -> list[Mark]:
    """A badge on the top edge of each card whose KPI's attainment changed: "KPI 60% → 85%"."""
    marks = []
    for kpi in diff.kpis:
        box = layout.cards.get(kpi.id) if kpi.kind == ElementKind.CARD else None
        if box is None or box.compact:
            continue
        text = _kpi_text(kpi.attainment_before, kpi.attainment_after, language)
        color = _better(kpi.attainment_before, kpi.attainment_after)
        width = BADGE.width(text) + 10
        rect = Rect(max(box.rect.right - width - 8, box.rect.x + 4), box.rect.y - 7, width, 13)
        shapes = (Box(rect, "#FFFFFF", Stroke(color, 1.0), 6.5),
                  TextLine(text, rect.x + 5, rect.y + 9.6, BADGE.size, True, color))
        marks.append(Mark(rect, shapes, card_id=kpi.id))
    return marks


# -- emotion curves: the later one without the ghosts, the earlier one dashed --------------------------

def _without(curve: EmotionCurve, ghosts: frozenset[str], layout: MapLayout) -> EmotionCurve:
    """The curve without the points of removed cards: those belong to the earlier curve."""
    dots = {_dot(layout.cards[card_id])[0] for card_id in ghosts
            if layout.cards[card_id].compact and layout.cards[card_id].lane_id == curve.lane_id}
    points = tuple(point for point in curve.points if point not in dots)
    if len(points) == len(curve.points):
        return curve
    return replace(curve, points=points, card_ids=tuple(card_id for card_id in curve.card_ids if card_id not in ghosts))


def _before_curves(diff: MapDiff, layout: MapLayout) -> list[Mark]:
    """The earlier map's emotion curves, dashed, through its points placed in the later map's rows
    and columns: a card still in its cell where its dot is now, any other in the middle of its old
    stage, at the height of its earlier emotion."""
    colors = {**palette.persona_colors(diff.before.personas), **{c.persona_id: c.color for c in layout.curves}}
    marks = []
    for lane in diff.before.lanes:
        row = layout.lanes.get(lane.id)
        curve = next((c for c in layout.curves if c.lane_id == lane.id), None)
        if lane.kind != LaneKind.EMOTIONS or row is None or row.kind != LaneKind.EMOTIONS or curve is None:
            continue
        by_persona: dict[str | None, list[Point]] = {}
        for card in diff.before.cards:
            if card.lane != lane.id or card.emotion is None or card.stage not in layout.stages:
                continue
            box = layout.cards.get(card.id)
            if box is not None and box.compact and (box.stage_id, box.lane_id) == (card.stage, card.lane):
                x = _dot(box)[0].x
            else:
                x = layout.stages[card.stage].column.center.x
            by_persona.setdefault(card.persona, []).append(Point(x, curve.levels[card.emotion + 2]))
        for persona, points in by_persona.items():
            if len(points) < 2:
                continue
            points.sort(key=lambda point: point.x)
            stroke = Stroke(colors.get(persona, palette.CURVE), 1.6, BEFORE_CURVE)
            marks.append(Mark(curve.row, (Path(catmull_rom(tuple(points)), stroke),)))
    return marks
