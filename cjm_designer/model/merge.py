"""Three-way merge of maps by element id: what git's merge driver runs on two versions of a map.

Elements are matched by id, never by their place in a file, so edits of different elements, and of
different fields of one element, all survive. Where both sides changed one field to different values,
or one side removed what the other changed, the result keeps ours (or the changed element) and records
a `Conflict` holding both values: the merged map is always valid and loses nothing, and the user settles
each conflict later (Map → Conflicts).

The merge works on the maps' JSON form (`model_dump(mode="json")`), so that values are compared and
recorded exactly as a file holds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .document import JourneyMap, fresh_id
from .elements import Conflict, ConflictKind, Kpi, Metrics

Body = dict[str, Any]
PARTS: tuple[tuple[str, ConflictKind], ...] = (
    ("personas", "persona"), ("stages", "stage"), ("lanes", "lane"), ("cards", "card"), ("links", "link"))
LISTS = tuple(name for name, _ in PARTS) + ("snapshots", "conflicts", "inbox", "votes")
FIELD_BY_FIELD = {"kpi": Kpi, "metrics": Metrics}  # nested parts merged field by field; other values as a whole
CARD_REFERENCES = {"stages": "stage", "lanes": "lane", "personas": "persona"}
REFERENCES = {"cards": ("stage", "lane", "persona"), "links": ("source", "target"), "conflicts": ("element",),
              "inbox": ("stage", "lane")}  # the fields of each list that hold another element's id
REFERENCE_FIELDS = {key for keys in REFERENCES.values() for key in keys} - {"element"}


@dataclass
class Merged:
    """The merged map, the conflicts this merge found (the map holds them, with any the inputs had),
    and how many changes each side brought."""

    doc: JourneyMap
    conflicts: list[Conflict] = field(default_factory=list)
    from_ours: int = 0
    from_theirs: int = 0


def merge(base: JourneyMap, ours: JourneyMap, theirs: JourneyMap) -> Merged:
    """Merge `ours` and `theirs`, two versions of `base`, by element id (see the module's docstring)."""
    return _Merge(base, ours, theirs).run()


class _Merge:
    def __init__(self, base: JourneyMap, ours: JourneyMap, theirs: JourneyMap):
        self.taken = base.ids() | ours.ids() | theirs.ids()
        self.base, self.ours = base.model_dump(mode="json"), ours.model_dump(mode="json")
        self.theirs = self._without_clashes(theirs.model_dump(mode="json"))
        self.meta_modified = _later_modified(base, ours, theirs)
        self.result = Merged(JourneyMap())

    def run(self) -> Merged:
        merged: dict[str, dict[str, Body]] = {}
        for name, kind in PARTS:
            merged[name] = self._elements(name, kind)
        self._restore_what_cards_need(merged)
        cards = merged["cards"]
        merged["links"] = {i: k for i, k in merged["links"].items()
                           if k["source"] in cards and k["target"] in cards and k["source"] != k["target"]}
        merged["snapshots"] = self._elements("snapshots", None)
        merged["conflicts"] = self._elements("conflicts", None)
        merged["inbox"] = self._elements("inbox", None)  # what either side received, less what either took out
        merged["votes"] = self._votes()
        body: Body = {"meta": self._meta()}
        for name in LISTS:
            body[name] = [merged[name][i] for i in self._order(name, merged[name])]
        body["snapshots"] = _unique_names(body["snapshots"])
        body["conflicts"] += [c.model_dump(mode="json") for c in self.result.conflicts]
        body["conflicts"] = [c for c in body["conflicts"] if _names_existing(c, merged)]
        self.result.doc = JourneyMap.model_validate(body)
        kept = {c["id"] for c in body["conflicts"]}
        self.result.conflicts = [c for c in self.result.conflicts if c.id in kept]
        return self.result

    # -- ids ----------------------------------------------------------------------------------------

    def _without_clashes(self, theirs: Body) -> Body:
        """`theirs` with each element whose id clashes re-id'd, and everything that names it following. An
        element alike on both sides that names a re-id'd one (their card in their stage) is then another
        element, so this repeats until no clash is left; fresh ids never clash, so it ends."""
        while renames := self._clashes(theirs):
            theirs = _renamed(theirs, renames)
        return theirs

    def _clashes(self, theirs: Body) -> dict[str, str]:
        """New ids for their elements whose id ours gave to something else (both sides added an element
        of that id, with different content): both survive, theirs under a fresh id."""
        in_base = {(name, e["id"]) for name in LISTS for e in self.base[name]}
        in_ours = {e["id"]: (name, e) for name in LISTS for e in self.ours[name]}
        return {e["id"]: fresh_id(name.removesuffix("s"), self.taken)
                for name in LISTS for e in theirs[name]
                if (name, e["id"]) not in in_base and e["id"] in in_ours and in_ours[e["id"]] != (name, e)}

    # -- elements -----------------------------------------------------------------------------------

    def _elements(self, name: str, kind: ConflictKind | None) -> dict[str, Body]:
        """The merged elements of one list by id. `kind` None (snapshots, the inputs' conflicts): what
        no conflict can be recorded on; a snapshot both sides changed is kept in both versions."""
        base, ours, theirs = (_by_id(side[name]) for side in (self.base, self.ours, self.theirs))
        merged: dict[str, Body] = {}
        for i in ours | theirs:
            b, o, t = base.get(i), ours.get(i), theirs.get(i)
            if o is not None and t is not None:
                if kind is None and b is not None and o != b != t != o:
                    merged[i] = o
                    copy = fresh_id(name.removesuffix("s"), self.taken)
                    merged[copy] = {**t, "id": copy}
                else:
                    merged[i] = self._fields(kind, i, b or o, o, t)
                continue
            present, side, other = (o, "ours", "theirs") if o is not None else (t, "theirs", "ours")
            if b is None:
                merged[i] = present
                self._count(side)
            elif present == b:
                self._count(other)  # the other side removed it, and this side left it as it was
            else:
                merged[i] = present
                if kind is not None:
                    self._conflict(kind, i, removed_by=other)
        return merged

    def _fields(self, kind: ConflictKind | None, element: str, b: Body, o: Body, t: Body, path: str = "") -> Body:
        """One element's fields merged one by one; nested parts (kpi, metrics) field by field."""
        merged = {}
        for key, ours in o.items():
            before, theirs = b.get(key), t.get(key)
            if ours == theirs or theirs == before:
                merged[key] = ours
                if ours != before:
                    self._count("ours")
            elif ours == before:
                merged[key] = theirs
                self._count("theirs")
            elif not path and key == "comments" and isinstance(ours, list) and isinstance(theirs, list):
                merged[key] = self._thread(kind, element, before or [], ours, theirs)
            elif not path and key in FIELD_BY_FIELD and isinstance(ours, dict) and isinstance(theirs, dict):
                base = before if isinstance(before, dict) else FIELD_BY_FIELD[key]().model_dump(mode="json")
                merged[key] = self._fields(kind, element, base, ours, theirs, f"{key}.")
            else:
                merged[key] = ours
                if kind is not None:
                    self._conflict(kind, element, f"{path}{key}", before, ours, theirs)
        return merged

    def _thread(self, kind: ConflictKind, element: str, b: list[Body], o: list[Body], t: list[Body]) -> list[Body]:
        """A card's comments, both sides changed: a union by comment id, less what one side removed and the
        other left as it was. A comment both sides edited differently makes the thread a conflict: the
        card keeps ours, and `theirs` holds the thread with their version of it."""
        base, ours, theirs = _by_id(b), _by_id(o), _by_id(t)
        mine: dict[str, Body] = {}
        other: dict[str, Body] = {}
        for i in ours | theirs:
            was, oc, tc = base.get(i), ours.get(i), theirs.get(i)
            if oc is not None and tc is not None:
                mine[i] = tc if oc == was else oc
                other[i] = oc if tc == was else tc
            elif (oc or tc) != was:  # added by one side, or changed where the other removed it
                mine[i] = other[i] = oc or tc
        order = merged_order([c["id"] for c in b], [c["id"] for c in o], [c["id"] for c in t], mine)
        thread, their_thread = [mine[i] for i in order], [other[i] for i in order]
        if thread != their_thread:
            self._conflict(kind, element, "comments", b, thread, their_thread)
        return thread

    def _votes(self) -> dict[str, Body]:
        """Votes by id, each field by field and its counts card by card, so the dots counted on each side
        (one ended the vote, the other got late ballots) all stay. A vote is the room's record, not a choice
        to settle: where both sides changed one value differently, ours is kept and no conflict recorded."""
        base, ours, theirs = (_by_id(side["votes"]) for side in (self.base, self.ours, self.theirs))
        merged: dict[str, Body] = {}
        for i in ours | theirs:
            b, o, t = base.get(i), ours.get(i), theirs.get(i)
            if o is None or t is None:
                if (o or t) != b:  # added by one side, or changed where the other removed it
                    merged[i] = o or t
                continue
            b = b or o
            merged[i] = {**_three_way(b, o, t), "counts": _three_way(b["counts"], o["counts"], t["counts"])}
        return merged

    def _restore_what_cards_need(self, merged: dict[str, dict[str, Body]]) -> None:
        """A kept card's stage, lane and persona stay, even when one side removed them: put back from the
        side that has them, and marked as a removal conflict."""
        for name, reference in CARD_REFERENCES.items():
            needed = {c[reference] for c in merged["cards"].values()} - {None} - merged[name].keys()
            ours, theirs = _by_id(self.ours[name]), _by_id(self.theirs[name])
            for i in sorted(needed):
                kept, removed_by = (ours[i], "theirs") if i in ours else (theirs.get(i), "ours")
                merged[name][i] = kept or _by_id(self.base[name])[i]
                self._conflict(reference, i, removed_by=removed_by)

    def _meta(self) -> Body:
        b, o, t = self.base["meta"], dict(self.ours["meta"]), dict(self.theirs["meta"])
        if self.meta_modified is not None:  # both saved it: the later save, not a conflict
            o["modified"] = t["modified"] = self.meta_modified
        return self._fields("meta", "", b, o, t)

    # -- order --------------------------------------------------------------------------------------

    def _order(self, name: str, merged: dict[str, Body]) -> list[str]:
        """The merged list's order; cards in the order of the whole list, and in each cell in the order
        that cell's cards are merged to."""
        sides = [[e["id"] for e in side[name]] for side in (self.base, self.ours, self.theirs)]
        order = merged_order(*sides, merged)
        if name != "cards":
            return order
        cells: dict[tuple[str, str], list[int]] = {}
        for position, i in enumerate(order):
            cells.setdefault(_cell(merged[i]), []).append(position)
        in_cell = [_cells(side["cards"]) for side in (self.base, self.ours, self.theirs)]
        for cell, positions in cells.items():
            kept = [order[p] for p in positions]
            for position, i in zip(positions, merged_order(*(side.get(cell, []) for side in in_cell), kept)):
                order[position] = i
        return order

    # -- what the merge reports ---------------------------------------------------------------------

    def _conflict(self, kind: ConflictKind, element: str, path: str = "", base: Any = None, ours: Any = None,
                  theirs: Any = None, removed_by: str = "") -> None:
        self.result.conflicts.append(Conflict(
            id=fresh_id("conflict", self.taken), kind=kind, element=element, field=path, base=base, ours=ours,
            theirs=theirs, removed_by=removed_by))

    def _count(self, side: str) -> None:
        if side == "ours":
            self.result.from_ours += 1
        else:
            self.result.from_theirs += 1


def merged_order(base: list[str], ours: list[str], theirs: list[str], kept: Iterable[str]) -> list[str]:
    """The order of the `kept` ids: the order of the side that reordered what both sides still have
    (ours when both did or neither did), with what only the other side placed put after the element it
    follows there (and after what the first side added at that place); what neither side holds goes last."""
    kept = dict.fromkeys(kept)
    common = set(base) & set(ours) & set(theirs)
    base_order, ours_order, theirs_order = ([i for i in ids if i in common] for ids in (base, ours, theirs))
    reordered_by_theirs = ours_order == base_order != theirs_order
    primary, secondary = (theirs, ours) if reordered_by_theirs else (ours, theirs)
    order = [i for i in primary if i in kept]
    placed, known = set(order), set(secondary)
    after = None
    for i in secondary:
        if i in kept and i not in placed:
            at = 0 if after is None else order.index(after) + 1
            while at < len(order) and order[at] not in known:  # what the first side added there comes first
                at += 1
            order.insert(at, i)
            placed.add(i)
        if i in placed:
            after = i
    return order + [i for i in kept if i not in placed]


def _three_way(base: Body, ours: Body, theirs: Body) -> Body:
    """Key by key: the side's value that changed (ours when both did); a key one side removed and the other
    left as it was is gone."""
    merged = {}
    for key in ours | theirs:
        before, o, t = base.get(key), ours.get(key), theirs.get(key)
        value = t if o == before else o
        if value is not None or (key in ours and key in theirs):
            merged[key] = value
    return merged


def _later_modified(base: JourneyMap, ours: JourneyMap, theirs: JourneyMap) -> str | None:
    """When both sides saved the map since the base, the later of their times of saving (as written)."""
    times = base.meta.modified, ours.meta.modified, theirs.meta.modified
    if None in times[1:] or times[1] == times[0] or times[2] == times[0] or times[1] == times[2]:
        return None
    later = ours if times[1] > times[2] else theirs
    return later.meta.model_dump(mode="json")["modified"]


def _renamed(body: Body, renames: dict[str, str]) -> Body:
    """`body` with the ids in `renames` changed, in the elements and wherever they are named: the fields in
    `REFERENCES`, a vote's lanes and the cards its dots are counted by, and the values of a conflict over
    one of the `REFERENCES` fields (a card's stage both sides changed holds two stage ids)."""
    def new(value: Any) -> Any:
        return renames.get(value, value) if isinstance(value, str) else value

    for name in LISTS:
        renamed = [{**e, **{key: new(e[key]) for key in ("id", *REFERENCES.get(name, ()))}} for e in body[name]]
        for e in renamed:
            if name == "votes":
                e["lanes"] = [new(lane) for lane in e["lanes"]]
                e["counts"] = {new(card): dots for card, dots in e["counts"].items()}
            elif name == "conflicts" and e["field"] in REFERENCE_FIELDS:
                e.update((key, new(e[key])) for key in ("base", "ours", "theirs"))
        body[name] = renamed
    return body


def _unique_names(snapshots: list[Body]) -> list[Body]:
    """Snapshots named as an earlier one (both sides took one named "Workshop") get a number, "Workshop
    (2)", as a snapshot's name says which one `FILE@NAME` is."""
    taken: set[str] = set()
    for k, snapshot in enumerate(snapshots):
        name, number = snapshot["name"], 1
        while name in taken:
            number += 1
            name = f"{snapshot['name'][:190]} ({number})"
        taken.add(name)
        snapshots[k] = {**snapshot, "name": name}
    return snapshots


def _names_existing(conflict: Body, merged: dict[str, dict[str, Body]]) -> bool:
    return conflict["kind"] == "meta" or conflict["element"] in merged[f"{conflict['kind']}s"]


def _by_id(elements: list[Body]) -> dict[str, Body]:
    return {e["id"]: e for e in elements}


def _cell(card: Body) -> tuple[str, str]:
    return card["stage"], card["lane"]


def _cells(cards: list[Body]) -> dict[tuple[str, str], list[str]]:
    cells: dict[tuple[str, str], list[str]] = {}
    for card in cards:
        cells.setdefault(_cell(card), []).append(card["id"])
    return cells
