"""The layout engine: a pure function from a map to the rectangles and text lines of every part.

The canvas and the PDF export both draw what this returns, so the map on paper is the map on screen.
Cells grow to fit their cards: cards flow into as many columns as the stage's width holds and share
that width, a lane is as tall as its fullest cell, and widths and heights set by the user are
minimums. After an edit of fields of cards, links, stages or lanes alone, or cards added, removed or
moved, `relayout_cards` lays out again only the cells holding those cards (or that they left), the
rows of those lanes (and the lanes below, when a lane's height changes) and the headers of the
stages, sharing every other box with the last layout.
Above the grid stands the title, beside it the photo of the first persona that has one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from ..bulk import collector_paused
from ..model import Card, JourneyMap, Lane, LaneKind, numbers
from ..model.analytics import Funnel, funnel
from ..model.captions import caption, map_language
from ..model.vocab import LANE_KIND_LABELS, label
from . import palette
from .boxes import CardBox, EmotionCurve, LaneBox, LinkPath, MapLayout, StageBox
from .card_face import CardFaces, point_face
from .curve_captions import caption_room, captions_off_curve
from .drawing import PersonaPhoto, Shape
from .geometry import Rect, TextLine
from .link_labels import grid_edges
from .memo import LastLayout, LayoutMemo
from .palette import LANE_FILL
from .persona_curves import curve_groups, curve_legend, lane_curves
from .routing import route_links
from .style import DEFAULT_STYLE, Style
from .text import Wraps, stack


def compute_layout(doc: JourneyMap, style: Style = DEFAULT_STYLE, memo: LayoutMemo | None = None,
                   stage_widths: Mapping[str, float] | None = None) -> MapLayout:
    """The layout of `doc`. With the caller's `memo`, what it measured and routed before for the same
    content is reused; without one, everything is measured afresh. `stage_widths` lays out the stages
    it names at those widths instead of their own (a header drag's preview of a resize)."""
    with collector_paused():
        return _layout(doc, style, memo if memo is not None else LayoutMemo(), stage_widths or {})


class Relaid:
    """A layout and what differs in it from the memo's layout before: the cards, cells, lanes, stages
    and links whose boxes are new, the lanes whose emotion curves are new or gone, and the cards and
    links laid out before that are gone (every other box is the same object). `full`: the whole map was
    laid out afresh, and anything may differ. (A plain class: its class is made at every start, and a
    dataclass's compiles each of its methods, 0.5 ms.)"""

    __slots__ = ("layout", "full", "cards", "cells", "lanes", "stages", "links", "curves", "gone")

    def __init__(self, layout: MapLayout, full: bool = True):
        self.layout, self.full = layout, full
        self.cards: set[str] = set()
        self.cells: set[tuple[str, str]] = set()
        self.lanes: set[str] = set()
        self.stages: set[str] = set()
        self.links: set[str] = set()
        self.curves: set[str] = set()
        self.gone: set[str] = set()


def relayout_cards(doc: JourneyMap, card_ids: Iterable[str], style: Style, memo: LayoutMemo,
                   link_ids: Iterable[str] = (), stage_ids: Iterable[str] = (), lane_ids: Iterable[str] = (),
                   structure: bool = False) -> Relaid:
    """The layout of `doc` when only fields of the cards `card_ids`, the links `link_ids`, the stages
    `stage_ids` and the lanes `lane_ids` changed since `memo`'s last layout of it: the cards' cells and
    the lanes' rows (header and cells: a lane's kind fills and shapes its cards) are laid out again,
    and the lanes below when a lane's height changes; the stages' headers are laid out again (all of
    them: a stage's funnel figure is in its neighbour's header too); links are routed again only when a
    card or a lane moved or changed size, or a link itself changed (the links routed before and the
    labels no change reaches are kept, as `routing.route_links` keeps them). With `structure`, the
    cards of `card_ids` may also have appeared, gone, or moved to another cell or place in theirs, and
    links may have appeared or gone (ids of no card, before or now, are let be: a link's that came with
    them): the cells they left and entered are laid out again, and every link is routed as
    `routing.route_links` routes links that came or went. When the memo's last layout is not of this
    document, style and language, a card is in another cell (without `structure`), a card's id is
    another card's now, or a stage's width or the headers' height changed (which moves the whole grid),
    the whole map is laid out (`full`)."""
    with collector_paused():
        relaid = _relaid(doc, set(card_ids), set(link_ids), set(stage_ids), set(lane_ids), structure, style, memo)
        return relaid if relaid is not None else Relaid(_layout(doc, style, memo, {}))


def _layout(doc: JourneyMap, style: Style, memo: LayoutMemo, stage_widths: Mapping[str, float]) -> MapLayout:
    language = map_language(doc)
    memo.begin(style, language)
    fresh = memo.last is None  # (the memo then holds no face but those this layout measures)
    widths = _stage_widths(doc, style, stage_widths)
    grid_width = sum(widths)
    total_width = 2 * style.margin + style.lane_header_width + max(grid_width, style.stage_min_width)

    title_lines, title_height, photo = _title(doc, style, total_width - 2 * style.margin, memo.wraps)
    title_rect = Rect(style.margin, style.margin, total_width - 2 * style.margin, title_height + style.title_note)
    headers = _stage_headers(doc, widths, style, memo.wraps, language)
    header_height = max([h for _, h in headers], default=0)

    cells: dict[tuple[str, str], list[Card]] = {}
    for card in doc.cards:
        cells.setdefault((card.stage, card.lane), []).append(card)

    if photo is not None:
        photo = replace(photo, rect=photo.rect.moved(title_rect.x, title_rect.y))
    result = MapLayout(total_width, 0, title_rect, title_lines, photo, language, gutter_room=style.cell_padding)
    grid_top = title_rect.bottom + 12 + header_height
    _place_stages(doc, result, widths, headers, grid_top, header_height, style)

    last = LastLayout(doc, result, widths, grid_top, total_width, {}, {card.id: card for card in doc.cards})
    stage_ids = [stage.id for stage in doc.stages]
    curves: dict[str, tuple[EmotionCurve, ...]] = {}
    faces = CardFaces(style, language, memo)
    y = grid_top
    for lane_index, lane in enumerate(doc.lanes):
        _place_cells(last, lane, y, stage_ids, lambda stage_id, lane_id=lane.id: cells.get((stage_id, lane_id), []),
                     style, faces, memo.wraps)
        y += _place_row(last, lane, lane_index, y, curves, style, language, memo.wraps)
    _finish(last, y, curves, style)
    before = memo.last.layout if memo.last is not None else None
    if before is None or (list(before.stages), list(before.lanes)) != (stage_ids, list(result.lanes)):
        memo.routes, memo.reads = {}, {}  # other cells: what routes read is not comparable
    moved = [] if before is None else _moved(before, result, before.cards.keys() | result.cards.keys()) + \
        _edges_moved(before, result)
    result.links = _routes(doc, result, memo, moved)
    _widen_for_labels(last, style)
    if not fresh:
        memo.keep_faces(result)
    memo.last = last
    return result


def _relaid(doc: JourneyMap, card_ids: set[str], link_ids: set[str], stage_ids: set[str], lane_ids: set[str],
            structure: bool, style: Style, memo: LayoutMemo) -> Relaid | None:
    """`relayout_cards`, or None when the memo's last layout cannot be reused."""
    last = memo.last
    if (last is None or last.doc is not doc or style is not memo.style or map_language(doc) != memo.language
            or _stage_widths(doc, style, {}) != last.widths):  # a stage resized, or its resize previewed
        return None
    old = last.layout
    if (([stage.id for stage in doc.stages], [lane.id for lane in doc.lanes]) != (list(old.stages), list(old.lanes))
            or not (link_ids <= old.links.keys() and stage_ids <= old.stages.keys() and lane_ids <= old.lanes.keys())):
        return None
    cards = _cards_now(doc, card_ids, last) if structure else _cards_kept(doc, card_ids, last)
    if cards is None:
        return None
    by_id, listed, gone = cards
    dirty: dict[str, set[str]] = {}  # lane id -> the stages of its cells to lay out again
    for stage_id, lane_id in listed:
        dirty.setdefault(lane_id, set()).add(stage_id)

    result = replace(old, stages=dict(old.stages), lanes=dict(old.lanes), cells=dict(old.cells), cards=dict(old.cards),
                     links=dict(old.links), curves=list(old.curves), cell_cards=dict(old.cell_cards), _tops={},
                     _edges=None)
    for card_id in gone:
        del result.cards[card_id]
    now = LastLayout(doc, result, last.widths, last.grid_top, last.width, dict(last.heights), by_id)
    if stage_ids:
        headers = _stage_headers(doc, last.widths, style, memo.wraps, memo.language)
        header_height = max(h for _, h in headers)
        if header_height != next(iter(old.stages.values())).header.h:
            return None  # the grid moves up or down: everything does
        _place_stages(doc, result, last.widths, headers, last.grid_top, header_height, style)
    old_curves = old.curves_by_lane()
    curves = dict(old_curves)
    relaid = Relaid(result, full=False)
    all_stages = list(old.stages)
    faces = CardFaces(style, memo.language, memo)
    y = last.grid_top
    for lane_index, lane in enumerate(doc.lanes):
        row = old.lanes[lane.id].row
        whole = (y != row.y or lane.id in lane_ids  # moved, or its name, kind or height changed
                 or (lane.id in dirty and lane.kind == LaneKind.EMOTIONS))  # (a point's caption minds its neighbours)
        columns = all_stages if whole else [s for s in all_stages if s in dirty.get(lane.id, ())]
        if not columns:
            y += row.h
            continue
        _place_cells(now, lane, y, columns, lambda stage_id, lane_id=lane.id: _cards_of(
            (stage_id, lane_id), listed, old, by_id), style, faces, memo.wraps)
        y += _place_row(now, lane, lane_index, y, curves, style, memo.language, memo.wraps)
        relaid.cards.update(_shared(result.cards, old.cards, [card_id for stage_id in columns
                                                               for card_id in result.cell_cards[(stage_id, lane.id)]]))
        relaid.cells.update(_shared(result.cells, old.cells, [(stage_id, lane.id) for stage_id in all_stages]))
        relaid.lanes.update(_shared(result.lanes, old.lanes, [lane.id]))
    _finish(now, y, curves, style)
    relaid.stages.update(_shared(result.stages, old.stages, all_stages))
    relaid.curves.update(lane_id for lane_id in curves.keys() | old_curves.keys()
                         if curves.get(lane_id) != old_curves.get(lane_id))
    moved = _moved(old, result, relaid.cards.union(gone)) + _edges_moved(old, result)
    rows = [lane_id for lane_id in relaid.lanes if result.lanes[lane_id].row != old.lanes[lane_id].row]
    if moved or link_ids or rows or structure:  # (a link's route reads its target's row: `routing._ends`)
        result.links = _routes(doc, result, memo, moved)
        relaid.links.update(_shared(result.links, old.links, list(result.links)))
        relaid.gone.update(link_id for link_id in old.links if link_id not in result.links)
    relaid.gone.update(gone)
    _widen_for_labels(now, style)
    if len(memo.faces) > 2 * len(result.cards) + 64:
        memo.keep_faces(result)
    memo.last = now
    return relaid


def _cards_kept(doc: JourneyMap, card_ids: set[str], last: LastLayout
                ) -> tuple[dict[str, Card], dict[tuple[str, str], list[Card]], list[str]] | None:
    """After an edit of fields: the document's cards by id (the same objects as before), the cells of
    `card_ids` with their cards (as before), and no card gone; None when a card came, went or is in
    another cell."""
    old, by_id = last.layout, last.cards
    if (len(doc.cards), len(doc.links)) != (len(old.cards), len(old.links)):
        return None
    cells: dict[tuple[str, str], list[Card]] = {}
    for card_id in card_ids:
        card, box = by_id.get(card_id), old.cards.get(card_id)
        if card is None or box is None or (card.stage, card.lane) != (box.stage_id, box.lane_id):
            return None
        cell = (card.stage, card.lane)
        cells[cell] = _cards_of(cell, {}, old, by_id)
    return by_id, cells, []


def _cards_of(cell: tuple[str, str], listed: Mapping[tuple[str, str], list[Card]], old: MapLayout,
              by_id: Mapping[str, Card]) -> list[Card]:
    """A cell's cards: as `listed`, else as in the `old` layout."""
    return listed[cell] if cell in listed else [by_id[card_id] for card_id in old.cell_cards[cell]]


def _cards_now(doc: JourneyMap, card_ids: set[str], last: LastLayout
               ) -> tuple[dict[str, Card], dict[tuple[str, str], list[Card]], list[str]] | None:
    """After cards of `card_ids` appeared, went or moved: the document's cards by id, the cells they
    left and entered with their cards now, in the document's order, and the cards gone; None when a
    card's id is another card's now, or a card came or went unnamed. (Two passes over the document's
    cards, a fraction of a millisecond at 5,000 cards: its order is the cells' order, and nothing
    indexes it.)"""
    old = last.layout
    found = {card.id: card for card in doc.cards if card.id in card_ids}
    by_id = dict(last.cards)
    cells: dict[tuple[str, str], list[Card]] = {}
    gone = []
    for card_id in card_ids:
        card, box = found.get(card_id), old.cards.get(card_id)
        if box is not None:
            cells[(box.stage_id, box.lane_id)] = []
            if card is None:
                gone.append(card_id)
                del by_id[card_id]
            elif card is not by_id[card_id]:
                return None  # an id reused: what was read of the card before is not this card's
        if card is not None:
            cells[(card.stage, card.lane)] = []
            by_id[card_id] = card
    if len(by_id) != len(doc.cards):
        return None
    for card in doc.cards:
        cell = cells.get((card.stage, card.lane))
        if cell is not None:
            cell.append(card)
    return by_id, cells, gone


def _stage_widths(doc: JourneyMap, style: Style, given: Mapping[str, float]) -> list[float]:
    """Each stage's width: the one `given` for it, else its own, and at least what holds a card."""
    narrowest = narrowest_stage(style)
    return [max(given.get(stage.id, stage.width) or style.stage_min_width, narrowest) for stage in doc.stages]


def narrowest_stage(style: Style) -> float:
    """The least a stage is laid out: as wide as a card and the cell's padding (a header drag's preview
    stops there too)."""
    return style.card_width + 2 * style.cell_padding


def _shared(new: dict, old: dict, keys: list) -> list:
    """The `keys` whose value in `new` differs from `old`'s (or that `old` lacks); for the others `new`
    takes `old`'s own value, so that unchanged boxes stay the same objects."""
    changed = []
    for key in keys:
        if key in old and new[key] == old[key]:
            new[key] = old[key]
        else:
            changed.append(key)
    return changed


def _stage_headers(doc: JourneyMap, widths: list[float], style: Style, wraps: Wraps, language: str
                   ) -> list[tuple[tuple[TextLine, ...], float]]:
    """Each stage's header lines at its width, and how tall they stand."""
    flow = funnel(doc)
    return [_stage_header(stage, width, style, wraps, _funnel_line(flow, stage.id, language))
            for stage, width in zip(doc.stages, widths)]


def _place_stages(doc: JourneyMap, layout: MapLayout, widths: list[float],
                  headers: list[tuple[tuple[TextLine, ...], float]], grid_top: float, header_height: float,
                  style: Style) -> None:
    """The stages' headers side by side above `grid_top`, `header_height` tall, and their columns
    (as tall as the grid once `_finish` knows it)."""
    x = style.margin + style.lane_header_width
    for index, (stage, width, (lines, _)) in enumerate(zip(doc.stages, widths, headers)):
        layout.stages[stage.id] = StageBox(stage.id, index, Rect(x, grid_top - header_height, width, header_height),
                                           Rect(x, grid_top, width, 0), lines, stage.color or palette.STAGE_DEFAULT,
                                           stage.name)
        x += width


def _place_cells(last: LastLayout, lane: Lane, y: float, stage_ids: list[str],
                 cards_of: Callable[[str], list[Card]], style: Style, faces: CardFaces, wraps: Wraps) -> None:
    """Lay out the cards of `lane`'s cells in the stages `stage_ids` (in their order), the lane's top
    at `y`, and note how tall each cell's cards stand."""
    layout = last.layout
    fill = LANE_FILL[lane.kind]
    compact = lane.kind == LaneKind.EMOTIONS
    colors = palette.persona_colors(last.doc.personas) if compact else {}
    dots = last.doc.votes[-1].counts if last.doc.votes else {}  # the latest vote's, as the cards show them
    for stage_id in stage_ids:
        column = layout.stages[stage_id].column
        if compact:
            boxes, height = _compact_cell(cards_of(stage_id), column.w, style, column.x, y, fill, colors, wraps)
        else:
            boxes, height = _cell(cards_of(stage_id), column.w, style, column.x, y, fill, faces, dots)
        last.heights[(stage_id, lane.id)] = height
        card_ids = layout.cell_cards[(stage_id, lane.id)] = [box.card_id for box in boxes]
        layout.cards.update(zip(card_ids, boxes))


def _place_row(last: LastLayout, lane: Lane, index: int, y: float, curves: dict[str, tuple[EmotionCurve, ...]],
               style: Style, language: str, wraps: Wraps) -> float:
    """The lane's header and cells at `y`, as tall as its fullest cell (its cards laid out already),
    and an emotions lane's curves, with their legend in the header; returns the lane's height."""
    layout, doc = last.layout, last.doc
    compact = lane.kind == LaneKind.EMOTIONS
    height = max([lane.height or style.lane_min_height] + [last.heights[(stage_id, lane.id)]
                                                           for stage_id in layout.stages])
    lines, bottom = _lane_header(lane.name, lane.kind, language, style, wraps)
    legend: tuple[Shape, ...] = ()
    if compact:
        colors = palette.persona_colors(doc.personas)
        points = [layout.cards[card_id] for stage_id in layout.stages
                  for card_id in layout.cell_cards.get((stage_id, lane.id), ())]
        groups = curve_groups(points, last.cards, colors)
        groups = dict(zip(groups, captions_off_curve(list(groups.values()), style)))
        for boxes in groups.values():
            for box in boxes:
                layout.cards[box.card_id] = box
        legend, bottom = curve_legend(groups, colors, doc.personas, Rect(style.margin, y, style.lane_header_width, 0),
                                      bottom, style, language)
        height = max(height, _emotion_band_height(style), bottom + style.cell_padding)
    lane_fill = LANE_FILL[lane.kind]
    row = Rect(style.margin, y, style.lane_header_width + last.grid_width, height)
    layout.lanes[lane.id] = LaneBox(lane.id, index, lane.kind, Rect(style.margin, y, style.lane_header_width, height),
                                    row, lines, palette.header_fill(lane_fill), palette.cell_fill(lane_fill), legend)
    for stage_id, box in layout.stages.items():
        layout.cells[(stage_id, lane.id)] = Rect(box.column.x, y, box.column.w, height)
    if compact:
        grid_row = Rect(row.x + style.lane_header_width, y, last.grid_width, height)
        curves[lane.id] = lane_curves(lane.id, groups, grid_row, _emotion_levels(y, style), colors)
    else:
        curves.pop(lane.id, None)  # (a lane that was of emotions before a relayout had curves)
    return height


def _finish(last: LastLayout, bottom: float, curves: dict[str, tuple[EmotionCurve, ...]], style: Style) -> None:
    """The stages' columns down to the last lane's `bottom`, the map's height, and the curves in the
    order of their lanes."""
    layout = last.layout
    grid_height = bottom - last.grid_top
    for stage_id, box in layout.stages.items():
        layout.stages[stage_id] = StageBox(box.stage_id, box.index, box.header,
                                           Rect(box.column.x, last.grid_top, box.column.w, grid_height), box.lines,
                                           box.fill, box.name)
    layout.height = bottom + style.margin
    layout.curves = [curve for lane in last.doc.lanes for curve in curves.get(lane.id, ())]


def _widen_for_labels(last: LastLayout, style: Style) -> None:
    """Link labels past the last stage or below the last lane stay on the map."""
    layout = last.layout
    rects = [path.label_rect for path in layout.links.values() if path.label_rect]
    layout.width = max(last.width, max((rect.right for rect in rects), default=0) + style.margin)
    layout.height = max(layout.height, max((rect.bottom for rect in rects), default=0) + style.margin)


def _routes(doc: JourneyMap, result: MapLayout, memo: LayoutMemo, moved: list[Rect]) -> dict[str, LinkPath]:
    """Every link's path and label. On a big map routing is most of a relayout, so the memo's last
    routes are kept for the links that the `moved` cards and the links routed anew leave alone (see
    `routing.route_links`)."""
    memo.routes, memo.reads = route_links(doc.links, result, memo.style, memo.wraps, memo.routes, memo.reads, moved)
    return dict(memo.routes)


def _edges_moved(old: MapLayout, new: MapLayout) -> list[Rect]:
    """The bands between each edge of the grid in `old` and in `new`, where it moved (a lane's height or a
    stage's width changed, though maybe no card moved): labels keep inside the grid (`link_labels.Room`),
    so those that looked across either edge are placed again."""
    width, height = max(old.width, new.width), max(old.height, new.height)
    bands = []
    for side, (was, now) in enumerate(zip(grid_edges(old), grid_edges(new))):
        if was != now:
            low, high = min(was, now) - 1, max(was, now) + 1
            bands.append(Rect(low, 0, high - low, height) if side % 2 == 0 else Rect(0, low, width, high - low))
    return bands


def _moved(old: MapLayout, new: MapLayout, card_ids: Iterable[str]) -> list[Rect]:
    """The old and new rectangles of the cards of `card_ids` that are not where they were in `old`
    (a new card's new one only, a card gone its old one only)."""
    rects = []
    for card_id in card_ids:
        box, was = new.cards.get(card_id), old.cards.get(card_id)
        if box is None:
            rects.append(was.rect)
        elif was is None:
            rects.append(box.rect)
        elif was.rect != box.rect:
            rects += [was.rect, box.rect]
    return rects


# -- parts --------------------------------------------------------------------------------------


def _title(doc: JourneyMap, style: Style, width: float, wraps: Wraps
           ) -> tuple[tuple[TextLine, ...], float, PersonaPhoto | None]:
    """The title, description and personas' lines, and how tall they stand; when a persona has a
    photo, the first such is shown left of them with its name under it, and they wrap in the rest."""
    lines, photo, left, bottom = _title_photo(doc, style, wraps)
    width -= left
    more, y = stack(wraps.wrap(doc.meta.title, style.title, width, 2) if doc.meta.title else [], style.title, left, 0)
    lines += more
    if doc.meta.description:
        more, y = stack(wraps.wrap(doc.meta.description, style.description, width, style.description_lines),
                         style.description, left, y + 2)
        lines += more
    for persona in doc.personas[:style.personas_shown]:
        facts = [str(persona.age) if persona.age is not None else "", persona.occupation, persona.geography]
        summary = " · ".join([persona.name] + [fact for fact in facts if fact])
        quote = f" — {persona.quote}" if persona.quote else ""
        more, y = stack(wraps.wrap(summary + quote, style.persona, width, 1), style.persona, left, y + 2)
        lines += more
    return tuple(lines), max(y, bottom), photo


def _title_photo(doc: JourneyMap, style: Style, wraps: Wraps
                 ) -> tuple[list[TextLine], PersonaPhoto | None, float, float]:
    """The first persona with a photo: its name's lines centred under the photo, the photo (relative to
    the title), where the title's text starts right of them, and how tall they stand."""
    persona = next((persona for persona in doc.personas if persona.photo is not None), None)
    if persona is None:
        return [], None, 0, 0
    side, column = style.title_photo, style.title_photo_column
    name = wraps.wrap(persona.name, style.persona, column, 2)
    column = max([side] + [style.persona.width(line) for line in name])
    lines, bottom = stack(name, style.persona, 0, side + 4)
    lines = [line._replace(x=(column - style.persona.width(line.text)) / 2) for line in lines]
    photo = PersonaPhoto(persona.id, Rect((column - side) / 2, 0, side, side), _initials(persona.name))
    return lines, photo, column + style.title_photo_gap, bottom


def _initials(name: str) -> str:
    """The first letters of a name's first two words, for a photo that cannot be shown."""
    letters = (next((c for c in word if c.isalpha()), "") for word in name.split())
    return "".join(letters)[:2].upper()


def _funnel_line(flow: Funnel, stage_id: str, language: str) -> tuple[str, bool] | None:
    """What a stage's header says of the funnel: how many enter, what share goes on to the next stage,
    and whether that is the largest drop of the map (drawn in red)."""
    step = flow.step(stage_id)
    if step.entering is None:
        return None
    text = caption("funnel_entered", language).format(entering=numbers.count(step.entering, language))
    if step.conversion is not None:
        text += " · " + caption("funnel_going_on", language).format(
            conversion=numbers.percent(step.conversion, language))
    is_drop = stage_id == flow.largest_drop
    return (f"{text} — {caption('largest_drop', language)}" if is_drop else text), is_drop


def _stage_header(stage, width: float, style: Style, wraps: Wraps, funnel_line: tuple[str, bool] | None = None
                  ) -> tuple[tuple[TextLine, ...], float]:
    pad = style.cell_padding
    inner = width - 2 * pad
    lines, y = stack(wraps.wrap(stage.name, style.stage_name, inner, 2), style.stage_name, pad, pad)
    if funnel_line is not None:
        text, is_drop = funnel_line
        more, y = stack(wraps.wrap(text, style.stage_funnel, inner, 2), style.stage_funnel, pad, y + 2)
        lines += tuple(line._replace(color=palette.KPI_MISSED if is_drop else palette.MUTED) for line in more)
    if stage.goal:
        goal = wraps.wrap(stage.goal, style.stage_text, inner, style.stage_goal_lines)
        more, y = stack(goal, style.stage_text, pad, y + 2)
        lines += more
    if stage.questions:
        wrapped: list[str] = []
        for question in stage.questions:
            wrapped += wraps.wrap(f"? {question}", style.stage_text, inner)
        if len(wrapped) > style.stage_question_lines:
            wrapped = wraps.wrap("\n".join(wrapped), style.stage_text, inner, style.stage_question_lines)
        more, y = stack(wrapped, style.stage_text, pad, y + 2)
        lines += more
    return tuple(lines), y + pad + style.stage_note


def _lane_header(name: str, kind: LaneKind, language: str, style: Style, wraps: Wraps
                 ) -> tuple[tuple[TextLine, ...], float]:
    """The lane's name and kind, and the y below them (relative to the header)."""
    pad = style.cell_padding
    lines, y = stack(wraps.wrap(name, style.lane_name, style.lane_header_width - 2 * pad, 3), style.lane_name, pad, pad)
    kind_label = label(LANE_KIND_LABELS, kind, language)
    if kind_label != name:
        more, y = stack([kind_label], style.lane_kind, pad, y + 1)
        lines += more
    return tuple(lines), y


def _cell(cards: list[Card], width: float, style: Style, x: float, y: float, lane_fill: str, faces: CardFaces,
          dots: Mapping[str, int]) -> tuple[list[CardBox], float]:
    """Cards flowed row by row into as many columns as cards of the narrowest width fit, placed in
    the cell at (x, y); the cards share the cell's width, so a wider stage has wider cards with
    fewer lines. They need no widest width: a card that would take more than two narrowest ones and a
    gap makes room for another column instead."""
    pad, gap = style.cell_padding, style.card_gap
    columns, card_width = card_columns(width, style)
    lefts = [x + pad + i * (card_width + gap) for i in range(columns)]
    boxes = []
    top, tallest = pad, 0  # the row's top in the cell, and its tallest card so far
    for index, (card, face) in enumerate(zip(cards, faces.cell_faces(cards, card_width, dots))):
        column = index % columns
        if column == 0 and index:  # the next row, below the last one's tallest card
            top += tallest + gap
            tallest = 0
        rect = Rect(lefts[column], y + top, card_width, face.height)
        boxes.append(CardBox(card.id, card.stage, card.lane, index, rect, face, card.color or lane_fill))
        tallest = max(tallest, face.height)
    if not cards:
        return boxes, 0
    top += tallest + gap  # below the last row
    return boxes, top - gap + pad


def card_columns(stage_width: float, style: Style) -> tuple[int, float]:
    """How many columns of cards a stage `stage_width` wide holds, and how wide its cards are."""
    inner, gap = stage_width - 2 * style.cell_padding, style.card_gap
    columns = max(1, int((inner + gap) // (style.card_width + gap)))
    return columns, (inner - (columns - 1) * gap) / columns


def map_width(doc: JourneyMap, style: Style) -> float:
    """How wide `doc`'s map is laid out (before link labels past the last stage widen it): for a caller
    that wraps its own text across the map before laying it out."""
    return 2 * style.margin + style.lane_header_width + max(sum(_stage_widths(doc, style, {})), style.stage_min_width)


def _emotion_band_height(style: Style) -> float:
    return (2 * style.cell_padding + 4 * style.emotion_step + style.emotion_dot + 2 * style.card_text.line_height + 4
            + caption_room(style))


def _compact_cell(cards: list[Card], width: float, style: Style, x: float, y: float, lane_fill: str,
                  colors: Mapping[str, str], wraps: Wraps) -> tuple[list[CardBox], float]:
    """Emotion points spread across the stage at the height of their emotion, each with its title
    under the dot (in its persona's colour, of `colors`, when tagged with one); a card without an
    emotion sits on the zero line."""
    pad, dot = style.cell_padding, style.emotion_dot
    slot = (width - 2 * pad) / max(len(cards), 1)
    levels = _emotion_levels(y, style)
    boxes = []
    for i, card in enumerate(cards):
        face = point_face(card, slot, style, wraps, colors.get(card.persona, ""))
        top = levels[(card.emotion if card.emotion is not None else 0) + 2] - dot / 2
        rect = Rect(x + pad + i * slot, top, slot, face.height)
        boxes.append(CardBox(card.id, card.stage, card.lane, i, rect, face, card.color or lane_fill, compact=True))
    return boxes, _emotion_band_height(style)


def _emotion_levels(top: float, style: Style) -> tuple[float, ...]:
    """Centre y of the dots for emotions -2..+2 in a row starting at `top`."""
    first = top + style.cell_padding + caption_room(style) + style.emotion_dot / 2
    return tuple(first + (2 - e) * style.emotion_step for e in range(-2, 3))
