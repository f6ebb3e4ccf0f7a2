"""The room's HTTP API over a real server on 127.0.0.1 (docs/workshop-api.md): the token, the limits,
every malformed request a 4xx with a JSON code, the events handed to the owner, the WebSocket."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from cjm_designer.model import Card
from cjm_designer.room.board import board_of
from cjm_designer.room.rate_limit import RateLimit
from cjm_designer.room.server import HEADERS, RoomServer, lan_address, workshop_assets

from .rooms import Recorder, call, workshop_map

CARD = {"stage": "st-1", "lane": "ln-2", "title": "Не нашёл доставку", "author": "Оля"}


@pytest.fixture(scope="module")
def room():
    recorder = Recorder()
    server = RoomServer(board_of(workshop_map()), recorder, host="127.0.0.1", rate=RateLimit(100_000, 10))
    url = server.start()
    yield server, url, recorder
    server.stop()


def raw_get(server: RoomServer, path: str) -> tuple[int, bytes]:
    """A GET of a path exactly as written (no client tidies `..` or escapes away)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def error_of(answer) -> tuple[int, str]:
    status, _, body = answer
    return status, json.loads(body)["error"]


def test_the_invitation_url_holds_a_url_safe_token_of_16_characters(room):
    server, url, _ = room
    assert url == f"http://127.0.0.1:{server.port}/{server.token}/" == server.url
    assert len(server.token) == 16 and server.token.replace("-", "").replace("_", "").isalnum()
    assert set(server.token) <= set("abcdefghijkmnpqrstuvwxyz23456789")  # typed off a projector: no 0/o, 1/l
    assert RoomServer(board_of(workshop_map()), Recorder()).token != server.token


def test_without_the_right_token_every_path_is_403_with_an_empty_body(room):
    server, url, _ = room
    paths = ["/", "/favicon.ico", "/api/map", f"/{server.token[:-1]}/api/map", f"/{server.token}x/",
             f"/{server.token.upper() if server.token.upper() != server.token else server.token.lower()}/",
             f"/x/{server.token}/api/map", "/static/index.html"]
    for path in paths:
        assert raw_get(server, path) == (403, b""), path
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:  # bytes no client would send
        raw.sendall(b"GET /\xff\xfe/api/map HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = b"".join(iter(lambda: raw.recv(65536), b""))
    assert answer.split(b"\r\n")[0].endswith((b" 403 Forbidden", b" 400 Bad Request")) and b"Traceback" not in answer
    status, headers, body = call(f"http://127.0.0.1:{server.port}/wrong/api/cards", CARD)
    assert (status, body) == (403, b"") and "Content-Type" not in headers


def test_the_map_is_the_board_with_the_safety_headers(room):
    server, url, _ = room
    status, headers, body = call(url + "api/map")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert json.loads(body) == board_of(workshop_map()).as_json()
    board = json.loads(body)
    assert board["language"] == "ru" and board["vote"]["lanes"] == ["ln-2"] and board["vote"]["dots"] == 3
    assert board["cards"][0] == {"id": "c-1", "stage": "st-1", "lane": "ln-2", "title": "Долго грузится",
                                 "comments": 0}
    for name, value in HEADERS.items():
        assert headers[name] == value
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "aiohttp" not in headers["Server"]


def test_the_page_and_only_the_files_of_its_folder_are_served(room):
    server, url, _ = room
    status, headers, body = call(url)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8" and b"<html" in body.lower()
    assert call(url + "static/index.html")[0] == 200
    assert call(url + "static/nothing.js")[0] == 404
    assert raw_get(server, f"/{server.token}")[0] == 302  # redirected to the URL with the final slash
    for trick in ("static/../../pyproject.toml", "static/%2e%2e/%2e%2e/pyproject.toml",
                  "static/..%2f..%2fpyproject.toml", "static//etc/passwd", "static/%2fetc%2fpasswd",
                  "static/../../../../../etc/passwd", "../pyproject.toml"):
        status, body = raw_get(server, f"/{server.token}/{trick}")
        assert status in (403, 404), trick
        assert b"[project]" not in body and b"root:" not in body, trick


def test_only_the_visible_files_of_the_folder_are_assets(tmp_path):
    (tmp_path / "app.js").write_text("x")
    (tmp_path / ".hidden").write_text("secret")
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "dot.svg").write_text("<svg/>")
    assets = workshop_assets(tmp_path)
    assert sorted(assets) == ["app.js", "img/dot.svg"]
    assert assets["app.js"] == (b"x", "text/javascript; charset=utf-8")


def test_a_card_arrives_in_the_owner_s_inbox(room):
    server, url, recorder = room
    status, headers, body = call(url + "api/cards", {**CARD, "title": "  Долго ждать\r\nответа  "})
    assert status == 201 and headers["Cache-Control"] == "no-store"
    card_id = json.loads(body)["id"]
    card = next(c for c in recorder.cards if c.id == card_id)
    assert (card.stage, card.lane, card.title, card.author) == ("st-1", "ln-2", "Долго ждать\nответа", "Оля")
    assert card.received.tzinfo is not None
    anonymous = call(url + "api/cards", {"stage": "st-2", "lane": "ln-1", "title": "Без имени"})
    assert anonymous[0] == 201


@pytest.mark.parametrize(("body", "code"), [
    ({**CARD, "title": "я" * 501}, "too-long"),
    ({**CARD, "author": "я" * 41}, "too-long"),
    ({**CARD, "title": "   "}, "empty"),
    ({**CARD, "title": "a\x00b"}, "control-characters"),
    ({**CARD, "title": "a\x1b[31mb"}, "control-characters"),
    ({**CARD, "author": "Оля\nИра"}, "control-characters"),
    ({**CARD, "title": "half \ud800 a pair"}, "control-characters"),
    ({**CARD, "title": 5}, "bad-field"),
    ({**CARD, "stage": None}, "bad-field"),
    ({"lane": "ln-1", "title": "x"}, "bad-field"),
    ([CARD], "bad-json"),
    ("a card", "bad-json"),
])
def test_a_card_outside_the_limits_is_400(room, body, code):
    _, url, recorder = room
    before = len(recorder.cards)
    assert error_of(call(url + "api/cards", body)) == (400, code)
    assert len(recorder.cards) == before


def test_the_limits_themselves_are_taken(room):
    _, url, _ = room
    assert call(url + "api/cards", {**CARD, "title": "я" * 500, "author": "я" * 40})[0] == 201
    assert call(url + "api/comments", {"card": "c-1", "text": "я" * 1000})[0] == 201
    assert error_of(call(url + "api/comments", {"card": "c-1", "text": "я" * 1001})) == (400, "too-long")


def test_malformed_requests_get_a_4xx_with_a_json_code(room):
    server, url, _ = room
    assert error_of(call(url + "api/cards", raw=b'{"stage": ')) == (400, "bad-json")
    assert error_of(call(url + "api/cards", raw=b"[" * 100_00)) == (400, "bad-json")  # deep nesting
    assert error_of(call(url + "api/cards", raw=b"\xff\xfe")) == (400, "bad-json")
    assert error_of(call(url + "api/cards", raw=json.dumps(CARD).encode(), content_type="text/plain")) == \
        (415, "not-json")
    assert error_of(call(url + "api/cards", {**CARD, "title": "x" * 17_000})) == (413, "too-large")
    assert error_of(call(url + "api/cards")) == (405, "method-not-allowed")
    assert error_of(call(url + "api/map", CARD)) == (405, "method-not-allowed")
    assert error_of(call(url + "api/nothing")) == (404, "not-found")


@pytest.mark.parametrize(("path", "body", "code"), [
    ("api/cards", {**CARD, "stage": "st-9"}, "unknown-stage"),
    ("api/cards", {**CARD, "lane": "ln-9"}, "unknown-lane"),
    ("api/comments", {"card": "c-9", "text": "x"}, "unknown-card"),
    ("api/votes", {"vote": "vote-9", "voter": "v", "counts": {}}, "unknown-vote"),
    ("api/votes", {"vote": "vote-1", "voter": "v", "counts": {"c-9": 1}}, "unknown-card"),
    ("api/votes", {"vote": "vote-1", "voter": "v", "counts": {"c-3": 1}}, "not-in-vote"),
    ("api/votes", {"vote": "vote-1", "voter": "v", "counts": {"c-1": 2, "c-2": 2}}, "too-many-dots"),
])
def test_unknown_ids_are_422(room, path, body, code):
    _, url, _ = room
    assert error_of(call(url + path, body)) == (422, code)


@pytest.mark.parametrize("body", [
    {"vote": "vote-1", "voter": "", "counts": {}},
    {"vote": "vote-1", "voter": "a b", "counts": {}},
    {"vote": "vote-1", "voter": "v", "counts": {"c-1": -1}},
    {"vote": "vote-1", "voter": "v", "counts": {"c-1": 1.0}},
    {"vote": "vote-1", "voter": "v", "counts": {"c-1": True}},
    {"vote": "vote-1", "voter": "v", "counts": [1]},
])
def test_a_malformed_ballot_is_400(room, body):
    _, url, _ = room
    assert error_of(call(url + "api/votes", body)) == (400, "bad-field")


def test_a_ballot_replaces_the_voter_s_previous_one_and_answers_the_totals(room):
    server, url, recorder = room
    vote = lambda voter, counts: call(url + "api/votes", {"vote": "vote-1", "voter": voter, "counts": counts})  # noqa: E731
    assert json.loads(vote("ann", {"c-1": 2, "c-2": 1})[2]) == {"counts": {"c-1": 2, "c-2": 1}, "voters": 1}
    assert json.loads(vote("bob", {"c-1": 3})[2]) == {"counts": {"c-1": 5, "c-2": 1}, "voters": 2}
    assert json.loads(vote("ann", {"c-2": 1, "c-1": 0})[2]) == {"counts": {"c-1": 3, "c-2": 1}, "voters": 2}
    assert json.loads(vote("bob", {})[2]) == {"counts": {"c-2": 1}, "voters": 1}
    assert recorder.ballots[-2:] == [("vote-1", "ann", {"c-2": 1}), ("vote-1", "bob", {})]
    assert server.totals("vote-1") == ({"c-2": 1}, 1)


def test_a_comment_reaches_its_card(room):
    _, url, recorder = room
    status, _, body = call(url + "api/comments", {"card": "c-2", "author": "Ира", "text": "И у меня\nтоже"})
    assert status == 201
    card_id, comment = recorder.comments[-1]
    assert (card_id, comment.id) == ("c-2", json.loads(body)["id"])
    assert (comment.author, comment.text, comment.resolved) == ("Ира", "И у меня\nтоже", False)


def test_the_websocket_gets_the_board_the_publishes_and_the_totals(room):
    server, url, _ = room

    async def listen():
        async with aiohttp.ClientSession() as session, session.ws_connect(url + "api/events") as ws:
            first, second = await ws.receive_json(timeout=5), await ws.receive_json(timeout=5)
            assert first["type"] == "map" and first["board"]["title"] == "Покупка"
            assert second["type"] == "votes" and second["vote"] == "vote-1"
            changed = workshop_map()
            changed.cards.append(Card(id="c-4", stage="st-2", lane="ln-2", title="Принято из Inbox"))
            server.publish(board_of(changed))
            published = await ws.receive_json(timeout=5)
            assert published["type"] == "map" and published["board"]["cards"][-1]["id"] == "c-4"
            assert (await ws.receive_json(timeout=5))["type"] == "votes"
            await session.post(url + "api/votes", json={"vote": "vote-1", "voter": "cat", "counts": {"c-4": 1}})
            totals = await ws.receive_json(timeout=5)
            assert totals["type"] == "votes" and totals["counts"]["c-4"] == 1
            server.publish(board_of(workshop_map()))  # c-4 gone again: the page must not vote for it

    asyncio.run(listen())


def test_the_rate_limit_answers_429_per_address():
    server = RoomServer(board_of(workshop_map()), Recorder(), host="127.0.0.1", rate=RateLimit(3, 60))
    url = server.start()
    try:
        assert [call(url + "api/map")[0] for _ in range(3)] == [200, 200, 200]
        status, headers, body = call(url + "api/map")
        assert (status, json.loads(body)["error"]) == (429, "rate-limited") and int(headers["Retry-After"]) >= 1
        assert call(f"http://127.0.0.1:{server.port}/guess/api/map")[0] == 429  # guessing the token too
    finally:
        server.stop()
    limit = RateLimit(2, 10)
    assert [limit.retry_after("a", t) for t in (0, 1, 2)] == [0, 0, 8]
    assert limit.retry_after("b", 2) == 0 and limit.retry_after("a", 10.5) == 0


def test_a_vote_past_its_end_takes_no_ballot():
    ended = datetime.now(UTC) - timedelta(minutes=1)
    recorder = Recorder()
    server = RoomServer(board_of(workshop_map(vote_ends=ended)), recorder, host="127.0.0.1")
    url = server.start()
    try:
        answer = call(url + "api/votes", {"vote": "vote-1", "voter": "v", "counts": {"c-1": 1}})
        assert error_of(answer) == (422, "vote-closed") and recorder.ballots == []
    finally:
        server.stop()


def test_an_owner_s_failure_is_a_500_without_a_traceback(caplog):
    class Failing(Recorder):
        def card_received(self, card):
            raise RuntimeError("disk on fire at /home/secret/path")

    server = RoomServer(board_of(workshop_map()), Failing(), host="127.0.0.1")
    url = server.start()
    try:
        status, _, body = call(url + "api/cards", CARD)
    finally:
        server.stop()
    assert status == 500 and json.loads(body)["error"] == "server"
    assert b"Traceback" not in body and b"secret" not in body
    assert "secret" not in caplog.text and "Traceback" not in caplog.text


def test_a_taken_port_is_an_os_error_and_stop_is_idempotent():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = RoomServer(board_of(workshop_map()), Recorder(), host="127.0.0.1", port=taken.getsockname()[1])
        with pytest.raises(OSError):
            server.start()
    server.stop()
    server.stop()


def test_the_lan_address_is_an_ipv4_address():
    socket.inet_aton(lan_address())


def test_moving_the_room_keeps_its_token_port_and_ballots_and_a_foreign_address_leaves_it_where_it_was():
    server = RoomServer(board_of(workshop_map()), Recorder(), host="127.0.0.1")
    url = server.start()
    try:
        assert call(url + "api/votes", {"vote": "vote-1", "voter": "a1", "counts": {"c-1": 2}})[0] == 200
        moved = server.move("127.0.0.2")  # all of 127/8 is this machine's on Linux
        assert moved == url.replace("127.0.0.1", "127.0.0.2") == server.url
        assert call(moved + "api/map")[0] == 200
        with pytest.raises(OSError):
            call(url + "api/map")  # the old address answers no more
        assert server.totals("vote-1") == ({"c-1": 2}, 1)
        with pytest.raises(OSError):
            server.move("192.0.2.254")  # TEST-NET: no interface has it
        assert server.url == moved and call(moved + "api/map")[0] == 200
    finally:
        server.stop()
