"""Undo commands: each changes the model through its operations, and nothing else.

A command holds what it needs to redo and undo itself exactly; one user gesture is one command
(a drag of many cards, a paste, one typing session).
"""

from __future__ import annotations

import weakref
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..model import Card, JourneyMap, Lane, Link, ModelError, Persona, Removal, Snapshot, Stage, Vote
from ..model.document import KIND_OF_LIST, ElementKind
from .session import DocumentSession


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("commands", text, None, n)


class Command(QUndoCommand):
    def __init__(self, session: DocumentSession, text: str):
        super().__init__(text)
        self.session = weakref.proxy(session)  # it owns the command: a strong one makes a cycle through Qt

    @property
    def doc(self) -> JourneyMap:
        return self.session.doc


class AddCards(Command):
    """New cards, each at a place in its cell, and links among them: a new card, a paste, a duplicate."""

    def __init__(self, session: DocumentSession, cards: list[tuple[Card, int | None]], links: list[Link] = (),
                 text: str | None = None):
        super().__init__(session, text or (tr("Add card") if len(cards) == 1 else tr("Add %n cards", len(cards))))
        self.cards = cards
        self.links = list(links)

    def _kinds(self) -> set[ElementKind]:
        return {ElementKind.CARD, ElementKind.LINK} if self.links else {ElementKind.CARD}

    def redo(self) -> None:
        for card, index in self.cards:
            self.doc.add_card(card, index)
        for link in self.links:
            self.doc.add_link(link)
        self.session.notify({c.id for c, _ in self.cards} | {k.id for k in self.links}, True, self._kinds())

    def undo(self) -> None:
        self.doc.remove_cards([c.id for c, _ in self.cards])
        self.session.notify({c.id for c, _ in self.cards} | {k.id for k in self.links}, True, self._kinds())


class RemoveElements(Command):
    """Delete cards (with their links) and links; undo puts each back at its place."""

    def __init__(self, session: DocumentSession, card_ids: list[str], link_ids: list[str] = (),
                 text: str | None = None):
        super().__init__(session, text or tr("Delete"))
        self.card_ids = list(card_ids)
        self.link_ids = list(link_ids)
        self.removals: list[Removal] = []

    def redo(self) -> None:
        cards = set(self.card_ids)
        links = [k for k in self.link_ids if not any(e in cards for e in self._ends(k))]
        self.removals = [self.doc.remove_links(links), self.doc.remove_cards(self.card_ids)]
        _notify_removed(self.session, self.removals)

    def undo(self) -> None:
        for removal in reversed(self.removals):
            self.doc.restore(removal)
        _notify_removed(self.session, self.removals)

    def _ends(self, link_id: str) -> tuple[str, str]:
        link = self.doc.link(link_id)
        return link.source, link.target


def _notify_removed(session: DocumentSession, removals: list[Removal],
                    kinds: set[ElementKind] = frozenset()) -> None:
    """Report the elements of `removals` (gone or put back) as a change of structure."""
    items = [item for removal in removals for item in removal.items]
    kinds = {*kinds, *(KIND_OF_LIST[name] for name, _, _ in items
                       if name != "conflicts")}  # a conflict goes with the element it names
    session.notify({e.id for _, _, e in items}, True, kinds)


class MoveCards(Command):
    """Cards moved, in order, to cells, each before a given card of the cell (or to its end): one
    drag of one or many cards. Where they land is `JourneyMap.move_cards`'s rule."""

    def __init__(self, session: DocumentSession, moves: list[tuple[str, str, str, str | None]],
                 text: str | None = None):
        super().__init__(session, text or (tr("Move card") if len(moves) == 1 else tr("Move %n cards", len(moves))))
        self.moves = moves
        self.former: list[tuple[str, str, str, int]] = []

    def redo(self) -> None:
        self.former = []
        for card_id, stage_id, lane_id, before in self.moves:
            card = self.doc.card(card_id)
            old_stage, old_lane = card.stage, card.lane
            [position] = self.doc.move_cards([card_id], stage_id, lane_id, before)
            self.former.append((card_id, old_stage, old_lane, position))
        self.session.notify({m[0] for m in self.moves}, True, {ElementKind.CARD})

    def undo(self) -> None:
        for card_id, stage_id, lane_id, position in reversed(self.former):
            self.doc.place_card(card_id, stage_id, lane_id, position)
        self.session.notify({m[0] for m in self.moves}, True, {ElementKind.CARD})


class SetFieldsOfMany(Command):
    """New values for fields of elements of one kind (cards, stages, lanes, links, personas, or the map's
    meta): {element id: {field: value}}, one undo step and one notification. Each redo and undo finds
    all its elements in one pass over their list, so an import that sets the figures of thousands of
    cards costs no more than one of them times their number.

    The values are checked when the command is made, so a bad value never reaches the undo stack."""

    def __init__(self, session: DocumentSession, kind: ElementKind, changes: dict[str, dict[str, Any]],
                 text: str | None = None):
        super().__init__(session, text or tr("Edit"))
        self.kind = kind
        elements = self.doc.elements(self.kind, list(changes))
        self.new: dict[str, dict[str, Any]] = {}
        self.old: dict[str, dict[str, Any]] = {}
        for element_id, values in changes.items():
            element = elements[element_id]
            plain = {name: v.model_dump() if isinstance(v, BaseModel) else v for name, v in values.items()}
            type(element).model_validate({**element.model_dump(), **plain})  # nested parts are checked too
            self.new[element_id] = dict(values)
            self.old[element_id] = {name: getattr(element, name) for name in values}

    def _apply(self, values_by_id: dict[str, dict[str, Any]]) -> None:
        elements = self.doc.elements(self.kind, list(values_by_id))
        fields: set[str] = set()
        for element_id, values in values_by_id.items():
            element = elements[element_id]
            for name, value in values.items():
                setattr(element, name, value)
            fields.update(values)
        self.session.notify(values_by_id, False, {self.kind}, fields)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class AddPart(Command):
    """A new stage, lane, persona, link or snapshot at a place in its list."""

    def __init__(self, session: DocumentSession, element: Stage | Lane | Persona | Link | Snapshot | Vote,
                 index: int | None = None, text: str | None = None):
        super().__init__(session, text or tr("Add"))
        self.element, self.index = element, index
        self.kind = kind_of(element)

    def redo(self) -> None:
        match self.element:
            case Stage():
                self.doc.add_stage(self.element, self.index)
            case Lane():
                self.doc.add_lane(self.element, self.index)
            case Persona():
                self.doc.add_persona(self.element, self.index)
            case Link():
                self.doc.add_link(self.element, self.index)
            case Snapshot():
                self.doc.add_snapshot(self.element, self.index)
            case Vote():
                self.doc.add_vote(self.element, self.index)
        self.session.notify({self.element.id}, True, {self.kind})

    def undo(self) -> None:
        _remove_part(self.doc, self.kind, self.element.id)
        self.session.notify({self.element.id}, True, {self.kind})


class RemovePart(Command):
    """Delete a stage or lane with its cards and their links, or a persona, a link or a snapshot."""

    def __init__(self, session: DocumentSession, kind: ElementKind, element_id: str, text: str | None = None):
        super().__init__(session, text or tr("Delete"))
        self.kind, self.element_id = kind, element_id
        self.removal: Removal | None = None

    def redo(self) -> None:
        self.removal = _remove_part(self.doc, self.kind, self.element_id)
        _notify_removed(self.session, [self.removal], {self.kind})

    def undo(self) -> None:
        self.doc.restore(self.removal)
        _notify_removed(self.session, [self.removal], {self.kind})


class MovePart(Command):
    """A stage, lane or persona moved to another place in its list."""

    def __init__(self, session: DocumentSession, kind: ElementKind, element_id: str, index: int,
                 text: str | None = None):
        super().__init__(session, text or tr("Reorder"))
        self.kind, self.element_id, self.index = kind, element_id, index
        self.former = session.doc.index_of(self.kind, element_id)

    def redo(self) -> None:
        _move_part(self.doc, self.kind, self.element_id, self.index)
        self.session.notify({self.element_id}, True, {self.kind})

    def undo(self) -> None:
        _move_part(self.doc, self.kind, self.element_id, self.former)
        self.session.notify({self.element_id}, True, {self.kind})


class ReplaceContent(Command):
    """The map's content (all but its snapshots) replaced by another map's: a snapshot restored, as one
    step. Redo and undo each swap the content held here with the map's, so undo gives back the very
    objects the map held. Every view hears that everything may have changed."""

    def __init__(self, session: DocumentSession, content: JourneyMap, text: str):
        super().__init__(session, text)
        self.other = content

    def _swap(self) -> None:
        self.other = self.doc.restore_content(self.other)
        self.session.notify(self.doc.ids() | self.other.ids(), True)

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()


class SettleConflicts(Command):
    """Merge conflicts taken off the map's list (what their elements hold stays); undo puts them back.
    Reported as a change of structure, of the elements they name, so that every mark is redrawn."""

    def __init__(self, session: DocumentSession, conflict_ids: list[str], text: str | None = None):
        super().__init__(session, text or tr("Resolve conflict"))
        self.conflict_ids = list(conflict_ids)
        self.removal: Removal | None = None

    def _notify(self) -> None:
        conflicts = [e for _, _, e in self.removal.items]
        self.session.notify({c.id for c in conflicts} | {c.element for c in conflicts if c.element}, True,
                            {ElementKind(c.kind) for c in conflicts})

    def redo(self) -> None:
        self.removal = self.doc.remove_conflicts(self.conflict_ids)
        self._notify()

    def undo(self) -> None:
        self.doc.restore(self.removal)
        self._notify()


def kind_of(element: Stage | Lane | Persona | Link | Snapshot | Vote) -> ElementKind:
    match element:
        case Stage():
            return ElementKind.STAGE
        case Lane():
            return ElementKind.LANE
        case Persona():
            return ElementKind.PERSONA
        case Link():
            return ElementKind.LINK
        case Snapshot():
            return ElementKind.SNAPSHOT
        case Vote():
            return ElementKind.VOTE
    raise ModelError(f"a {type(element).__name__} is not a part of the map that is added alone")


def _remove_part(doc: JourneyMap, kind: ElementKind, element_id: str) -> Removal:
    match kind:
        case ElementKind.STAGE:
            return doc.remove_stage(element_id)
        case ElementKind.LANE:
            return doc.remove_lane(element_id)
        case ElementKind.PERSONA:
            return doc.remove_persona(element_id)
        case ElementKind.LINK:
            return doc.remove_link(element_id)
        case ElementKind.SNAPSHOT:
            return doc.remove_snapshot(element_id)
        case ElementKind.VOTE:
            return doc.remove_vote(element_id)
    raise ModelError(f"a {kind} is not removed on its own")


def _move_part(doc: JourneyMap, kind: ElementKind, element_id: str, index: int) -> None:
    match kind:
        case ElementKind.STAGE:
            doc.move_stage(element_id, index)
        case ElementKind.LANE:
            doc.move_lane(element_id, index)
        case ElementKind.PERSONA:
            doc.move_persona(element_id, index)
        case _:
            raise ModelError(f"a {kind} has no place in a list of its own")
