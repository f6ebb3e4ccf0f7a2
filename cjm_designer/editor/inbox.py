"""The workshop Inbox: participants' cards arrive with no undo step (they are not the facilitator's
gestures, so Ctrl+Z in the middle of editing never takes one back), and the facilitator's accepting or
discarding them are undo commands. Each command names Inbox cards by id, never by the list, so that
cards arriving meanwhile survive the undo and redo of these."""

from __future__ import annotations

from ..model import Card, InboxCard, Removal
from ..model.document import MAX_INBOX, ElementKind, fresh_id
from .commands import Command, tr
from .session import DocumentSession

KINDS = {ElementKind.CARD, ElementKind.INBOX}


class AcceptInbox(Command):
    """Inbox cards leave the Inbox and become `cards` (made from them), each at the end of its cell."""

    def __init__(self, session: DocumentSession, inbox_ids: list[str], cards: list[Card], text: str | None = None):
        super().__init__(session, text or (tr("Accept card") if len(cards) == 1 else tr("Accept %n cards", len(cards))))
        self.inbox_ids, self.cards = list(inbox_ids), cards
        self.removal = Removal()

    def redo(self) -> None:
        self.removal = self.doc.remove_inbox_cards(self.inbox_ids)
        for card in self.cards:
            self.doc.add_card(card)
        self.session.notify({*self.inbox_ids, *(c.id for c in self.cards)}, True, KINDS)

    def undo(self) -> None:
        self.doc.remove_cards([c.id for c in self.cards])
        self.doc.restore(self.removal)
        self.session.notify({*self.inbox_ids, *(c.id for c in self.cards)}, True, KINDS)


class DiscardInbox(Command):
    """Inbox cards thrown away; undo puts them back."""

    def __init__(self, session: DocumentSession, inbox_ids: list[str], text: str | None = None):
        n = len(inbox_ids)
        super().__init__(session, text or (tr("Discard card") if n == 1 else tr("Discard %n cards", n)))
        self.inbox_ids = list(inbox_ids)
        self.removal = Removal()

    def redo(self) -> None:
        self.removal = self.doc.remove_inbox_cards(self.inbox_ids)
        self.session.notify(self.inbox_ids, True, {ElementKind.INBOX})

    def undo(self) -> None:
        self.doc.restore(self.removal)
        self.session.notify(self.inbox_ids, True, {ElementKind.INBOX})


def receive(session: DocumentSession, cards: list[InboxCard]) -> list[str]:
    """Participants' cards into the Inbox with no undo step and one notification; the ids they are kept
    under. The map is marked modified (the stack never clean again until saved), so that it is saved
    and autosaved. A card whose id the map uses gets a fresh one; one whose stage or lane went meanwhile
    (between the server's check and here), or past the Inbox's limit, is not kept. The checks of
    `JourneyMap.add_inbox_card`, made once for the burst: each card's alone looks through the whole map."""
    doc, taken = session.doc, session.doc.ids()
    stages, lanes = {s.id for s in doc.stages}, {k.id for k in doc.lanes}
    kept: list[InboxCard] = []
    for card in cards:
        if card.stage not in stages or card.lane not in lanes or len(doc.inbox) + len(kept) >= MAX_INBOX:
            continue
        if card.id in taken:
            card = card.model_copy(update={"id": fresh_id("inbox", taken)})
        taken.add(card.id)
        kept.append(card)
    if kept:
        doc.inbox.extend(kept)
        session.mark_unsaved()
        session.notify({c.id for c in kept}, True, {ElementKind.INBOX})
    return [c.id for c in kept]

