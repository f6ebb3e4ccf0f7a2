"""What participants send, checked against the board before anything reaches the map's owner: each
refusal is a 4xx with a code the page turns into its own words (docs/workshop-api.md, Errors)."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from ..model import Comment, InboxCard
from .board import MAX_AUTHOR, MAX_COMMENT, MAX_TITLE, Board

VOTER_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


class Refused(Exception):
    """A request the room does not take: its status, a code for the page and an English message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Ballot:
    vote: str
    voter: str
    counts: dict[str, int]


def card_sent(body: object, board: Board, now: datetime) -> InboxCard:
    fields = _object(body)
    stage, lane = _text_field(fields, "stage"), _text_field(fields, "lane")
    title = _plain(fields, "title", MAX_TITLE, lines=True)
    author = _plain(fields, "author", MAX_AUTHOR, lines=False, required=False)
    if stage not in {i for i, _ in board.stages}:
        raise Refused(422, "unknown-stage", "no such stage on the map")
    if lane not in {i for i, _, _ in board.lanes}:
        raise Refused(422, "unknown-lane", "no such lane on the map")
    return InboxCard(id=f"inbox-{secrets.token_hex(6)}", stage=stage, lane=lane, title=title, author=author,
                     received=now)


def comment_sent(body: object, board: Board, now: datetime) -> tuple[str, Comment]:
    """The card commented on and the comment."""
    fields = _object(body)
    card = _text_field(fields, "card")
    text = _plain(fields, "text", MAX_COMMENT, lines=True)
    author = _plain(fields, "author", MAX_AUTHOR, lines=False, required=False)
    if card not in {c.id for c in board.cards}:
        raise Refused(422, "unknown-card", "no such card on the map")
    return card, Comment(id=f"comment-{secrets.token_hex(6)}", author=author, text=text, created=now)


def ballot_sent(body: object, board: Board, now: datetime) -> Ballot:
    fields = _object(body)
    vote_id, voter, counts = _text_field(fields, "vote"), _text_field(fields, "voter"), fields.get("counts")
    if not VOTER_PATTERN.fullmatch(voter):
        raise Refused(400, "bad-field", "voter: 1-64 letters, digits, _ or -")
    if not isinstance(counts, dict) or not all(type(n) is int for n in counts.values()):
        raise Refused(400, "bad-field", "counts: an object of card ids and whole numbers")
    vote = board.vote
    if vote is None or vote.id != vote_id:
        raise Refused(422, "unknown-vote", "no such vote is running")
    if vote.ends is not None and now >= vote.ends:
        raise Refused(422, "vote-closed", "the vote has closed")
    lanes = {c.id: c.lane for c in board.cards}
    for card, dots in counts.items():
        if card not in lanes:
            raise Refused(422, "unknown-card", "no such card on the map")
        if lanes[card] not in vote.lanes:
            raise Refused(422, "not-in-vote", "the card is not in the vote's lanes")
        if dots < 0:
            raise Refused(400, "bad-field", "counts: dots cannot be negative")
    if sum(counts.values()) > vote.dots:
        raise Refused(422, "too-many-dots", f"at most {vote.dots} dots")
    return Ballot(vote_id, voter, {card: dots for card, dots in counts.items() if dots})


def _object(body: object) -> dict:
    if not isinstance(body, dict):
        raise Refused(400, "bad-json", "the body must be a JSON object")
    return body


def _text_field(fields: dict, name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not value or len(value) > 64:
        raise Refused(400, "bad-field", f"{name}: an id is required")
    return value


def _plain(fields: dict, name: str, limit: int, *, lines: bool, required: bool = True) -> str:
    """A field of plain text, trimmed; line breaks only where `lines`, no other control character (nor
    half of a surrogate pair, which JSON's \\u escapes can carry and no file could save)."""
    value = fields.get(name, None if required else "")
    if not isinstance(value, str):
        raise Refused(400, "bad-field", f"{name}: text is required")
    value = value.replace("\r\n", "\n").strip()
    if len(value) > limit:
        raise Refused(400, "too-long", f"{name}: at most {limit} characters")
    if required and not value:
        raise Refused(400, "empty", f"{name}: cannot be empty")
    if any(unicodedata.category(ch) in ("Cc", "Cs") and not (lines and ch == "\n") for ch in value):
        raise Refused(400, "control-characters", f"{name}: control characters are not allowed")
    return value
