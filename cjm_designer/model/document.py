"""The journey map document and the operations the editor performs on it.

The operations keep the document valid (ids unique, references resolving) and return what they
removed with its exact positions, so that an undo command can put everything back as it was.
Cards are kept in one list; the order of the cards of one cell in that list is their order in the cell.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .elements import Card, Conflict, InboxCard, Lane, Link, Meta, Part, Persona, Snapshot, Stage, Vote, empty_list

MAX_PERSONAS = 100
MAX_STAGES = 200
MAX_LANES = 200
MAX_CARDS = 100_000
MAX_LINKS = 100_000
MAX_SNAPSHOTS = 200
MAX_CONFLICTS = 100_000
MAX_INBOX = 10_000
MAX_VOTES = 1_000

ListName = Literal["personas", "stages", "lanes", "cards", "links", "snapshots", "conflicts", "inbox", "votes"]
Element = Persona | Stage | Lane | Card | Link | Snapshot | Conflict | InboxCard | Vote


class ElementKind(StrEnum):
    """The kinds of element an edit names (as `Change.kinds` does); META is the map's own fields."""

    META = "meta"
    PERSONA = "persona"
    STAGE = "stage"
    LANE = "lane"
    CARD = "card"
    LINK = "link"
    SNAPSHOT = "snapshot"
    INBOX = "inbox"
    VOTE = "vote"


class ModelError(ValueError):
    """An operation that would break the document (unknown id, duplicate id, bad reference)."""


class Removal:
    """What an operation removed, each element with its index in its list, to be restored exactly. (A
    plain class: making a dataclass costs every start 0.4 ms.)"""

    def __init__(self) -> None:
        self.items: list[tuple[ListName, int, Element]] = []


class JourneyMap(Part):
    """A whole customer journey map."""

    meta: Meta = Field(default_factory=Meta)
    personas: list[Persona] = Field(default_factory=empty_list, max_length=MAX_PERSONAS)
    stages: list[Stage] = Field(default_factory=empty_list, max_length=MAX_STAGES)
    lanes: list[Lane] = Field(default_factory=empty_list, max_length=MAX_LANES)
    cards: list[Card] = Field(default_factory=empty_list, max_length=MAX_CARDS)
    links: list[Link] = Field(default_factory=empty_list, max_length=MAX_LINKS)
    snapshots: list[Snapshot] = Field(default_factory=empty_list, max_length=MAX_SNAPSHOTS)
    conflicts: list[Conflict] = Field(default_factory=empty_list, max_length=MAX_CONFLICTS)
    inbox: list[InboxCard] = Field(default_factory=empty_list, max_length=MAX_INBOX)
    votes: list[Vote] = Field(default_factory=empty_list, max_length=MAX_VOTES)

    # -- lookup ---------------------------------------------------------------------------------

    def ids(self) -> set[str]:
        return {e.id for name in _LISTS for e in getattr(self, name)}

    def new_id(self, prefix: str) -> str:
        """A fresh id such as `card-3f9a0c1b`, unique in this document."""
        return fresh_id(prefix, self.ids())

    def persona(self, persona_id: str) -> Persona:
        return _find(self.personas, persona_id, "persona")

    def stage(self, stage_id: str) -> Stage:
        return _find(self.stages, stage_id, "stage")

    def lane(self, lane_id: str) -> Lane:
        return _find(self.lanes, lane_id, "lane")

    def card(self, card_id: str) -> Card:
        return _find(self.cards, card_id, "card")

    def link(self, link_id: str) -> Link:
        return _find(self.links, link_id, "link")

    def snapshot(self, snapshot_id: str) -> Snapshot:
        return _find(self.snapshots, snapshot_id, "snapshot")

    def conflict(self, conflict_id: str) -> Conflict:
        return _find(self.conflicts, conflict_id, "conflict")

    def inbox_card(self, inbox_id: str) -> InboxCard:
        return _find(self.inbox, inbox_id, "card in the inbox")

    def vote(self, vote_id: str) -> Vote:
        return _find(self.votes, vote_id, "vote")

    def element(self, kind: ElementKind, element_id: str) -> Meta | Element:
        """The element of `kind` with this id (the map's meta for META, whatever the id)."""
        match kind:
            case ElementKind.META:
                return self.meta
            case ElementKind.PERSONA:
                return self.persona(element_id)
            case ElementKind.STAGE:
                return self.stage(element_id)
            case ElementKind.LANE:
                return self.lane(element_id)
            case ElementKind.CARD:
                return self.card(element_id)
            case ElementKind.LINK:
                return self.link(element_id)
            case ElementKind.SNAPSHOT:
                return self.snapshot(element_id)
            case ElementKind.VOTE:
                return self.vote(element_id)
        raise ModelError(f"there is no kind of element {kind!r}")

    def elements(self, kind: ElementKind, element_ids: Collection[str]) -> dict[str, Meta | Element]:
        """The elements of `kind` with these ids, by id, found in one pass over their list instead of one
        pass each: an analytics import sets the figures of thousands of cards at once. An id that is
        not there raises ModelError, as `element` does."""
        if kind == ElementKind.META:
            return dict.fromkeys(element_ids, self.meta)
        wanted = set(element_ids)
        found = {e.id: e for e in getattr(self, _LIST_OF_KIND[kind]) if e.id in wanted}
        for element_id in element_ids:
            if element_id not in found:
                self.element(kind, element_id)  # raises ModelError naming what is missing
        return found

    def parts(self, kind: ElementKind) -> list[Persona] | list[Stage] | list[Lane]:
        """The list of the personas, the stages or the lanes, in their order."""
        match kind:
            case ElementKind.PERSONA:
                return self.personas
            case ElementKind.STAGE:
                return self.stages
            case ElementKind.LANE:
                return self.lanes
        raise ModelError(f"a {kind} has no place in a list of its own")

    def index_of(self, kind: ElementKind, element_id: str) -> int:
        """The place of a persona, stage or lane in its list."""
        return _position(self.parts(kind), self.element(kind, element_id))

    def cards_in(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards of one cell, in their order."""
        return [c for c in self.cards if c.stage == stage_id and c.lane == lane_id]

    def links_of(self, card_ids: set[str]) -> list[Link]:
        return [k for k in self.links if k.source in card_ids or k.target in card_ids]

    # -- personas, stages, lanes ----------------------------------------------------------------

    def add_persona(self, persona: Persona, index: int | None = None) -> None:
        self._insert("personas", persona, index, MAX_PERSONAS)

    def add_stage(self, stage: Stage, index: int | None = None) -> None:
        self._insert("stages", stage, index, MAX_STAGES)

    def add_lane(self, lane: Lane, index: int | None = None) -> None:
        self._insert("lanes", lane, index, MAX_LANES)

    def move_persona(self, persona_id: str, index: int) -> None:
        _move(self.personas, self.persona(persona_id), index)

    def move_stage(self, stage_id: str, index: int) -> None:
        _move(self.stages, self.stage(stage_id), index)

    def move_lane(self, lane_id: str, index: int) -> None:
        _move(self.lanes, self.lane(lane_id), index)

    def remove_persona(self, persona_id: str) -> Removal:
        return self._remove([("personas", self.persona(persona_id))])

    def remove_stage(self, stage_id: str) -> Removal:
        """Remove a stage with its cards and their links."""
        cards = [c for c in self.cards if c.stage == self.stage(stage_id).id]
        return self._remove([("stages", self.stage(stage_id))] + self._cards_and_links(cards))

    def remove_lane(self, lane_id: str) -> Removal:
        """Remove a lane with its cards and their links."""
        cards = [c for c in self.cards if c.lane == self.lane(lane_id).id]
        return self._remove([("lanes", self.lane(lane_id))] + self._cards_and_links(cards))

    # -- cards and links ------------------------------------------------------------------------

    def add_card(self, card: Card, index: int | None = None) -> None:
        """Add a card to its cell, at `index` among the cell's cards (at the end when None)."""
        self._check_new_id(card.id)
        self.stage(card.stage)
        self.lane(card.lane)
        if len(self.cards) >= MAX_CARDS:
            raise ModelError(f"a map holds at most {MAX_CARDS} cards")
        self.cards.insert(self._cell_position(card.stage, card.lane, index), card)

    def move_card(self, card_id: str, stage_id: str, lane_id: str, index: int | None = None) -> int:
        """Move a card to `index` among the cards of cell (stage, lane), at the end when None.

        Returns the card's former position in `cards`, for `place_card` to undo the move exactly."""
        card = self.card(card_id)
        self.stage(stage_id)
        self.lane(lane_id)
        former = _position(self.cards, card)
        del self.cards[former]
        card.stage, card.lane = stage_id, lane_id
        self.cards.insert(self._cell_position(stage_id, lane_id, index), card)
        return former

    def move_cards(self, card_ids: list[str], stage_id: str, lane_id: str, before: str | None) -> list[int]:
        """Move cards, in the order given, into cell (stage, lane) before card `before` of it (at its end
        when None), as `cell_order` says. Returns each card's former position in `cards` (the first card
        before any moved, the second after the first moved, …): `place_card` in reverse undoes them."""
        former = []
        for k, card_id in enumerate(card_ids):
            order = cell_order([c.id for c in self.cards_in(stage_id, lane_id)], card_ids[:k + 1], before)
            former.append(self.move_card(card_id, stage_id, lane_id, order.index(card_id)))
        return former

    def place_card(self, card_id: str, stage_id: str, lane_id: str, position: int) -> None:
        """Put a card in cell (stage, lane) at `position` of the whole `cards` list (undo of a move)."""
        card = self.card(card_id)
        self.stage(stage_id)
        self.lane(lane_id)
        if not 0 <= position < len(self.cards):
            raise ModelError(f"position {position} is outside 0..{len(self.cards) - 1}")
        del self.cards[_position(self.cards, card)]
        card.stage, card.lane = stage_id, lane_id
        self.cards.insert(position, card)

    def remove_cards(self, card_ids: list[str]) -> Removal:
        """Remove cards with the links that touch them."""
        return self._remove(self._cards_and_links([self.card(i) for i in card_ids]))

    def add_link(self, link: Link, index: int | None = None) -> None:
        self._check_new_id(link.id)
        self.card(link.source)
        self.card(link.target)
        if link.source == link.target:
            raise ModelError("a link must join two different cards")
        if len(self.links) >= MAX_LINKS:
            raise ModelError(f"a map holds at most {MAX_LINKS} links")
        self.links.insert(len(self.links) if index is None else index, link)

    def remove_link(self, link_id: str) -> Removal:
        return self._remove([("links", self.link(link_id))])

    def remove_links(self, link_ids: list[str]) -> Removal:
        return self._remove([("links", self.link(i)) for i in link_ids])

    # -- snapshots and conflicts ----------------------------------------------------------------

    def add_snapshot(self, snapshot: Snapshot, index: int | None = None) -> None:
        self._insert("snapshots", snapshot, index, MAX_SNAPSHOTS)

    def remove_snapshot(self, snapshot_id: str) -> Removal:
        return self._remove([("snapshots", self.snapshot(snapshot_id))])

    def add_conflict(self, conflict: Conflict, index: int | None = None) -> None:
        self._insert("conflicts", conflict, index, MAX_CONFLICTS)

    def remove_conflicts(self, conflict_ids: list[str]) -> Removal:
        """Settle conflicts: they leave the list (what the element holds is kept)."""
        return self._remove([("conflicts", self.conflict(i)) for i in conflict_ids])

    def add_inbox_card(self, card: InboxCard, index: int | None = None) -> None:
        """A participant's card into the Inbox; its stage and lane must be on the map as it arrives. (It
        stays when they are removed later, or a snapshot without them is restored: accepting it then
        asks for another cell.)"""
        self.stage(card.stage)
        self.lane(card.lane)
        self._insert("inbox", card, index, MAX_INBOX)

    def remove_inbox_cards(self, inbox_ids: list[str]) -> Removal:
        """Cards leave the Inbox (accepted as cards of the map, or discarded)."""
        return self._remove([("inbox", self.inbox_card(i)) for i in inbox_ids])

    def add_vote(self, vote: Vote, index: int | None = None) -> None:
        self._insert("votes", vote, index, MAX_VOTES)

    def remove_vote(self, vote_id: str) -> Removal:
        return self._remove([("votes", self.vote(vote_id))])

    def restore_content(self, content: JourneyMap) -> JourneyMap:
        """Make the map's meta, personas, stages, lanes, cards and links those of `content` (a snapshot
        restored, or an undo of that); its snapshots, Inbox and votes stay, and its conflicts are settled
        by the new content. Returns what was replaced, as a map, to restore back."""
        before = JourneyMap.model_construct(
            meta=self.meta, personas=self.personas, stages=self.stages, lanes=self.lanes, cards=self.cards,
            links=self.links, snapshots=[], conflicts=self.conflicts)
        for name in ("meta", "personas", "stages", "lanes", "cards", "links", "conflicts"):
            setattr(self, name, getattr(content, name))
        return before

    def restore(self, removal: Removal) -> None:
        """Put back what an operation removed, each element at its former index."""
        for name, index, element in sorted(removal.items, key=lambda t: (_LISTS.index(t[0]), t[1])):
            getattr(self, name).insert(index, element)

    # -- helpers --------------------------------------------------------------------------------

    def _check_new_id(self, element_id: str) -> None:
        if any(e.id == element_id for name in _LISTS for e in getattr(self, name)):
            raise ModelError(f"the id {element_id!r} is already used in this map")

    def _insert(self, name: ListName, element: Element, index: int | None, limit: int) -> None:
        self._check_new_id(element.id)
        items = getattr(self, name)
        if len(items) >= limit:
            raise ModelError(f"a map holds at most {limit} {name}")
        items.insert(len(items) if index is None else index, element)

    def _cell_position(self, stage_id: str, lane_id: str, index: int | None) -> int:
        """Where in `cards` a card goes to become the `index`-th card of a cell."""
        positions = [i for i, c in enumerate(self.cards) if c.stage == stage_id and c.lane == lane_id]
        if index is not None and index < 0:
            raise ModelError("a card's place in its cell cannot be negative")
        if index is not None and index < len(positions):
            return positions[index]
        return positions[-1] + 1 if positions else len(self.cards)

    def _cards_and_links(self, cards: list[Card]) -> list[tuple[ListName, Element]]:
        ids = {c.id for c in cards}
        return [("cards", c) for c in cards] + [("links", k) for k in self.links_of(ids)]

    def _remove(self, doomed: list[tuple[ListName, Element]]) -> Removal:
        """Remove elements, with the conflicts recorded on them (they go with the element they name)."""
        gone = {(KIND_OF_LIST[name], e.id) for name, e in doomed if name in ("personas", "stages", "lanes", "cards",
                                                                              "links")}
        doomed = doomed + [("conflicts", c) for c in self.conflicts if (c.kind, c.element) in gone]
        removal = Removal()
        by_list: dict[str, set[int]] = {}
        for name, element in doomed:
            by_list.setdefault(name, set()).add(id(element))
        for name, object_ids in by_list.items():
            items = getattr(self, name)
            positions = [i for i, e in enumerate(items) if id(e) in object_ids]
            removal.items += [(name, i, items[i]) for i in positions]
            for i in reversed(positions):
                del items[i]
        return removal


_LISTS: tuple[ListName, ...] = ("personas", "stages", "lanes", "cards", "links", "snapshots", "conflicts", "inbox",
                                "votes")
_LIST_OF_KIND: dict[ElementKind, ListName] = {
    ElementKind.PERSONA: "personas", ElementKind.STAGE: "stages", ElementKind.LANE: "lanes", ElementKind.CARD: "cards",
    ElementKind.LINK: "links", ElementKind.SNAPSHOT: "snapshots", ElementKind.INBOX: "inbox", ElementKind.VOTE: "votes"}
KIND_OF_LIST: dict[ListName, ElementKind] = {name: kind for kind, name in _LIST_OF_KIND.items()}  # a Removal's items


def cell_order(cell: list[str], moved: list[str], before: str | None) -> list[str]:
    """The order of a cell's cards (ids in `cell`, in order) once `moved` are put before card `before`:
    the cards not moved, in their order, with the moved ones, in the order given, inserted before
    `before` (at the end when None). The one rule for where moved cards land."""
    moving = set(moved)
    rest = [c for c in cell if c not in moving]
    if before is None:
        return rest + list(moved)
    if before not in rest:
        raise ModelError(f"the card {before!r} is not a card of the cell that stays in it")
    at = rest.index(before)
    return rest[:at] + list(moved) + rest[at:]


def fresh_id(prefix: str, taken: set[str]) -> str:
    """A random id such as `card-3f9a0c1b` not in `taken`, which it then joins (so that many ids made
    in a row, for a paste, are unique among themselves too)."""
    while True:
        candidate = f"{prefix}-{secrets.token_hex(4)}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def _find(items: list, element_id: str, what: str):
    for element in items:
        if element.id == element_id:
            return element
    raise ModelError(f"there is no {what} with the id {element_id!r}")


def _move(items: list, element: Element, index: int) -> None:
    if not 0 <= index < len(items):
        raise ModelError(f"position {index} is outside 0..{len(items) - 1}")
    del items[_position(items, element)]
    items.insert(index, element)


def _position(items: list, element: Element) -> int:
    """The index of this very object (pydantic's == compares values, and is slower)."""
    return next(i for i, e in enumerate(items) if e is element)
