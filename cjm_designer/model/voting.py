"""What a dot vote came to, as the Votes panel, the report and the PDF list it: the cards by their dots,
most first; and a card's comments still open."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from .document import JourneyMap
from .elements import Card, Comment, Vote


class Ranked(NamedTuple):
    """A card's place in a vote: its id, its title as the map has it now ("" when the card was removed
    since: the vote keeps its dots as history), and its dots."""

    card_id: str
    title: str
    dots: int
    on_map: bool


def ranked(doc: JourneyMap, vote: Vote) -> list[Ranked]:
    """The cards that got dots, most first; ties in the map's order (removed cards last)."""
    order = {card.id: k for k, card in enumerate(doc.cards)}
    titles = {card.id: card.title for card in doc.cards}
    voted = sorted(((card_id, n) for card_id, n in vote.counts.items() if n > 0),
                   key=lambda item: (-item[1], order.get(item[0], len(order)), item[0]))
    return [Ranked(card_id, titles.get(card_id, ""), n, card_id in titles) for card_id, n in voted]


def latest_vote(doc: JourneyMap) -> Vote | None:
    """The vote the cards show the dots of: the last started."""
    return doc.votes[-1] if doc.votes else None


def running_vote(doc: JourneyMap) -> Vote | None:
    """The vote not ended yet, if any (one runs at a time)."""
    return next((v for v in doc.votes if v.ended is None), None)


def time_left(vote: Vote, now: datetime) -> timedelta | None:
    """How long the vote runs on (zero when its time is up); None without a time limit or once ended."""
    if vote.ends is None or vote.ended is not None:
        return None
    return max(vote.ends - now, timedelta(0))


def open_comments(card: Card) -> list[Comment]:
    return [c for c in card.comments if not c.resolved]
