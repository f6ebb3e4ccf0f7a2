"""A small map with a running vote, a recorder of the room's events, and plain HTTP calls to a room."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from datetime import UTC, datetime

from cjm_designer.model import Card, Comment, InboxCard, JourneyMap, Lane, LaneKind, Meta, Stage, Vote

STARTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def workshop_map(vote_ends: datetime | None = None) -> JourneyMap:
    return JourneyMap(
        meta=Meta(title="Покупка", language="ru"),
        stages=[Stage(id="st-1", name="Поиск"), Stage(id="st-2", name="Выбор")],
        lanes=[Lane(id="ln-1", name="Действия", kind=LaneKind.BUYER_ACTIONS),
               Lane(id="ln-2", name="Боли", kind=LaneKind.PAIN_POINTS)],
        cards=[Card(id="c-1", stage="st-1", lane="ln-2", title="Долго грузится"),
               Card(id="c-2", stage="st-2", lane="ln-2", title="Нет доставки"),
               Card(id="c-3", stage="st-1", lane="ln-1", title="Ищет в поиске")],
        votes=[Vote(id="vote-1", name="Что болит?", lanes=["ln-2"], dots=3, started=STARTED, ends=vote_ends)],
    )


class Recorder:
    """RoomEvents that keeps what arrived (from the server's thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cards: list[InboxCard] = []
        self.ballots: list[tuple[str, str, dict[str, int]]] = []
        self.comments: list[tuple[str, Comment]] = []

    def card_received(self, card: InboxCard) -> None:
        with self.lock:
            self.cards.append(card)

    def ballot_cast(self, vote_id: str, voter: str, counts: dict[str, int]) -> None:
        with self.lock:
            self.ballots.append((vote_id, voter, counts))

    def comment_added(self, card_id: str, comment: Comment) -> None:
        with self.lock:
            self.comments.append((card_id, comment))


def call(url: str, body: object = None, *, raw: bytes | None = None, content_type: str = "application/json",
         method: str | None = None) -> tuple[int, dict, bytes]:
    """Status, headers and body of one request (a JSON body when `body` is given)."""
    data = raw if raw is not None else None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
