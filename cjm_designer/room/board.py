"""What the participants of a workshop see of the map: its stages, lanes and cards' titles, and the
running dot vote. Built from the map by its owner and handed to the server, which never reads the
map itself (the map lives on the owner's thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..model import JourneyMap
from ..model.captions import map_language

MAX_TITLE = 500
MAX_AUTHOR = 40
MAX_COMMENT = 1000


@dataclass(frozen=True)
class BoardCard:
    id: str
    stage: str
    lane: str
    title: str
    comments: int


@dataclass(frozen=True)
class BoardVote:
    id: str
    name: str
    lanes: tuple[str, ...]
    dots: int
    ends: datetime | None


@dataclass(frozen=True)
class Board:
    title: str
    language: str
    stages: tuple[tuple[str, str], ...]
    lanes: tuple[tuple[str, str, str], ...]
    cards: tuple[BoardCard, ...]
    vote: BoardVote | None = None

    def as_json(self) -> dict:
        """The body of GET api/map (docs/workshop-api.md)."""
        vote = self.vote
        return {
            "title": self.title,
            "language": self.language,
            "stages": [{"id": i, "name": name} for i, name in self.stages],
            "lanes": [{"id": i, "name": name, "kind": kind} for i, name, kind in self.lanes],
            "cards": [{"id": c.id, "stage": c.stage, "lane": c.lane, "title": c.title, "comments": c.comments}
                      for c in self.cards],
            "vote": None if vote is None else {
                "id": vote.id, "name": vote.name, "lanes": list(vote.lanes), "dots": vote.dots,
                "ends": vote.ends.isoformat() if vote.ends else None},
            "limits": {"title": MAX_TITLE, "author": MAX_AUTHOR, "comment": MAX_COMMENT},
        }


def board_of(doc: JourneyMap) -> Board:
    return Board(
        title=doc.meta.title,
        language=map_language(doc),
        stages=tuple((s.id, s.name) for s in doc.stages),
        lanes=tuple((k.id, k.name, str(k.kind)) for k in doc.lanes),
        cards=tuple(BoardCard(c.id, c.stage, c.lane, c.title, len(c.comments)) for c in doc.cards),
        vote=_board_vote(doc),
    )


def running_vote_id(doc: JourneyMap) -> str | None:
    """The vote participants vote in: the latest one that has not ended (a map keeps past votes)."""
    return next((v.id for v in reversed(doc.votes) if v.ended is None), None)


def _board_vote(doc: JourneyMap) -> BoardVote | None:
    vote_id = running_vote_id(doc)
    if vote_id is None:
        return None
    vote = doc.vote(vote_id)
    return BoardVote(vote.id, vote.name, tuple(vote.lanes), vote.dots, vote.ends)
