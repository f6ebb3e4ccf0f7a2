"""What one user's layouts remember between relayouts, owned by that user (the scene keeps one for
its session; a layout computed without one, as an export's, starts from nothing).

It keeps card faces by content and width, marker rows, wrapped texts, the last routing with what each
link's route read, and the last layout with what re-laying out only some of its cells needs. Faces are
kept for the cards of the last layout and those measured since, marker rows and wrapped texts up to a
bound, so a long session does not pile them up. Nothing in layout/ remembers anything across memos
(tests/test_architecture.py checks that it keeps no module-global memo).
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Card, JourneyMap
from .boxes import CardFace, LinkPath, MapLayout, Marker
from .routing import Reads
from .style import Style
from .text import Wraps


class LastLayout(NamedTuple):
    """The last layout of a document and what re-laying out some of its cells needs. (A named tuple:
    its class is made at every start, ten times quicker than a dataclass's.)"""

    doc: JourneyMap
    layout: MapLayout
    widths: list[float]  # each stage's width as laid out
    grid_top: float
    width: float  # the map's width before link labels past the last stage widen it
    heights: dict[tuple[str, str], float]  # each cell's cards: how tall they stand
    cards: dict[str, Card]  # the document's cards by id (an edit of fields keeps the same objects)

    @property
    def grid_width(self) -> float:
        """The stages' widths added up."""
        return sum(self.widths)


class LayoutMemo:
    ROWS_KEPT = 65536  # marker rows remembered before starting afresh (few distinct rows recur)

    def __init__(self):
        self.style: Style | None = None
        self.language = ""
        self.faces: dict[tuple, CardFace] = {}
        self.rows: dict[tuple, tuple[Marker, ...]] = {}
        self.wraps = Wraps()  # texts wrapped again on each relayout: headers, emotion points' titles, labels
        self.routes: dict[str, LinkPath] = {}  # the last routing, in the links' order
        self.reads: dict[str, Reads] = {}  # what routing each link read
        self.last: LastLayout | None = None

    def begin(self, style: Style, language: str) -> None:
        """Forget what was measured with another style or in another language. The rows start in a
        new dict: faces made before keep the old one, so they never mix rows of two styles."""
        if style is not self.style or language != self.language:
            self.style, self.language = style, language
            self.faces, self.rows = {}, {}
            self.routes, self.reads, self.last = {}, {}, None

    def keep_faces(self, layout: MapLayout) -> None:
        """Forget the faces that no card of `layout` shows."""
        used = {id(box.face) for box in layout.cards.values()}
        self.faces = {key: face for key, face in self.faces.items() if id(face) in used}
