"""The layout engine: a pure function from a map to the rectangles and text lines of every part.

The canvas and the PDF export both draw what this returns, so the map on paper is the map on screen.
Cells grow to fit their cards: cards flow into as many columns as the stage's width holds, a lane is
as tall as its fullest cell, and widths and heights set by the user are minimums.
"""

from __future__ import annotations

from functools import lru_cache

from ..bulk import collector_paused
from ..model import Card, JourneyMap, Kpi, LaneKind, numbers
from ..model.analytics import Funnel, funnel, kpi_met
from ..model.captions import caption, map_language
from ..model.vocab import CHANNEL_LABELS, LANE_KIND_LABELS, OWNER_LABELS, label
from . import palette
from .boxes import CardBox, CardFace, EmotionCurve, LaneBox, MapLayout, Marker, StageBox
from .geometry import Point, Rect, TextLine
from .palette import LANE_FILL
from .routing import Gutters, LabelIndex, route_link
from .style import DEFAULT_STYLE, Style
from .text import TextStyle, wrap, wrap_once


def compute_layout(doc: JourneyMap, style: Style = DEFAULT_STYLE) -> MapLayout:
    """The layout of `doc`."""
    with collector_paused():
        return _layout(doc, style)


def _layout(doc: JourneyMap, style: Style) -> MapLayout:
    language = map_language(doc)
    widths = [max(stage.width or style.stage_min_width, style.card_width + 2 * style.cell_padding)
              for stage in doc.stages]
    grid_width = sum(widths)
    total_width = 2 * style.margin + style.lane_header_width + max(grid_width, style.stage_min_width)

    title_lines, title_height = _title(doc, style, total_width - 2 * style.margin)
    title_rect = Rect(style.margin, style.margin, total_width - 2 * style.margin, title_height)
    flow = funnel(doc)
    header_contents = [_stage_header(stage, w, style, _funnel_line(flow, stage.id, language))
                       for stage, w in zip(doc.stages, widths)]
    header_height = max([h for _, h in header_contents], default=0)

    cells: dict[tuple[str, str], list[Card]] = {}
    for card in doc.cards:
        cells.setdefault((card.stage, card.lane), []).append(card)

    result = MapLayout(total_width, 0, title_rect, title_lines, gutter_room=style.cell_padding)
    grid_top = title_rect.bottom + 12 + header_height
    x = style.margin + style.lane_header_width
    for index, (stage, width) in enumerate(zip(doc.stages, widths)):
        lines, _ = header_contents[index]
        result.stages[stage.id] = StageBox(stage.id, index, Rect(x, grid_top - header_height, width, header_height),
                                           Rect(x, grid_top, width, 0), lines, stage.color or palette.STAGE_DEFAULT)
        x += width

    y = grid_top
    for lane_index, lane in enumerate(doc.lanes):
        compact = lane.kind == LaneKind.EMOTIONS
        lane_fill = LANE_FILL[lane.kind]
        measured = {
            stage.id: (_compact_cell if compact else _cell)(cells.get((stage.id, lane.id), []), width, style, language,
                                                            result.stages[stage.id].column.x, y, lane_fill)
            for stage, width in zip(doc.stages, widths)
        }
        height = max([lane.height or style.lane_min_height] + [h for _, h in measured.values()])
        if compact:
            height = max(height, _emotion_band_height(style))
        row = Rect(style.margin, y, style.lane_header_width + grid_width, height)
        result.lanes[lane.id] = LaneBox(lane.id, lane_index, lane.kind, Rect(style.margin, y, style.lane_header_width,
                                        height), row, _lane_header(lane.name, lane.kind, language, style),
                                        palette.header_fill(lane_fill), palette.cell_fill(lane_fill))
        for stage in doc.stages:
            column = result.stages[stage.id].column
            cell = Rect(column.x, y, column.w, height)
            result.cells[(stage.id, lane.id)] = cell
            boxes, _ = measured[stage.id]
            result.cell_cards[(stage.id, lane.id)] = [box.card_id for box in boxes]
            for box in boxes:
                result.cards[box.card_id] = box
        if compact:
            grid_row = Rect(row.x + style.lane_header_width, y, grid_width, height)
            result.curves.append(_curve(lane.id, grid_row, doc, result, style))
        y += height

    grid_height = y - grid_top
    for stage_id, box in result.stages.items():
        result.stages[stage_id] = StageBox(box.stage_id, box.index, box.header,
                                           Rect(box.column.x, grid_top, box.column.w, grid_height), box.lines, box.fill)
    result.height = y + style.margin
    result.links = _routes(doc, result, style)
    label_right = max((p.label_rect.right for p in result.links.values() if p.label_rect), default=0)
    result.width = max(result.width, label_right + style.margin)  # labels past the last stage stay on the map
    return result


_last_routes: list = [None, None]  # the key and the links of the last routing


def _routes(doc: JourneyMap, result: MapLayout, style: Style) -> dict:
    """Every link's path and label. Routing reads only the geometry (cards, columns, rows) and the
    links themselves, so when an edit leaves those as they were (a retyped title that keeps its card's
    height, a channel, a colour, a stage's goal within its lines) the last routes are reused: on a big
    map routing is most of a relayout."""
    key = (style, tuple((card_id, box.rect) for card_id, box in result.cards.items()),
           tuple(box.column for box in result.stages.values()), tuple(box.row for box in result.lanes.values()),
           tuple((link.id, link.source, link.target, link.label) for link in doc.links))
    if _last_routes[0] == key:
        return dict(_last_routes[1])
    labels, gutters = LabelIndex(), Gutters()
    links = {link.id: route_link(link, result, style, labels, gutters) for link in doc.links}
    _last_routes[:] = [key, links]
    return dict(links)


# -- parts --------------------------------------------------------------------------------------


def _lines(texts: list[str], text_style: TextStyle, x: float, y: float) -> tuple[list[TextLine], float]:
    """Lines from top `y` down; returns them and the y below the last."""
    out = []
    for text in texts:
        out.append(TextLine(text, x, y + text_style.size, text_style.size, text_style.bold))
        y += text_style.line_height
    return out, y


def _title(doc: JourneyMap, style: Style, width: float) -> tuple[tuple[TextLine, ...], float]:
    lines, y = _lines(wrap(doc.meta.title, style.title, width, 2) if doc.meta.title else [], style.title, 0, 0)
    if doc.meta.description:
        more, y = _lines(wrap(doc.meta.description, style.description, width, style.description_lines),
                         style.description, 0, y + 2)
        lines += more
    for persona in doc.personas[:style.personas_shown]:
        facts = [str(persona.age) if persona.age is not None else "", persona.occupation, persona.geography]
        summary = " · ".join([persona.name] + [fact for fact in facts if fact])
        quote = f" — {persona.quote}" if persona.quote else ""
        more, y = _lines(wrap(summary + quote, style.persona, width, 1), style.persona, 0, y + 2)
        lines += more
    return tuple(lines), y


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


def _stage_header(stage, width: float, style: Style, funnel_line: tuple[str, bool] | None = None
                  ) -> tuple[tuple[TextLine, ...], float]:
    pad = style.cell_padding
    inner = width - 2 * pad
    lines, y = _lines(wrap(stage.name, style.stage_name, inner, 2), style.stage_name, pad, pad)
    if funnel_line is not None:
        text, is_drop = funnel_line
        more, y = _lines(wrap(text, style.stage_funnel, inner, 2), style.stage_funnel, pad, y + 2)
        lines += tuple(line._replace(color=palette.KPI_MISSED if is_drop else palette.MUTED) for line in more)
    if stage.goal:
        goal = wrap(stage.goal, style.stage_text, inner, style.stage_goal_lines)
        more, y = _lines(goal, style.stage_text, pad, y + 2)
        lines += more
    if stage.questions:
        wrapped: list[str] = []
        for question in stage.questions:
            wrapped += wrap(f"? {question}", style.stage_text, inner)
        if len(wrapped) > style.stage_question_lines:
            wrapped = wrap("\n".join(wrapped), style.stage_text, inner, style.stage_question_lines)
        more, y = _lines(wrapped, style.stage_text, pad, y + 2)
        lines += more
    return tuple(lines), y + pad


def _lane_header(name: str, kind: LaneKind, language: str, style: Style) -> tuple[TextLine, ...]:
    pad = style.cell_padding
    lines, y = _lines(wrap(name, style.lane_name, style.lane_header_width - 2 * pad, 3), style.lane_name, pad, pad)
    kind_label = label(LANE_KIND_LABELS, kind, language)
    if kind_label != name:
        more, _ = _lines([kind_label], style.lane_kind, pad, y + 1)
        lines += more
    return tuple(lines)


def _card_box(card: Card, style: Style, language: str) -> CardFace:
    """A card's box at (0, 0), its text lines and markers relative to it (remembered by content, so
    relaying out a big map measures only the cards that changed)."""
    kpi = card.kpi
    figures = card.metrics
    metrics = (figures.clicks, figures.conversion, figures.time_on_site) if figures else None
    return _measured(card.title, card.text, card.channel, card.device, card.owner, card.emotion, card.quality,
                     card.pain, _kpi_key(kpi), metrics, style, language)


def _kpi_key(kpi: Kpi | None) -> tuple | None:
    """What of a KPI a card shows (hashable, for the cache of measured cards): its text and whether met."""
    if kpi is None:
        return None
    return kpi.name, kpi.target, kpi.actual, kpi.unit, kpi_met(kpi)


@lru_cache(maxsize=200_000)
def _measured(title, text, channel, device, owner, emotion, quality, pain, kpi, metrics, style, language
              ) -> CardFace:
    """The card's face: its height now, its lines and markers when first drawn."""
    pad = style.card_padding
    y = pad
    for _ in _title_lines(title, style):
        y += style.card_title.line_height
    text_lines = _text_lines(text, style)
    if text_lines:
        y += 2
        for _ in text_lines:
            y += style.card_text.line_height
    rows = len(_marker_rows(channel, device, owner, emotion, quality, pain, kpi, metrics))
    top = y + 4
    for _ in range(rows):
        top += style.marker_row
    height = max((top if rows else y) + pad, 36)
    return CardFace(height, _face_contents, (title, text, channel, device, owner, emotion, quality, pain, kpi,
                                             metrics, style, language))


def _title_lines(title: str, style: Style) -> list[str]:
    """A card's title lines (wrapped afresh each time: the face that holds them is remembered)."""
    if not title:
        return [""]
    return wrap_once(title, style.card_title, style.card_width - 2 * style.card_padding, style.card_title_lines)


def _text_lines(text: str, style: Style) -> list[str]:
    if not text:
        return []
    return wrap_once(text, style.card_text, style.card_width - 2 * style.card_padding, style.card_text_lines)


def _marker_rows(channel, device, owner, emotion, quality, pain, kpi, metrics) -> list[tuple]:
    """The marker rows a card has: (kind, value, the small signs on the row's right)."""
    return [row for row in (
        ("channel", channel, (("device", device), ("pain", pain or None))),
        ("owner", owner, (("emotion", emotion), ("quality", quality))),
        ("kpi", kpi, ()),
        ("metrics", metrics, ()),
    ) if _row_present(*row)]


def _face_contents(title, text, channel, device, owner, emotion, quality, pain, kpi, metrics, style, language
                   ) -> tuple[tuple[TextLine, ...], tuple[Marker, ...]]:
    """A card's text lines and markers, relative to its top left (rows placed as `_measured` counts
    them)."""
    pad = style.card_padding
    lines, y = _lines(_title_lines(title, style), style.card_title, pad, pad)
    text_lines = _text_lines(text, style)
    if text_lines:
        more, y = _lines(text_lines, style.card_text, pad, y + 2)
        lines += more
    markers = []
    top = y + 4
    for kind, value, signs in _marker_rows(channel, device, owner, emotion, quality, pain, kpi, metrics):
        markers += [Marker(m.kind, m.rect.moved(0, top), m.text, m.value)
                    for m in _row_at_zero(style, kind, value, signs, language)]
        top += style.marker_row
    return tuple(lines), tuple(markers)


def _row_present(kind: str, value, signs: tuple) -> bool:
    """Whether a marker row has anything to show (the same test `_marker_row` and `_kpi_row` apply)."""
    if kind == "kpi":
        return value is not None and bool(value[0] or value[1] is not None or value[2] is not None)
    if kind == "metrics":
        return value is not None and any(figure is not None for figure in value)
    return bool(value) or any(sign is not None for _, sign in signs)


@lru_cache(maxsize=65536)
def _row_at_zero(style: Style, kind: str, value, signs: tuple, language: str) -> tuple[Marker, ...]:
    """One marker row at y = 0 (few distinct rows recur on a map, so they are remembered)."""
    if kind == "kpi":
        return tuple(_kpi_row(value, style, language))
    if kind == "metrics":
        return tuple(_metrics_row(value, style, language))
    labels = CHANNEL_LABELS if kind == "channel" else OWNER_LABELS
    return tuple(_marker_row(style, (kind, value, labels), signs, language))


def _marker_row(style: Style, named: tuple[str, str, dict], signs: tuple[tuple[str, object], ...],
                language: str) -> list[Marker]:
    """One row of markers at y = 0: a named value (icon and label) on the left, small signs on the
    right."""
    pad, icon = style.card_padding, 12
    markers: list[Marker] = []
    right = style.card_width - pad
    for kind, value in signs:
        if value is None:
            continue
        width = 5 * 5 + 2 if kind == "quality" else icon
        right -= width
        markers.append(Marker(kind, Rect(right, 2, width, icon), "", value))
        right -= 4
    kind, value, labels = named
    if value:
        shown = wrap(label(labels, value, language), style.card_text, max(right - pad - icon - 4, 10), 1)[0]
        markers.insert(0, Marker(kind, Rect(pad, 2, icon + 4 + style.card_text.width(shown), icon), shown, value))
    return markers


def _kpi_row(kpi: tuple | None, style: Style, language: str) -> list[Marker]:
    """The KPI (name, target, actual, unit, met), actual against target; the marker's value says
    whether the target is met (None: not known)."""
    if kpi is None:
        return []
    name, target, actual, unit, met = kpi
    if not (name or target is not None or actual is not None):
        return []
    pad, icon = style.card_padding, 12
    shown = wrap(_kpi_text(name, target, actual, unit, language), style.card_text,
                 style.card_width - 2 * pad - icon - 4, 1)[0]
    return [Marker("kpi", Rect(pad, 2, icon + 4 + style.card_text.width(shown), icon), shown, met)]


def _metrics_row(metrics: tuple, style: Style, language: str) -> list[Marker]:
    """The web figures of a card on one row: clicks, conversion rate, time on site."""
    clicks, conversion, seconds = metrics
    parts = []
    if clicks is not None:
        parts.append(caption("metric_clicks", language).format(clicks=numbers.count(clicks, language)))
    if conversion is not None:
        parts.append(caption("metric_conversion", language).format(conversion=numbers.decimal(conversion, language)))
    if seconds is not None:
        parts.append(caption("metric_time", language).format(seconds=numbers.decimal(seconds, language)))
    pad, icon = style.card_padding, 12
    shown = wrap(" · ".join(parts), style.card_text, style.card_width - 2 * pad - icon - 4, 1)[0]
    return [Marker("metrics", Rect(pad, 2, icon + 4 + style.card_text.width(shown), icon), shown, None)]


def _kpi_text(name: str, target: float | None, actual: float | None, unit: str, language: str) -> str:
    figures = f"{numbers.decimal(actual, language)}/{numbers.decimal(target, language)}{unit}"
    return f"{name} {figures}" if name else figures


def _cell(cards: list[Card], width: float, style: Style, language: str, x: float, y: float, lane_fill: str
          ) -> tuple[list[CardBox], float]:
    """Cards flowed row by row into as many columns as fit, placed in the cell at (x, y)."""
    pad, gap = style.cell_padding, style.card_gap
    columns = max(1, int((width - 2 * pad + gap) // (style.card_width + gap)))
    boxes = []
    top = pad
    for row_start in range(0, len(cards), columns):
        row = [(c, _card_box(c, style, language)) for c in cards[row_start:row_start + columns]]
        for i, (card, face) in enumerate(row):
            rect = Rect(x + pad + i * (style.card_width + gap), y + top, style.card_width, face.height)
            boxes.append(CardBox(card.id, card.stage, card.lane, row_start + i, rect, face, card.color or lane_fill))
        top += max(face.height for _, face in row) + gap
    height = (top - gap + pad) if cards else 0
    return boxes, height


def _emotion_band_height(style: Style) -> float:
    return 2 * style.cell_padding + 4 * style.emotion_step + style.emotion_dot + 2 * style.card_text.line_height + 4


def _compact_cell(cards: list[Card], width: float, style: Style, language: str, x: float, y: float,
                  lane_fill: str) -> tuple[list[CardBox], float]:
    """Emotion points spread across the stage at the height of their emotion, each with its title
    under the dot; a card without an emotion sits on the zero line."""
    pad, dot = style.cell_padding, style.emotion_dot
    slot = (width - 2 * pad) / max(len(cards), 1)
    levels = _emotion_levels(y, style)
    boxes = []
    for i, card in enumerate(cards):
        text_lines = wrap(card.title, style.card_text, max(slot - 4, 20), 2) if card.title else []
        lines = tuple(
            TextLine(text, (slot - style.card_text.width(text)) / 2,
                     dot + 2 + style.card_text.size + n * style.card_text.line_height, style.card_text.size)
            for n, text in enumerate(text_lines))
        top = levels[(card.emotion if card.emotion is not None else 0) + 2] - dot / 2
        rect = Rect(x + pad + i * slot, top, slot, dot + 2 + len(text_lines) * style.card_text.line_height)
        markers = (Marker("emotion", Rect((slot - dot) / 2, 0, dot, dot), "", card.emotion),)
        face = CardFace(rect.h, None, built=(lines, markers))
        boxes.append(CardBox(card.id, card.stage, card.lane, i, rect, face, card.color or lane_fill, compact=True))
    return boxes, _emotion_band_height(style)


def _emotion_levels(top: float, style: Style) -> tuple[float, ...]:
    """Centre y of the dots for emotions -2..+2 in a row starting at `top`."""
    first = top + style.cell_padding + style.emotion_dot / 2
    return tuple(first + (2 - e) * style.emotion_step for e in range(-2, 3))


def _curve(lane_id: str, row: Rect, doc: JourneyMap, result: MapLayout, style: Style) -> EmotionCurve:
    levels = _emotion_levels(row.y, style)
    points = []
    for stage in doc.stages:
        for card_id in result.cell_cards.get((stage.id, lane_id), []):
            box = result.cards[card_id]
            if box.markers[0].value is not None:
                dot = box.markers[0].rect
                points.append(Point(box.rect.x + dot.center.x, box.rect.y + dot.center.y))
    return EmotionCurve(lane_id, tuple(points), levels[2], levels, row)
