"""A card's face at a width: its height, and the text lines and marker rows drawn inside it; and an
emotion point's (its dot and title).

Faces are remembered by content and width in the caller's `LayoutMemo`, so relaying out a big map
measures only the cards whose content or width changed; the lines and markers are made when a face
is first drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..model import Card, Kpi, numbers
from ..model.analytics import kpi_met
from ..model.captions import caption
from ..model.vocab import CHANNEL_LABELS, OWNER_LABELS, label
from .boxes import CardFace, Marker
from .drawing import DOT_STEP
from .geometry import Rect, TextLine
from .memo import LayoutMemo
from .style import Style
from .text import LineCounter, WordWidths, Wraps, stack, wrap

if TYPE_CHECKING:
    from ..model.ab_test import AbResult

MAX_DOTS_DRAWN = 10  # a card with more shows ten dots and the number


class CardFaces:
    """The card faces of one layout: the memo's when a card of the same content was measured at the
    same width before, else measured now. A big map's thousands of faces share what measuring them
    needs, made once per layout: each word's width, a line counter per width, and the heights that
    the counts of title lines, text lines and marker rows come to."""

    def __init__(self, style: Style, language: str, memo: LayoutMemo):
        self._style, self._language, self._memo = style, language, memo
        self._words: dict[bool, WordWidths] = {}  # by weight, made when a card first needs it (a blank map never does)
        self._counters: dict[float, tuple[LineCounter, LineCounter]] = {}
        self._heights: dict[tuple[int, int | None, int], float] = {}

    def cell_faces(self, cards: list[Card], width: float, dots: Mapping[str, int]) -> list[CardFace]:
        """The faces of a cell's `cards` drawn `width` wide; `dots`: what each got in the map's latest dot
        vote. A face measured now has its height at once (the lines of the cell's new titles counted
        together, and of its texts, not made), its lines and markers when first drawn."""
        known = self._memo.faces
        keys = [_face_key(card, width, dots.get(card.id, 0)) for card in cards]
        faces = [known.get(key) for key in keys] if known else [None] * len(keys)  # (none known at start)
        new = [i for i, face in enumerate(faces) if face is None]
        if new:
            title_lines, text_lines = self._counters.get(width) or self._counters_at(width)
            titles = title_lines.counts([keys[i][0] for i in new])
            texts = text_lines.counts([keys[i][1] for i in new])
            face_args = (self._style, self._language, self._memo.rows)
            for i, title, text in zip(new, titles, texts):
                key = keys[i]
                signs = key[2:-1]  # (the key's fields between the text and the width)
                counts = (title, text if key[1] else None, len(_marker_rows(*signs)))
                height = self._heights.get(counts) or self._height_of(counts)
                face = CardFace(height, _face_contents, (key, *face_args))
                faces[i] = known.setdefault(key, face)  # (two cards alike in one cell share one face)
        return faces

    def _counters_at(self, width: float) -> tuple[LineCounter, LineCounter]:
        style = self._style
        inner = width - 2 * style.card_padding
        counters = self._counters[width] = (
            LineCounter(style.card_title, inner, style.card_title_lines, self._words_of(style.card_title.bold)),
            LineCounter(style.card_text, inner, style.card_text_lines, self._words_of(style.card_text.bold)))
        return counters

    def _height_of(self, counts: tuple[int, int | None, int]) -> float:
        height = self._heights[counts] = _height(self._style, *counts)
        return height

    def _words_of(self, bold: bool) -> WordWidths:
        if bold not in self._words:
            self._words[bold] = WordWidths(bold)
        return self._words[bold]


def point_face(card: Card, slot: float, style: Style, wraps: Wraps, color: str) -> CardFace:
    """An emotion point's face, `slot` wide: its dot centred at the top (in its persona's `color`; ""
    for none) and its title under it, centred, in two lines at most."""
    dot, text_style = style.emotion_dot, style.card_text
    size, line_height = text_style.size, text_style.line_height
    text_lines = wraps.wrap(card.title, text_style, max(slot - 4, 20), 2) if card.title else []
    lines = tuple(TextLine(text, (slot - text_style.width(text)) / 2, dot + 2 + size + n * line_height, size)
                  for n, text in enumerate(text_lines))
    markers = (Marker("emotion", Rect((slot - dot) / 2, 0, dot, dot), "", card.emotion, color),)
    return CardFace(dot + 2 + len(text_lines) * line_height, None, built=(lines, markers))


def _face_key(card: Card, width: float, dots: int) -> tuple:
    """What of `card` its face shows, and the width it is drawn at (the memo keeps faces by it)."""
    figures, kpi = card.metrics, card.kpi
    metrics = (figures.clicks, figures.conversion, figures.time_on_site) if figures else None
    workshop = (dots, sum(not c.resolved for c in card.comments)) if dots or card.comments else None
    return (card.title, card.text, card.channel, card.device, card.owner, card.emotion, card.quality, card.pain,
            _kpi_key(kpi) if kpi is not None else None, metrics, _ab_outcome(card.variants) if card.variants else None,
            workshop, width)


def _ab_outcome(variants: list) -> AbResult:
    """What a card's face shows of its A/B test. (Its module is imported by the first card with one: a
    map without any does without it at start.)"""
    from ..model.ab_test import ab_result

    return ab_result(variants)


def _kpi_key(kpi: Kpi) -> tuple:
    """What of a KPI a card shows (hashable, for the memo of faces): its text and whether met."""
    return kpi.name, kpi.target, kpi.actual, kpi.unit, kpi_met(kpi)


def _height(style: Style, title_lines: int, text_lines: int | None, marker_rows: int) -> float:
    """How tall a card of so many title lines, text lines (None: no text) and marker rows stands: the
    lines added one by one, as `stack` places them, so that the sums are those of the drawn face."""
    y = style.card_padding
    step = style.card_title.line_height
    for _ in range(title_lines):
        y += step
    if text_lines is not None:
        y += 2
        step = style.card_text.line_height
        for _ in range(text_lines):
            y += step
    top = y + 4
    for _ in range(marker_rows):
        top += style.marker_row
    return max((top if marker_rows else y) + style.card_padding, 36)


def _title_lines(title: str, style: Style, width: float) -> list[str]:
    """A card's title lines (wrapped afresh each time: the face that holds them is remembered)."""
    if not title:
        return [""]
    return wrap(title, style.card_title, width - 2 * style.card_padding, style.card_title_lines)


def _text_lines(text: str, style: Style, width: float) -> list[str]:
    if not text:
        return []
    return wrap(text, style.card_text, width - 2 * style.card_padding, style.card_text_lines)


def _marker_rows(channel, device, owner, emotion, quality, pain, kpi, metrics, ab_test, workshop) -> list[tuple]:
    """The marker rows a card has, those with anything to show: (kind, value, the small signs on the
    row's right); `ab_test` is the outcome of the card's variants (what the face shows of them, so the
    memo's key holds it); `workshop` its dots in the latest vote and its open comments. (Each row's
    test is the one its drawing applies: `_marker_row`, `_kpi_row` and the rest.)"""
    rows = []
    if channel or device is not None or pain:
        rows.append(("channel", channel, (("device", device), ("pain", pain or None))))
    if owner or emotion is not None or quality is not None:
        rows.append(("owner", owner, (("emotion", emotion), ("quality", quality))))
    if kpi is not None and (kpi[0] or kpi[1] is not None or kpi[2] is not None):
        rows.append(("kpi", kpi, ()))
    if metrics is not None and any(figure is not None for figure in metrics):
        rows.append(("metrics", metrics, ()))
    if ab_test is not None:
        rows.append(("variants", ab_test, ()))
    if workshop is not None and any(workshop):
        rows.append(("workshop", workshop, ()))
    return rows


def _face_contents(key: tuple, style: Style, language: str, rows: dict
                   ) -> tuple[tuple[TextLine, ...], tuple[Marker, ...]]:
    """A card's text lines and markers, relative to its top left (rows placed as `_measured` counts
    them); marker rows recur across a map, so they are kept in `rows`, the memo's, by width too."""
    title, text, *signs, width = key
    pad = style.card_padding
    out, y = stack(_title_lines(title, style, width), style.card_title, pad, pad)
    text_lines = _text_lines(text, style, width)
    if text_lines:
        more, y = stack(text_lines, style.card_text, pad, y + 2)
        out += more
    markers = []
    top = y + 4
    for kind, value, row_signs in _marker_rows(*signs):
        row_key = (kind, value, row_signs, width)
        row = rows.get(row_key)
        if row is None:
            if len(rows) >= LayoutMemo.ROWS_KEPT:
                rows.clear()
            row = rows[row_key] = _row_at_zero(style, width, kind, value, row_signs, language)
        markers += [Marker(m.kind, m.rect.moved(0, top), m.text, m.value) for m in row]
        top += style.marker_row
    return tuple(out), tuple(markers)


def _row_at_zero(style: Style, width: float, kind: str, value, signs: tuple, language: str
                 ) -> tuple[Marker, ...]:
    """One marker row at y = 0 of a card `width` wide."""
    if kind == "kpi":
        return tuple(_kpi_row(value, style, width, language))
    if kind == "metrics":
        return tuple(_metrics_row(value, style, width, language))
    if kind == "variants":
        from ..model.ab_test import card_row  # (see `_ab_outcome`)

        return (_text_marker("variants", card_row(value, language), style, width, value.winner),)
    if kind == "workshop":
        return tuple(_workshop_row(value, style, width))
    labels = CHANNEL_LABELS if kind == "channel" else OWNER_LABELS
    return tuple(_marker_row(style, width, (kind, value, labels), signs, language))


def _marker_row(style: Style, width: float, named: tuple[str, str, dict], signs: tuple[tuple[str, object], ...],
                language: str) -> list[Marker]:
    """One row of markers at y = 0: a named value (icon and label) on the left, small signs on the
    right."""
    pad, icon = style.card_padding, 12
    markers: list[Marker] = []
    right = width - pad
    for kind, value in signs:
        if value is None:
            continue
        sign = 5 * 5 + 2 if kind == "quality" else icon
        right -= sign
        markers.append(Marker(kind, Rect(right, 2, sign, icon), "", value))
        right -= 4
    kind, value, labels = named
    if value:
        shown = wrap(label(labels, value, language), style.card_text, max(right - pad - icon - 4, 10), 1)[0]
        markers.insert(0, Marker(kind, Rect(pad, 2, icon + 4 + style.card_text.width(shown), icon), shown, value))
    return markers


def _workshop_row(workshop: tuple[int, int], style: Style, width: float) -> list[Marker]:
    """A vote's dots as a row of filled dots and their number (as many dots as fit; the number says
    all), and the open comments' count on the right."""
    dots, comments = workshop
    pad, icon = style.card_padding, 12
    markers = []
    right = width - pad
    if comments:
        shown = str(comments)
        right -= icon + 3 + style.card_text.width(shown)
        markers.append(Marker("comments", Rect(right, 2, width - pad - right, icon), shown, comments))
        right -= 6
    if dots:
        shown = str(dots)
        room = right - pad - 4 - style.card_text.width(shown)
        drawn = max(min(dots, MAX_DOTS_DRAWN, int(room // DOT_STEP)), 1)
        markers.insert(0, Marker("votes", Rect(pad, 2, drawn * DOT_STEP + 4 + style.card_text.width(shown), icon),
                                 shown, drawn))
    return markers


def _kpi_row(kpi: tuple | None, style: Style, width: float, language: str) -> list[Marker]:
    """The KPI (name, target, actual, unit, met), actual against target; the marker's value says
    whether the target is met (None: not known)."""
    if kpi is None:
        return []
    name, target, actual, unit, met = kpi
    if not (name or target is not None or actual is not None):
        return []
    return [_text_marker("kpi", _kpi_text(name, target, actual, unit, language), style, width, met)]


def _metrics_row(metrics: tuple, style: Style, width: float, language: str) -> list[Marker]:
    """The web figures of a card on one row: clicks, conversion rate, time on site."""
    return [_text_marker("metrics", metrics_text(metrics, language), style, width, None)]


def metrics_text(metrics: tuple, language: str) -> str:
    """Web figures (clicks, conversion rate, time on site; None for one not given) as a card writes
    them: 1 200 кл. · CR 3,1 % · 45 с на сайте."""
    clicks, conversion, seconds = metrics
    parts = []
    if clicks is not None:
        parts.append(caption("metric_clicks", language).format(clicks=numbers.count(clicks, language)))
    if conversion is not None:
        parts.append(caption("metric_conversion", language).format(conversion=numbers.decimal(conversion, language)))
    if seconds is not None:
        parts.append(caption("metric_time", language).format(seconds=numbers.decimal(seconds, language)))
    return " · ".join(parts)


def _text_marker(kind: str, text: str, style: Style, width: float, value) -> Marker:
    """An icon and a line of text, shortened to the card's width."""
    pad, icon = style.card_padding, 12
    shown = wrap(text, style.card_text, width - 2 * pad - icon - 4, 1)[0]
    return Marker(kind, Rect(pad, 2, icon + 4 + style.card_text.width(shown), icon), shown, value)


def _kpi_text(name: str, target: float | None, actual: float | None, unit: str, language: str) -> str:
    figures = f"{numbers.decimal(actual, language)}/{numbers.decimal(target, language)}{unit}"
    return f"{name} {figures}" if name else figures
