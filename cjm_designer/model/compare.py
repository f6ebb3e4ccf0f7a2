"""What changed between two maps: the elements added, removed, changed or moved to another cell,
the funnel and the KPIs before and after, and a one-sentence summary in the map's language.

Elements are matched by id, which is what ids are for: a card retitled is the same card changed,
not one removed and another added. The map's snapshots and merge conflicts are not its content and
are not compared; neither is `meta.modified`, which every save stamps anew (a map and the snapshot
taken just before saving it are the same map). Nor is the order of the cards within one cell or of
the links: what a comparison marks is a card in another cell, not one a place further down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .analytics import funnel, kpi_attainment
from .captions import caption, plural
from .document import ElementKind, JourneyMap
from .elements import Card, Kpi, Stage
from .numbers import percent
from .plain import one_line


class Status(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SAME = "same"


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: its dotted path ("title", "kpi.actual", "position") and its JSON values."""

    field: str
    before: object
    after: object


@dataclass(frozen=True)
class ElementDiff:
    kind: ElementKind
    id: str
    status: Status
    fields: tuple[FieldChange, ...] = ()
    """The changed fields (status CHANGED); a card's cell is not a field: see `moved_from`."""
    moved_from: tuple[str, str] | None = None
    """Cards: the (stage id, lane id) of the card in the before map, when it is in another cell now."""


@dataclass(frozen=True)
class StageFigures:
    """A stage's funnel figures in both maps (None where the stage or the figure is missing)."""

    stage_id: str
    name: str
    entering_before: int | None
    entering_after: int | None
    conversion_before: float | None  # per cent, into the next stage, as `analytics.funnel` computes it
    conversion_after: float | None


@dataclass(frozen=True)
class KpiChange:
    """A stage's or a card's KPI whose attainment changed (per cent of the target reached)."""

    kind: ElementKind
    id: str
    name: str
    attainment_before: float | None
    attainment_after: float | None


@dataclass(frozen=True)
class MapDiff:
    before: JourneyMap
    after: JourneyMap
    elements: tuple[ElementDiff, ...]
    """Every element that is not the same in both maps, cards moved included: the meta first, then the
    personas, stages, lanes, cards and links, each in the after map's order with the removed ones
    where they were in the before map."""
    stages: tuple[StageFigures, ...]
    """The stages of the after map and the removed ones, in that order."""
    kpis: tuple[KpiChange, ...]
    _by_key: dict[tuple[ElementKind, str], ElementDiff] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {(d.kind, d.id): d for d in self.elements})

    @property
    def equal(self) -> bool:
        """No element differs and the meta is the same (snapshots and conflicts are not compared)."""
        return not self.elements

    def of(self, kind: ElementKind, element_id: str) -> ElementDiff | None:
        return self._by_key.get((kind, element_id))

    def cards(self, status: Status) -> list[ElementDiff]:
        """The cards of one status (SAME: the cards that only moved)."""
        return [d for d in self.elements if d.kind == ElementKind.CARD and d.status == status]

    @property
    def moved(self) -> list[ElementDiff]:
        """The cards now in another cell."""
        return [d for d in self.elements if d.moved_from is not None]


IGNORED = {
    ElementKind.META: {"modified"},
    ElementKind.CARD: {"id", "stage", "lane"},  # a card's cell is `moved_from`
}


def compare(before: JourneyMap, after: JourneyMap) -> MapDiff:
    """The differences from `before` to `after`."""
    elements: list[ElementDiff] = []
    meta = _fields(before.meta.model_dump(mode="json"), after.meta.model_dump(mode="json"), IGNORED[ElementKind.META])
    if meta:
        elements.append(ElementDiff(ElementKind.META, "", Status.CHANGED, meta))
    for kind in (ElementKind.PERSONA, ElementKind.STAGE, ElementKind.LANE):
        elements += _ordered(kind, before.parts(kind), after.parts(kind))
    elements += _elements(ElementKind.CARD, before.cards, after.cards)
    elements += _elements(ElementKind.LINK, before.links, after.links)
    return MapDiff(before, after, tuple(elements), _stage_figures(before, after), _kpi_changes(before, after))


def _elements(kind: ElementKind, before: list, after: list, positions: dict | None = None) -> list[ElementDiff]:
    """The diffs of one list of elements, in merged order; `positions` adds a "position" field change."""
    old = {e.id: e for e in before}
    new = {e.id: e for e in after}
    ignored = IGNORED.get(kind, {"id"})
    found = []
    for element_id in _merged_order([e.id for e in before], [e.id for e in after], new):
        a, b = old.get(element_id), new.get(element_id)
        if a is None or b is None:
            found.append(ElementDiff(kind, element_id, Status.ADDED if a is None else Status.REMOVED))
            continue
        fields, moved = (), None
        if a is not b and a != b:  # pydantic's == first: dumping every card of two large maps is what costs
            fields = _fields(a.model_dump(mode="json"), b.model_dump(mode="json"), ignored)
            if isinstance(a, Card) and (a.stage, a.lane) != (b.stage, b.lane):
                moved = (a.stage, a.lane)
        if positions and element_id in positions:
            fields = (FieldChange("position", *positions[element_id]), *fields)
        if fields or moved:
            found.append(ElementDiff(kind, element_id, Status.CHANGED if fields else Status.SAME, fields, moved))
    return found


def _ordered(kind: ElementKind, before: list, after: list) -> list[ElementDiff]:
    """Personas, stages and lanes, whose order is part of the map: those that left their place among
    the others (not in the longest run kept in order) change "position", 1-based, before → after."""
    common = {e.id for e in before} & {e.id for e in after}
    old = [e.id for e in before if e.id in common]
    new = [e.id for e in after if e.id in common]
    kept = _longest_common_run(old, new)
    where_before = {e.id: i + 1 for i, e in enumerate(before)}
    where_after = {e.id: i + 1 for i, e in enumerate(after)}
    positions = {i: (where_before[i], where_after[i]) for i in new if i not in kept}
    return _elements(kind, before, after, positions)


def _longest_common_run(a: list[str], b: list[str]) -> set[str]:
    """The ids of a longest common subsequence of `a` and `b` (lists of a few hundred ids at most)."""
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            lengths[i][j] = lengths[i + 1][j + 1] + 1 if a[i] == b[j] else max(lengths[i + 1][j], lengths[i][j + 1])
    kept, i, j = set(), 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            kept.add(a[i])
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _merged_order(before: list[str], after: list[str], in_after: dict) -> list[str]:
    """The ids of `after` in order, each id only `before` has put right after the element it followed there."""
    following: dict[str | None, list[str]] = {}
    anchor = None
    for element_id in before:
        if element_id in in_after:
            anchor = element_id
        else:
            following.setdefault(anchor, []).append(element_id)
    order = list(following.get(None, []))
    for element_id in after:
        order.append(element_id)
        order += following.get(element_id, [])
    return order


def _fields(before: dict, after: dict, ignored: set[str], prefix: str = "") -> tuple[FieldChange, ...]:
    """The fields that differ between two dumps of a part, nested parts as dotted paths ("kpi.actual")."""
    found: list[FieldChange] = []
    for name in dict.fromkeys([*before, *after]):
        if name in ignored:
            continue
        a, b = before.get(name), after.get(name)
        if isinstance(a, dict) and isinstance(b, dict):
            found += _fields(a, b, set(), f"{prefix}{name}.")
        elif a != b:
            found.append(FieldChange(prefix + name, a, b))
    return tuple(found)


def _stage_figures(before: JourneyMap, after: JourneyMap) -> tuple[StageFigures, ...]:
    funnels = funnel(before), funnel(after)
    old = {s.id: s for s in before.stages}
    new = {s.id: s for s in after.stages}
    gone = [s.id for s in before.stages if s.id not in new]
    figures = []
    for stage_id in [s.id for s in after.stages] + gone:
        steps = [f.step(stage_id) if stage_id in stages else None for f, stages in zip(funnels, (old, new))]
        figures.append(StageFigures(
            stage_id, (new.get(stage_id) or old[stage_id]).name,
            *(step.entering if step else None for step in steps),
            *(None if step is None or step.conversion is None else step.conversion * 100 for step in steps)))
    return tuple(figures)


def _kpi_changes(before: JourneyMap, after: JourneyMap) -> tuple[KpiChange, ...]:
    changes = []
    for kind, old, new in ((ElementKind.STAGE, before.stages, after.stages),
                           (ElementKind.CARD, before.cards, after.cards)):
        old_by_id = {e.id: e for e in old}
        new_by_id = {e.id: e for e in new}
        for element_id in _merged_order(list(old_by_id), list(new_by_id), new_by_id):
            a, b = old_by_id.get(element_id), new_by_id.get(element_id)
            if (a.kpi if a else None) == (b.kpi if b else None):
                continue
            attained = [_attainment(e.kpi) if e else None for e in (a, b)]
            if attained[0] != attained[1]:
                changes.append(KpiChange(kind, element_id, _kpi_name(b or a), *attained))
    return tuple(changes)


def _attainment(kpi: Kpi | None) -> float | None:
    reached = kpi_attainment(kpi)
    return None if reached is None else reached * 100


def _kpi_name(element: Stage | Card) -> str:
    """The KPI's own name, or else the name of the stage or card it belongs to."""
    if element.kpi is not None and element.kpi.name:
        return element.kpi.name
    return element.name if isinstance(element, Stage) else element.title or element.id


# -- the summary ----------------------------------------------------------------------------------

_COUNTED = ((ElementKind.CARD, "diff_cards"), (ElementKind.STAGE, "diff_stages"), (ElementKind.LANE, "diff_lanes"),
            (ElementKind.LINK, "diff_links"), (ElementKind.PERSONA, "diff_personas"))


def summary(diff: MapDiff, language: str) -> str:
    """One sentence for people: "12 cards added, 3 removed, 5 changed, 2 moved; the largest drop moved
    from Quotation to Contract; conversion 8.4% → 11.2%", in `language` (ru or en)."""
    if diff.equal:
        return caption("diff_same", language)
    parts = []
    for kind, noun in _COUNTED:
        counts = _counts(diff, kind)
        if counts:
            parts.append(_counted(noun, counts, language, masculine=kind == ElementKind.STAGE))
    if diff.of(ElementKind.META, "") is not None:
        parts.append(caption("diff_meta", language))
    drops = funnel(diff.before).largest_drop, funnel(diff.after).largest_drop
    if None not in drops and drops[0] != drops[1]:
        parts.append(caption("diff_drop", language).format(
            before=one_line(diff.before.stage(drops[0]).name, 80), after=one_line(diff.after.stage(drops[1]).name, 80)))
    overall = funnel(diff.before).overall, funnel(diff.after).overall
    if overall[0] != overall[1]:
        parts.append(caption("diff_conversion", language).format(
            before=percent(overall[0], language), after=percent(overall[1], language)))
    if not parts:  # only cards' order in their cells, or links' order, differs: nothing a reader sees counted
        parts.append(caption("diff_order", language))
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def _counts(diff: MapDiff, kind: ElementKind) -> list[tuple[str, int]]:
    """How many elements of `kind` were added, removed, changed and moved, leaving out the zeros."""
    of_kind = [d for d in diff.elements if d.kind == kind]
    found = [("added", sum(d.status == Status.ADDED for d in of_kind)),
             ("removed", sum(d.status == Status.REMOVED for d in of_kind)),
             ("changed", sum(d.status == Status.CHANGED for d in of_kind)),
             ("moved", sum(d.moved_from is not None for d in of_kind))]
    return [(what, n) for what, n in found if n]


def _counted(noun: str, counts: list[tuple[str, int]], language: str, masculine: bool) -> str:
    """ "12 cards added, 3 removed": the noun with the first figure, the verb agreeing with each."""
    gender = "_m" if masculine else ""
    words = []
    for k, (what, n) in enumerate(counts):
        figure = plural(noun, n, language) if k == 0 else str(n)
        words.append(f"{figure} {plural(f'diff_{what}{gender}', n, language)}")
    return ", ".join(words)
