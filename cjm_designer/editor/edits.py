"""The editing operations that the canvas and the docks call: each decides its ids, where new and moved
cards land and whether anything changes at all, and does the change as one undo step.

The views only translate events into these calls (as orange-canvas-core's scene gestures call
`SchemeEditWidget`). An operation that would change nothing pushes nothing and returns False or an
empty result; `text` names the undo step (the views pass it in their own words).
"""

from __future__ import annotations

from collections.abc import Collection
from contextlib import suppress
from datetime import UTC, datetime
from string import ascii_uppercase
from typing import Any

from annotated_types import Ge, Le

from ..model import (
    Card,
    Comment,
    InboxCard,
    JourneyMap,
    Lane,
    LaneKind,
    Link,
    Persona,
    Snapshot,
    Stage,
    Variant,
    Vote,
)
from ..model.captions import caption, map_language
from ..model.document import ElementKind, ModelError, cell_order, fresh_id
from ..model.elements import NAME_LENGTH
from ..model.vocab import lane_kind_named
from ..model.voting import running_vote
from .clipboard import cards_from_json, cards_from_text, split_typed
from .commands import (
    AddCards,
    AddPart,
    MoveCards,
    MovePart,
    RemoveElements,
    RemovePart,
    ReplaceContent,
    SetFieldsOfMany,
    tr,
)
from .comments import AddComment, RemoveComment, SetCommentResolved, add_comment
from .conflicts import Side, settle
from .field_paths import own_fields
from .inbox import AcceptInbox, DiscardInbox, receive
from .session import DocumentSession

Place = tuple[str, str, int]  # a cell (stage id, lane id) and an index among its cards
NEW_LANE_KIND = LaneKind.TOUCHPOINTS  # of a new lane whose name says no kind


class Editor:
    """Every change the views make to the session's map."""

    def __init__(self, session: DocumentSession):
        self.session = session

    @property
    def doc(self) -> JourneyMap:
        return self.session.doc

    # -- where things go --------------------------------------------------------------------------

    def place_after(self, cell: tuple[str, str] | None, card_ids: list[str]) -> Place | None:
        """The current place for new cards: the end of the chosen `cell`; else right after the last of
        `card_ids`; else None."""
        doc = self.doc
        if cell is not None:
            return *cell, len(doc.cards_in(*cell))
        if card_ids:
            last = doc.card(card_ids[-1])
            cell_ids = [c.id for c in doc.cards_in(last.stage, last.lane)]
            return last.stage, last.lane, cell_ids.index(last.id) + 1
        return None

    # -- cards --------------------------------------------------------------------------------------

    def add_card(self, stage_id: str, lane_id: str, index: int | None, typed: str,
                 text: str | None = None) -> str | None:
        """A card from typed text (first line the title, the rest its text) at `index` of the cell;
        its id, or None when nothing was typed."""
        title, body = split_typed(typed)
        if not (title or body):
            return None
        card = Card(id=self.doc.new_id("card"), stage=stage_id, lane=lane_id, title=title, text=body)
        self.session.push(AddCards(self.session, [(card, index)], text=text))
        return card.id

    def set_card_text(self, card_id: str, typed: str, text: str | None = None) -> bool:
        """A card's title and text from typed text, as `add_card` reads it."""
        title, body = split_typed(typed)
        return self.set_fields(ElementKind.CARD, {card_id: {"title": title, "text": body}}, text)

    def move_cards(self, card_ids: list[str], stage_id: str, lane_id: str, before: str | None = None,
                   text: str | None = None) -> bool:
        """Move cards (in map order) into a cell before its card `before` (to its end when None), as
        `cell_order` says; False, and nothing pushed, when every card is there already."""
        doc = self.doc
        ids = _in_map_order(doc, card_ids)
        current = [c.id for c in doc.cards_in(stage_id, lane_id)]
        if not ids or cell_order(current, ids, before) == current:
            return False
        self.session.push(MoveCards(self.session, [(card_id, stage_id, lane_id, before) for card_id in ids], text))
        return True

    def duplicate(self, card_ids: list[str], text: str | None = None) -> list[str]:
        """Copies of the cards, each right after its original, with the links among them copied too;
        the copies' ids (in map order)."""
        doc = self.doc
        taken = doc.ids()
        copies: dict[str, tuple[Card, int]] = {}
        for card_id in _in_map_order(doc, card_ids):  # earlier copies in a cell shift the later ones by one each
            card = doc.card(card_id)
            cell = [c.id for c in doc.cards_in(card.stage, card.lane)]
            earlier = sum(1 for c, _ in copies.values() if (c.stage, c.lane) == (card.stage, card.lane))
            copy = card.model_copy(update={"id": fresh_id("card", taken)}, deep=True)
            copies[card_id] = (copy, cell.index(card_id) + 1 + earlier)
        if not copies:
            return []
        links = [link.model_copy(update={"id": fresh_id("link", taken), "source": copies[link.source][0].id,
                                         "target": copies[link.target][0].id})
                 for link in doc.links if link.source in copies and link.target in copies]
        self.session.push(AddCards(self.session, list(copies.values()), links, text=text))
        return [c.id for c, _ in copies.values()]

    def paste(self, place: Place, payload: bytes | None, plain: str | None, text: str | None = None) -> list[str]:
        """Cards copied as `payload` (see clipboard.copy_payload; with fresh ids and the links among
        them), or else one card a line of `plain`, at `place`; the new cards' ids."""
        stage_id, lane_id, index = place
        cards, links = cards_from_json(self.doc, payload, stage_id, lane_id) if payload is not None else ([], [])
        if not cards and plain:
            cards = cards_from_text(self.doc, plain, stage_id, lane_id)
        if not cards:
            return []
        self.session.push(AddCards(self.session, [(c, index + i) for i, c in enumerate(cards)], links, text=text))
        return [c.id for c in cards]

    def connect(self, source: str, target: str, text: str | None = None) -> str | None:
        """A link from card `source` to card `target`; its id, or None for a card and itself."""
        if source == target:
            return None
        link = Link(id=self.doc.new_id("link"), source=source, target=target)
        self.session.push(AddPart(self.session, link, text=text))
        return link.id

    def delete(self, card_ids: list[str], link_ids: list[str] = (), text: str | None = None) -> bool:
        """Delete cards (with their links) and links."""
        if not card_ids and not link_ids:
            return False
        self.session.push(RemoveElements(self.session, card_ids, link_ids, text=text))
        return True

    # -- stages, lanes, personas --------------------------------------------------------------------

    def add_stage(self, index: int | None, name: str, text: str | None = None) -> str:
        """A new stage at `index` (at the end when None); its id."""
        stage = Stage(id=self.doc.new_id("stage"), name=name)
        self.session.push(AddPart(self.session, stage, index, text=text))
        return stage.id

    def add_lane(self, index: int | None, name: str, kind: LaneKind | None = None,
                 text: str | None = None) -> str:
        """A new lane at `index` (at the end when None); its id. Without a `kind`, the one its name
        says ("Эмоции", "Pain points": model/vocab.py), else touchpoints."""
        lane = Lane(id=self.doc.new_id("lane"), name=name, kind=kind or lane_kind_named(name) or NEW_LANE_KIND)
        self.session.push(AddPart(self.session, lane, index, text=text))
        return lane.id

    def add_stage_after(self, stage_id: str | None, name: str, text: str | None = None, *,
                        before: bool = False) -> str:
        """A new stage right after the stage `stage_id` (right before it with `before`), after the last
        without one; its id."""
        return self.add_stage(self._beside(ElementKind.STAGE, stage_id, before), name, text)

    def add_lane_after(self, lane_id: str | None, name: str, kind: LaneKind | None = None,
                       text: str | None = None, *, before: bool = False) -> str:
        """A new lane right after the lane `lane_id` (the current cell's; right before it with `before`),
        after the last without one; its id. Its kind as `add_lane` says."""
        return self.add_lane(self._beside(ElementKind.LANE, lane_id, before), name, kind, text)

    def _beside(self, kind: ElementKind, element_id: str | None, before: bool) -> int | None:
        """The index of a new stage or lane next to `element_id`; None (the end) without one."""
        if element_id is None:
            return None
        return self.doc.index_of(kind, element_id) + (0 if before else 1)

    def add_persona(self, name: str, text: str | None = None) -> str:
        """A new persona after the others; its id."""
        persona = Persona(id=self.doc.new_id("persona"), name=name)
        self.session.push(AddPart(self.session, persona, text=text))
        return persona.id

    def move_part(self, kind: ElementKind, element_id: str, index: int, text: str | None = None) -> bool:
        """Put a stage, lane or persona at `index` of its list; False when it is there already or the
        index is outside the list."""
        former = self.doc.index_of(kind, element_id)
        if index == former or not 0 <= index < len(self.doc.parts(kind)):
            return False
        self.session.push(MovePart(self.session, kind, element_id, index, text=text))
        return True

    def move_part_to_boundary(self, kind: ElementKind, element_id: str, boundary: int,
                              text: str | None = None) -> bool:
        """Move a stage, lane or persona to a boundary between two of its list (0 before the first,
        len after the last), as a drag of its header drops it."""
        former = self.doc.index_of(kind, element_id)
        return self.move_part(kind, element_id, boundary - 1 if boundary > former else boundary, text)

    def resize_part(self, kind: ElementKind, element_id: str, size: float, text: str | None = None) -> bool:
        """Set a stage's width or a lane's height (a minimum for the layout) to `size`, rounded and kept
        within what the map accepts (`size_limits`), as a drag of its header's edge leaves it."""
        low, high = self.size_limits(kind)
        name = "width" if kind == ElementKind.STAGE else "height"
        return self.set_fields(kind, {element_id: {name: float(min(max(round(size), low), high))}}, text)

    def size_limits(self, kind: ElementKind) -> tuple[float, float]:
        """The least and the most a stage's width or a lane's height may be set to, as the map accepts:
        `resize_part` keeps a size within them, and a drag's live preview shows it so."""
        part, name = (Stage, "width") if kind == ElementKind.STAGE else (Lane, "height")
        metadata = part.model_fields[name].metadata
        return next(m.ge for m in metadata if isinstance(m, Ge)), next(m.le for m in metadata if isinstance(m, Le))

    def remove_part(self, kind: ElementKind, element_id: str, text: str | None = None) -> None:
        """Delete a stage or lane with its cards and their links, or a persona; the cards tagged with
        the persona (its emotion curve's points) lose the tag in the same undo step."""
        removal = RemovePart(self.session, kind, element_id, text=text)
        tagged = [card.id for card in self.doc.cards if kind == ElementKind.PERSONA and card.persona == element_id]
        if not tagged:
            self.session.push(removal)
            return
        with self.session.batch(removal.text()):
            self.session.push(SetFieldsOfMany(self.session, ElementKind.CARD,
                                              dict.fromkeys(tagged, {"persona": None}), text=text))
            self.session.push(removal)

    # -- snapshots ----------------------------------------------------------------------------------

    def save_snapshot(self, snapshot: Snapshot) -> None:
        """Keep `snapshot` (taken by `io.snapshots.take_snapshot`) in the map, newest last. Snapshot
        names are unique, so that `FILE@NAME` names one: a name taken raises ModelError."""
        self._check_snapshot_name(snapshot.name)
        self.session.push(AddPart(self.session, snapshot, text=tr("Save snapshot “{name}”").format(name=snapshot.name)))

    def rename_snapshot(self, snapshot_id: str, name: str) -> bool:
        """A snapshot's new name (unique, as `save_snapshot` says); False when it has that name."""
        if self.doc.snapshot(snapshot_id).name == name:
            return False
        self._check_snapshot_name(name)
        return self.set_fields(ElementKind.SNAPSHOT, {snapshot_id: {"name": name}}, tr("Rename snapshot"))

    def delete_snapshot(self, snapshot_id: str) -> None:
        name = self.doc.snapshot(snapshot_id).name
        self.session.push(RemovePart(self.session, ElementKind.SNAPSHOT, snapshot_id,
                                     text=tr("Delete snapshot “{name}”").format(name=name)))

    def restore_snapshot(self, snapshot_id: str, content: JourneyMap) -> None:
        """Make the map what the snapshot kept (`content`, read by `io.snapshots.snapshot_map`), as one
        undo step; the snapshots stay. Refused (ModelError) if an id of `content` is a snapshot's."""
        name = self.doc.snapshot(snapshot_id).name
        clash = content.ids() & {s.id for s in self.doc.snapshots}
        if clash:
            raise ModelError(f"the snapshot's map uses the id {min(clash)!r} of a snapshot")
        self.session.push(ReplaceContent(self.session, content, tr("Restore snapshot “{name}”").format(name=name)))

    def _check_snapshot_name(self, name: str) -> None:
        if any(s.name == name for s in self.doc.snapshots):
            raise ModelError(f"a snapshot named {name!r} is already kept in this map")

    # -- dot votes and comments (a workshop) --------------------------------------------------------
    # What the room sends (ballots, a participant's comment) is not the facilitator's gesture: it changes the
    # map with no undo step, so Ctrl+Z never takes back a participant's dots or words in the middle of editing
    # (as the Inbox's arrivals). The document is marked modified all the same, so that it is saved.

    def start_vote(self, name: str, lane_ids: list[str], dots: int, ends: datetime | None = None) -> str:
        """A new vote on the cards of `lane_ids`, `dots` each, until `ends` (or until ended); its id, as
        one undo step. Refused (ModelError) while another vote runs or when a lane is not on the map."""
        running = running_vote(self.doc)
        if running is not None:
            raise ModelError(f"the vote {running.name or running.id!r} is still running")
        for lane_id in lane_ids:
            self.doc.lane(lane_id)
        vote = Vote(id=self.doc.new_id("vote"), name=name, lanes=lane_ids, dots=dots, started=_now(), ends=ends)
        self.session.push(AddPart(self.session, vote, text=tr("Start vote")))
        return vote.id

    def end_vote(self, vote_id: str) -> bool:
        """Close a vote now, as one undo step; False when it has ended already."""
        if self.doc.vote(vote_id).ended is not None:
            return False
        return self.set_fields(ElementKind.VOTE, {vote_id: {"ended": _now()}}, tr("End vote"))

    def set_vote_counts(self, vote_id: str, counts: dict[str, int], voters: int) -> bool:
        """The room's totals for a vote (dots by card id, and how many voted), with no undo step (see
        above). False, changing nothing, when the vote is gone (its start undone) or has ended, or when
        the totals are the same. The change names the vote and the cards whose dots changed, so the canvas
        lays out only those."""
        vote = next((v for v in self.doc.votes if v.id == vote_id), None)
        if vote is None or vote.ended is not None:
            return False
        counts = {card_id: n for card_id, n in counts.items() if n > 0}
        if vote.counts == counts and vote.voters == voters:
            return False
        Vote.model_validate({**vote.model_dump(), "counts": counts, "voters": voters})  # all or nothing
        moved = {i for i in vote.counts.keys() | counts.keys() if vote.counts.get(i) != counts.get(i)}
        vote.counts, vote.voters = counts, voters
        self._room_changed({vote_id} | moved, {ElementKind.VOTE}, {"counts", "voters"})
        return True

    def add_comment(self, card_id: str, author: str, text: str, from_room: bool = False) -> str:
        """A comment at the end of a card's thread; its id. The facilitator's is one undo step; one
        `from_room` (a participant's) has none (see above). Bad text raises ValidationError."""
        card = self.doc.card(card_id)
        comment = Comment(id=fresh_id("comment", {c.id for c in card.comments}), author=author, text=text,
                          created=_now())
        if from_room:
            add_comment(self.session, card_id, comment)
            self.session.mark_unsaved()
        else:
            self.session.push(AddComment(self.session, card_id, comment))
        return comment.id

    def set_comment_resolved(self, card_id: str, comment_id: str, resolved: bool) -> bool:
        """Resolve a comment (or reopen it), as one undo step; False when it is so already."""
        comment = _comment(self.doc, card_id, comment_id)
        if comment.resolved == resolved:
            return False
        self.session.push(SetCommentResolved(self.session, card_id, comment_id, resolved))
        return True

    def remove_comment(self, card_id: str, comment_id: str) -> None:
        _comment(self.doc, card_id, comment_id)
        self.session.push(RemoveComment(self.session, card_id, comment_id))

    def _room_changed(self, ids: set[str], kinds: set[ElementKind], fields: set[str]) -> None:
        self.session.mark_unsaved()
        self.session.notify(ids, False, kinds, fields)

    # -- the workshop Inbox (see editor/inbox.py: arrivals have no undo step, accept and discard do) -----

    def receive_inbox_cards(self, cards: list[InboxCard]) -> list[str]:
        """Participants' cards into the Inbox, with no undo step and one notification for them all (a burst
        from the room relays out the window once); the ids they are kept under. A card whose id the map
        uses gets a fresh one; one whose stage or lane went meanwhile (between the server's check and
        here), or past the Inbox's limit, is not kept."""
        return receive(self.session, cards)

    def take_in_room(self, cards: list[InboxCard], comments: list[tuple[str, Comment]],
                     totals: dict[str, tuple[dict[str, int], int]]) -> list[str]:
        """What the room sent since last asked, with no undo step and one notification for it all (a burst
        from fifty phones relays out the window once): participants' cards into the Inbox (as
        `receive_inbox_cards`), their comments by card id (one on a card deleted meanwhile is dropped), and
        votes' new totals (dots by card id and how many voted, by vote id). The ids the cards are kept under."""
        with self.session.gathered():
            kept = self.receive_inbox_cards(cards) if cards else []  # not a look through the map for no card
            for card_id, comment in comments:
                with suppress(ModelError):  # the card was deleted after the server checked it
                    self.add_comment(card_id, comment.author, comment.text, from_room=True)
            for vote_id, (counts, voters) in totals.items():
                self.set_vote_counts(vote_id, counts, voters)
        return kept

    def accept_inbox(self, inbox_ids: list[str], cell: tuple[str, str] | None = None, text: str | None = None,
                     edited: dict[str, str] | None = None) -> list[str]:
        """Inbox cards become cards of the map, each at the end of its cell (or of `cell` when its own is
        gone), as one undo step for any number; the new cards' ids. The first line is the title, the rest
        the card's text (of what the facilitator typed instead, in `edited` by Inbox id, if anything),
        and the note says whom it came from. Raises ModelError, changing nothing, when a card's cell is
        gone and no `cell` is given (the views ask for one: `homeless_inbox`)."""
        doc = self.doc
        language, taken = map_language(doc), doc.ids()
        cards = []
        for inbox_id in inbox_ids:
            sent = doc.inbox_card(inbox_id)
            stage, lane = (sent.stage, sent.lane) if not self.homeless_inbox([inbox_id]) else (cell or (None, None))
            if stage is None:
                raise ModelError(f"the cell of the card {inbox_id!r} in the Inbox is gone; choose another")
            doc.stage(stage), doc.lane(lane)
            title, body = split_typed((edited or {}).get(inbox_id) or sent.title)
            note = caption("inbox_from", language).format(name=sent.author) if sent.author else ""
            cards.append(Card(id=fresh_id("card", taken), stage=stage, lane=lane, title=title, text=body, note=note))
        if not cards:
            return []
        self.session.push(AcceptInbox(self.session, inbox_ids, cards, text))
        return [c.id for c in cards]

    def discard_inbox(self, inbox_ids: list[str], text: str | None = None) -> bool:
        """Inbox cards thrown away, as one undo step; False when none is given."""
        for inbox_id in inbox_ids:
            self.doc.inbox_card(inbox_id)
        if not inbox_ids:
            return False
        self.session.push(DiscardInbox(self.session, inbox_ids, text))
        return True

    def homeless_inbox(self, inbox_ids: list[str]) -> list[str]:
        """Those of the Inbox cards whose stage or lane is no longer on the map."""
        doc, wanted = self.doc, set(inbox_ids)
        stages, lanes = {s.id for s in doc.stages}, {k.id for k in doc.lanes}
        return [c.id for c in doc.inbox if c.id in wanted and (c.stage not in stages or c.lane not in lanes)]

    # -- merge conflicts ----------------------------------------------------------------------------

    def resolve_conflicts(self, conflict_ids: list[str], keep: Side, text: str | None = None) -> None:
        """Settle a merge's conflicts with the side `keep` ("ours" or "theirs"), as one undo step: a field
        takes that side's value; an element one side removed is removed, or kept, as that side has it.
        Raises ModelError, changing nothing, when a value names what the map no longer has."""
        conflicts = [self.doc.conflict(i) for i in conflict_ids]
        with self.session.batch(text or tr("Resolve conflict")):
            for conflict in conflicts:
                if any(c is conflict for c in self.doc.conflicts):  # not gone with an element removed before
                    settle(self, conflict, keep)

    # -- a card's A/B variants ----------------------------------------------------------------------

    def add_variant(self, card_id: str, text: str | None = None) -> str | None:
        """A new variant after the card's others, named with the first letter none of them has; its name,
        or None when every letter is taken. One more than a card holds raises ValidationError."""
        variants = self.doc.card(card_id).variants
        used = {v.name for v in variants}
        name = next((letter for letter in ascii_uppercase if letter not in used), None)
        if name is None:
            return None
        self.set_fields(ElementKind.CARD, {card_id: {"variants": [*variants, Variant(name=name)]}}, text)
        return name

    def remove_variants(self, card_id: str, indexes: Collection[int], text: str | None = None) -> bool:
        """Remove the card's variants at `indexes`, as one undo step; False when none is there."""
        variants = self.doc.card(card_id).variants
        kept = [v for i, v in enumerate(variants) if i not in indexes]
        return self.set_fields(ElementKind.CARD, {card_id: {"variants": kept}}, text)

    def set_variant_fields(self, card_id: str, index: int, values: dict[str, Any], text: str | None = None) -> bool:
        """New values for fields of the card's variant at `index`, by path as `set_fields` takes them
        (`metrics.clicks`), as one undo step; False when it has them already. A bad value, or a name
        another variant has, raises pydantic's ValidationError and nothing changes."""
        variants = list(self.doc.card(card_id).variants)
        variant = variants[index]
        variants[index] = Variant.model_validate({**variant.model_dump(), **own_fields(variant, values)})
        return self.set_fields(ElementKind.CARD, {card_id: {"variants": variants}}, text)

    # -- fields -------------------------------------------------------------------------------------

    def set_fields(self, kind: ElementKind, changes: dict[str, dict[str, Any]], text: str | None = None) -> bool:
        """New values for fields of elements of one kind ({element id: {field path: value}}; "" for the
        map's meta), as one undo step. A path such as `kpi.target` sets a field of a nested part, as
        `field_paths.own_fields` says (a part left empty becomes None). Values an element has already
        are left out; False when none is left. Every value is checked first: a bad one raises pydantic's
        ValidationError and nothing changes. A lane renamed to a kind's name takes that kind in the same
        step, unless the user chose its kind (see `_kind_from_name`)."""
        elements = self.doc.elements(kind, list(changes))
        new_values = {}
        for element_id, values in changes.items():
            element = elements[element_id]
            values = own_fields(element, values)
            if kind == ElementKind.LANE and "name" in values and "kind" not in values:
                values = {**values, "kind": _kind_from_name(element, values["name"])}
            new = {name: value for name, value in values.items() if getattr(element, name) != value}
            if new:
                new_values[element_id] = new
        if not new_values:
            return False
        self.session.push(SetFieldsOfMany(self.session, kind, new_values, text=text))
        return True

    def rename(self, kind: ElementKind, element_id: str, typed: str, text: str | None = None) -> bool:
        """A stage's, lane's or persona's name as typed (on one line: see `typed_name`); False, and nothing
        pushed, when nothing but spaces was typed (an element keeps a name) or the name is the same."""
        name = typed_name(typed)
        return bool(name) and self.set_fields(kind, {element_id: {"name": name}}, text)

    def set_link_label(self, link_id: str, typed: str, text: str | None = None) -> bool:
        """A link's label as typed (see `typed_name`; nothing typed takes the label away); False when
        it is the same."""
        return self.set_fields(ElementKind.LINK, {link_id: {"label": typed_name(typed)}}, text)


def typed_name(typed: str) -> str:
    """A name or label as typed: spaces and line breaks folded into single spaces, cut to what the map
    holds (`NAME_LENGTH`). The one rule for every typed name, the dialogs' too."""
    return " ".join(typed.split())[:NAME_LENGTH]


def _kind_from_name(lane: Lane, name: str) -> LaneKind:
    """The kind of `lane` once named `name`: the kind the new name says, when the lane's kind is the
    one its former name gave it (so not one the user chose); else the kind it has."""
    given = lane_kind_named(lane.name) or NEW_LANE_KIND
    return (lane_kind_named(name) or lane.kind) if lane.kind == given else lane.kind


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _comment(doc: JourneyMap, card_id: str, comment_id: str) -> Comment:
    comment = next((c for c in doc.card(card_id).comments if c.id == comment_id), None)
    if comment is None:
        raise ModelError(f"the card {card_id!r} has no comment {comment_id!r}")
    return comment


def _in_map_order(doc: JourneyMap, card_ids: list[str]) -> list[str]:
    wanted = set(card_ids)
    return [c.id for c in doc.cards if c.id in wanted]
