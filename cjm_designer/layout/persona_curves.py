"""The curves of an emotions lane: the map's own through the points tagged with no persona, and one for
each persona whose emotion the lane holds (its cards tagged with the persona), in the persona's colour;
and, when a persona has a curve, a legend under the lane's name that says whose each curve is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Card, Persona
from ..model.captions import caption
from . import palette
from .boxes import CardBox, EmotionCurve
from .curve_captions import dot_center
from .drawing import Box, Shape
from .geometry import Rect, TextLine
from .style import Style
from .text import wrap

Groups = dict[str | None, list[CardBox]]  # a curve's points by its persona (None: the map's own curve)
SWATCH_WIDTH, SWATCH_HEIGHT, SWATCH_GAP = 14.0, 3.0, 5.0  # a legend entry's bar of the curve's colour
LEGEND_GAP = 6.0  # between the lane's name and the legend


def curve_groups(boxes: list[CardBox], cards: Mapping[str, Card], colors: Mapping[str, str]) -> Groups:
    """The lane's points (`boxes`, in the order the curves join them) by curve: the map's own first,
    always, then each persona's that has a point, in the order of `colors` (the map's personas)."""
    own: list[CardBox] = []
    tagged: dict[str, list[CardBox]] = {}
    for box in boxes:
        persona = cards[box.card_id].persona
        if persona in colors:
            tagged.setdefault(persona, []).append(box)
        else:
            own.append(box)
    return {None: own} | {persona: tagged[persona] for persona in colors if persona in tagged}


def lane_curves(lane_id: str, groups: Groups, row: Rect, levels: tuple[float, ...],
                colors: Mapping[str, str]) -> tuple[EmotionCurve, ...]:
    """A curve for each group, through the dots of its points that have an emotion."""
    return tuple(EmotionCurve(lane_id, tuple(dot_center(box) for box in boxes if box.markers[0].value is not None),
                              levels[2], levels, row, persona, palette.CURVE if persona is None else colors[persona],
                              tuple(box.card_id for box in boxes))
                 for persona, boxes in groups.items())


def curve_legend(groups: Groups, colors: Mapping[str, str], personas: Sequence[Persona], header: Rect, top: float,
                 style: Style, language: str) -> tuple[tuple[Shape, ...], float]:
    """The legend in the lane's `header`, from `top` (relative to it) down: for each curve, a bar of its
    colour and whose it is (the map's own curve only when it has a point), one line each; none when no
    persona has a curve. Returns it placed on the map, and the y below it (relative to the header)."""
    if len(groups) < 2:
        return (), top
    names = {persona.id: persona.name for persona in personas}
    entries = [(palette.CURVE if persona is None else colors[persona],
                caption("curve_no_persona", language) if persona is None else names[persona])
               for persona, boxes in groups.items()
               if persona is not None or any(box.markers[0].value is not None for box in boxes)]
    text, pad = style.card_text, style.cell_padding
    x = header.x + pad
    width = header.w - 2 * pad - SWATCH_WIDTH - SWATCH_GAP
    y = top + LEGEND_GAP
    shapes: list[Shape] = []
    for color, name in entries:
        line = (wrap(name, text, width, 1) or [""])[0]
        bar = header.y + y + text.size * 0.62 - SWATCH_HEIGHT / 2  # at the height of the letters' middle
        shapes += [Box(Rect(x, bar, SWATCH_WIDTH, SWATCH_HEIGHT), color, radius=SWATCH_HEIGHT / 2),
                   TextLine(line, x + SWATCH_WIDTH + SWATCH_GAP, header.y + y + text.size, text.size, False,
                            palette.INK)]
        y += text.line_height
    return tuple(shapes), y
