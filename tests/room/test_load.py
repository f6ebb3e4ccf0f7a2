"""The issue's load: 50 participants sending 20 cards each at once, over loopback, to a headless room:
all 1,000 are in the file's Inbox exactly once, in well under the time a workshop would notice."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

from cjm_designer.io import load, save
from cjm_designer.room.board import board_of
from cjm_designer.room.file_room import FileRoom
from cjm_designer.room.rate_limit import RateLimit
from cjm_designer.room.server import RoomServer

from .crowd import send_cards
from .rooms import workshop_map

PARTICIPANTS, CARDS = 50, 20


def test_a_thousand_cards_at_once_arrive_exactly_once(tmp_path):
    path = tmp_path / "crowd.cjm"
    doc = workshop_map()
    save(doc, path)
    room = FileRoom(doc, path)
    # every participant is on 127.0.0.1 here: one address's limit would stop the crowd
    server = RoomServer(board_of(doc), room, host="127.0.0.1", rate=RateLimit(10 * PARTICIPANTS * CARDS, 10))
    url = server.start()
    started = time.monotonic()
    try:
        sent = asyncio.run(send_cards(url, PARTICIPANTS, CARDS, board_of(doc).as_json()))
    finally:
        server.stop()
        room.close()
    took = time.monotonic() - started
    assert Counter(status for status, _ in sent) == {201: PARTICIPANTS * CARDS}
    titles = Counter(card.title for card in load(path).inbox)
    assert titles == Counter(title for _, title in sent)
    assert set(titles.values()) == {1} and len(titles) == 1000
    assert took < 10, f"{took:.1f} s"
