"""The characters of a laid-out map that no font of the chain has (layout/fonts.py): they are drawn as
empty boxes, so an export says which card (or header) holds them rather than let them vanish unseen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..model import JourneyMap
from .boxes import MapLayout
from .geometry import TextLine
from .text import metrics


class PartKind(StrEnum):
    CARD = "card"
    STAGE = "stage"
    LANE = "lane"
    TITLE = "title"


@dataclass(frozen=True)
class MissingGlyphs:
    """The characters of one part of the map no font has, each once: `name` is the card's title (or the
    stage's, the lane's name, the map's title), `part_id` its id ("" for the title)."""

    kind: PartKind
    part_id: str
    name: str
    chars: str

    @property
    def codes(self) -> str:
        """The characters as code points, `U+10FFFD U+E000`: what no font has cannot be shown itself."""
        return " ".join(f"U+{ord(char):04X}" for char in self.chars)


def missing_glyphs(doc: JourneyMap, layout: MapLayout) -> list[MissingGlyphs]:
    """Each part of the map whose drawn text has a character no font has, in the map's order: the
    title, the stages, the lanes, then the cards."""
    found = []
    title = _missing(layout.title_texts())
    if title:
        found.append(MissingGlyphs(PartKind.TITLE, "", doc.meta.title, title))
    for kind, parts, boxes in ((PartKind.STAGE, doc.stages, layout.stages), (PartKind.LANE, doc.lanes, layout.lanes)):
        for part in parts:
            box = boxes.get(part.id)  # a lane's legend names personas: their names are drawn in its header
            legend = [shape for shape in box.legend if type(shape) is TextLine] if kind == PartKind.LANE and box else []
            chars = _missing([*box.texts, *legend]) if box else ""
            if chars:
                found.append(MissingGlyphs(kind, part.id, part.name, chars))
    for card in doc.cards:
        box = layout.cards.get(card.id)
        chars = _missing(shape for shape in box.drawing.shapes if type(shape) is TextLine) if box else ""
        if chars:
            found.append(MissingGlyphs(PartKind.CARD, card.id, card.title, chars))
    return found


def _missing(lines: Iterable[TextLine]) -> str:
    chars = ""
    for line in lines:
        chain = metrics(line.bold).chain
        if not chain.covers(line.text):
            chars += chain.missing(line.text)
    return "".join(dict.fromkeys(chars))
