"""Checks that span the parts of a map: unique ids and references that resolve.

Field-level rules (ranges, lengths) are checked by the parts themselves; these are the rules a file
can break while every part is fine on its own.
"""

from __future__ import annotations

from typing import NamedTuple

from .document import JourneyMap


class Problem(NamedTuple):
    """One thing wrong with a document: where (a field path such as `cards[3].stage`) and what. (A named
    tuple: a frozen dataclass costs every start 0.3 ms more to make.)"""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def check_references(doc: JourneyMap) -> list[Problem]:
    """Every problem of ids and references in `doc`, in file order."""
    problems = _ids_used_twice(doc)
    stages = {s.id for s in doc.stages}
    lanes = {lane.id for lane in doc.lanes}
    cards = {c.id for c in doc.cards}
    personas = {p.id for p in doc.personas}
    for i, card in enumerate(doc.cards):
        if card.persona is not None and card.persona not in personas:
            problems.append(Problem(f"cards[{i}].persona", f"there is no persona with the id {card.persona!r}"))
        if card.stage not in stages:
            problems.append(Problem(f"cards[{i}].stage", f"there is no stage with the id {card.stage!r}"))
        if card.lane not in lanes:
            problems.append(Problem(f"cards[{i}].lane", f"there is no lane with the id {card.lane!r}"))
    for i, link in enumerate(doc.links):
        for end in ("source", "target"):
            if getattr(link, end) not in cards:
                problems.append(Problem(f"links[{i}].{end}", f"there is no card with the id {getattr(link, end)!r}"))
        if link.source == link.target:
            problems.append(Problem(f"links[{i}].target", "a link must join two different cards"))
    named = {"persona": personas, "stage": stages, "lane": lanes, "card": cards, "link": {k.id for k in doc.links}}
    for i, conflict in enumerate(doc.conflicts):
        if conflict.kind != "meta" and conflict.element not in named[conflict.kind]:
            problems.append(Problem(f"conflicts[{i}].element",
                                    f"there is no {conflict.kind} with the id {conflict.element!r}"))
    return problems


def _ids_used_twice(doc: JourneyMap) -> list[Problem]:
    """Each id used a second time, where, and where it was first. A map nearly never has one, so the
    places are spelt out only when a set of the ids is smaller than their list (half of the check's
    time as a 5,000-card map is opened)."""
    lists = ("personas", "stages", "lanes", "cards", "links", "snapshots", "conflicts", "inbox", "votes")
    ids = [element.id for name in lists for element in getattr(doc, name)]
    if len(set(ids)) == len(ids):
        return []
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for name in lists:
        for i, element in enumerate(getattr(doc, name)):
            where = f"{name}[{i}].id"
            if element.id in first_seen:
                problems.append(Problem(where, f"the id {element.id!r} is already used at {first_seen[element.id]}"))
            else:
                first_seen[element.id] = where
    return problems
