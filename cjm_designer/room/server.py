"""The workshop room's web server: aiohttp in a thread of its own with its own asyncio loop, beside
the Qt event loop (or the headless command's wait). It serves the participant's page and the JSON
API of docs/workshop-api.md under a secret token, checks everything participants send against the
board, and hands what passes to the map's owner through `RoomEvents`."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import secrets
import socket
import threading
from datetime import datetime
from pathlib import Path
from typing import Protocol

from aiohttp import WSCloseCode, web

from ..model import Comment, InboxCard
from ..paths import bundled
from .ballots import Ballots
from .board import Board
from .rate_limit import RateLimit
from .submissions import Refused, ballot_sent, card_sent, comment_sent

MAX_BODY = 16 * 1024
MAX_ASSET = 4 * 1024 * 1024
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
# The token is typed off a projector too: lowercase letters and digits with no look-alikes (0/o, 1/l),
# 16 of them, 80 bits.
TOKEN_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 16
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: ; img-src 'self' data:",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the token is in the address
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Server": "cjm-designer",  # not the library's name and version
}
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".json": "application/json",
    ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
}
HTTP_ERRORS = {404: "not-found", 405: "method-not-allowed", 413: "too-large"}
log = logging.getLogger(__name__)


class RoomEvents(Protocol):
    """What the room received, called on the server's thread: the owner hands it to its own thread."""

    def card_received(self, card: InboxCard) -> None: ...

    def ballot_cast(self, vote_id: str, voter: str, counts: dict[str, int]) -> None:
        """A participant's whole ballot, replacing their previous one (already checked)."""

    def comment_added(self, card_id: str, comment: Comment) -> None: ...


def lan_address() -> str:
    """The laptop's address on the local network: the one a UDP socket "connected" towards a private
    address would send from (connecting a UDP socket sends nothing); 127.0.0.1 without a network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def workshop_assets(folder: Path | None = None) -> dict[str, tuple[bytes, str]]:
    """The participant page's files, by their path inside resources/workshop/: only these are served."""
    folder = bundled("resources") / "workshop" if folder is None else folder
    assets = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in name.split("/")) \
                and path.stat().st_size <= MAX_ASSET:
            assets[name] = (path.read_bytes(), CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream"))
    return assets


class RoomServer:
    def __init__(self, board: Board, events: RoomEvents, host: str | None = None, port: int = 0,
                 token: str | None = None, rate: RateLimit | None = None):
        if token is not None and not TOKEN_PATTERN.fullmatch(token):
            raise ValueError("a token is 8-64 letters, digits, _ or -")
        self.token = token or "".join(secrets.choice(TOKEN_LETTERS) for _ in range(TOKEN_LENGTH))
        self.host = lan_address() if host is None else host
        self.port = port
        self.url = ""
        self._board = board
        self._events = events
        self._rate = rate or RateLimit()
        self._ballots: dict[str, Ballots] = {}
        self._ballots_lock = threading.Lock()
        self._sockets: set[web.WebSocketResponse] = set()
        self._assets: dict[str, tuple[bytes, str]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None

    # -- the owner's side (any thread) ------------------------------------------------------------

    def start(self) -> str:
        """Listen, and return the invitation URL once listening; OSError when the address is taken."""
        if self._thread is not None:
            return self.url
        self._assets = workshop_assets()
        ready, failure = threading.Event(), []
        self._thread = threading.Thread(target=self._run, args=(ready, failure), name="workshop-room", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join()
            self._thread = None
            raise failure[0]
        shown = lan_address() if self.host in ("", "0.0.0.0", "::") else self.host
        self.url = f"http://{f'[{shown}]' if ':' in shown else shown}:{self.port}/{self.token}/"
        return self.url

    def move(self, host: str) -> str:
        """Listen on `host` instead (the facilitator picked another network): the same token and, when
        it is free there, the same port; the ballots are kept. The new invitation URL; OSError when
        `host` cannot be had, and then the room listens where it did."""
        previous = self.host, self.port
        self.stop()
        for self.host, self.port in ((host, previous[1]), (host, 0)):
            try:
                return self.start()
            except OSError as error:
                failure = error
        self.host, self.port = previous
        self.start()
        raise failure

    def stop(self) -> None:
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._thread = None

    def publish(self, board: Board) -> None:
        """The map changed: participants see the new board (and the running vote's totals)."""
        loop = self._loop
        if self._thread is None or loop is None:
            self._board = board
            return
        try:
            loop.call_soon_threadsafe(self._publish, board)
        except RuntimeError:  # the room closed meanwhile
            self._board = board

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The server's asyncio loop while it runs (benchmarks/bench_room.py measures its stalls)."""
        return self._loop if self._thread is not None else None

    def totals(self, vote_id: str) -> tuple[dict[str, int], int]:
        """A vote's dots by card and how many voted, of the ballots received since the room opened."""
        with self._ballots_lock:
            ballots = self._ballots.get(vote_id)
            return (ballots.totals(), ballots.voters) if ballots else ({}, 0)

    # -- the server's thread -------------------------------------------------------------------

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._open())
        except BaseException as error:  # handed to start(), which raises it on the owner's thread
            failure.append(error)
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._close())
            loop.close()

    async def _open(self) -> None:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._gate])
        app.on_response_prepare.append(_add_headers)
        prefix = f"/{self.token}"
        app.router.add_get(f"{prefix}/", self._page)
        app.router.add_get(f"{prefix}/static/{{name:.+}}", self._asset)
        app.router.add_get(f"{prefix}/api/map", self._map)
        app.router.add_post(f"{prefix}/api/cards", self._card)
        app.router.add_post(f"{prefix}/api/votes", self._ballot)
        app.router.add_post(f"{prefix}/api/comments", self._comment)
        app.router.add_get(f"{prefix}/api/events", self._events_socket)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, self.host, self.port).start()
        except BaseException:
            await self._runner.cleanup()
            raise
        self.port = self._runner.addresses[0][1]

    async def _close(self) -> None:
        for ws in list(self._sockets):
            await ws.close(code=WSCloseCode.GOING_AWAY)
        await self._runner.cleanup()

    @web.middleware
    async def _gate(self, request: web.Request, handler) -> web.StreamResponse:
        """The rate limit and the token before anything else; every failure a short JSON answer."""
        wait = self._rate.retry_after(request.remote or "")
        if wait:
            return _error(429, "rate-limited", "too many requests", {"Retry-After": str(max(1, round(wait)))})
        segment = request.raw_path.split("/", 2)[1] if request.raw_path.startswith("/") else ""
        if not hmac.compare_digest(segment.encode("utf-8", "replace"), self.token.encode()):
            return web.Response(status=403)
        if request.raw_path == f"/{self.token}":
            raise web.HTTPFound(f"/{self.token}/")
        try:
            return await handler(request)
        except Refused as refused:
            return _error(refused.status, refused.code, refused.message)
        except web.HTTPException as http:
            if http.status < 400:
                raise
            return _error(http.status, HTTP_ERRORS.get(http.status, "bad-request"), http.reason)
        except Exception as error:  # noqa: BLE001 - never a traceback to a participant; nothing of it logged
            log.error("workshop room: %s answering %s", type(error).__name__, request.method)
            return _error(500, "server", "something went wrong on the facilitator's laptop")

    async def _page(self, request: web.Request) -> web.Response:
        return self._asset_response("index.html")

    async def _asset(self, request: web.Request) -> web.Response:
        return self._asset_response(request.match_info["name"])

    def _asset_response(self, name: str) -> web.Response:
        if name not in self._assets:
            raise web.HTTPNotFound()
        body, content_type = self._assets[name]
        return web.Response(body=body, headers={"Content-Type": content_type})

    async def _map(self, request: web.Request) -> web.Response:
        return web.json_response(self._board.as_json(), dumps=_dumps)

    async def _card(self, request: web.Request) -> web.Response:
        card = card_sent(await _json_body(request), self._board, _now())
        self._events.card_received(card)
        return web.json_response({"id": card.id}, status=201)

    async def _comment(self, request: web.Request) -> web.Response:
        card_id, comment = comment_sent(await _json_body(request), self._board, _now())
        self._events.comment_added(card_id, comment)
        return web.json_response({"id": comment.id}, status=201)

    async def _ballot(self, request: web.Request) -> web.Response:
        ballot = ballot_sent(await _json_body(request), self._board, _now())
        with self._ballots_lock:
            self._ballots.setdefault(ballot.vote, Ballots()).cast(ballot.voter, ballot.counts)
        self._events.ballot_cast(ballot.vote, ballot.voter, ballot.counts)
        message = self._votes_message(ballot.vote)
        await self._broadcast([message])
        return web.json_response({"counts": message["counts"], "voters": message["voters"]}, dumps=_dumps)

    async def _events_socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=20, max_msg_size=4096)
        await ws.prepare(request)
        self._sockets.add(ws)
        try:
            for message in self._state_messages():
                await ws.send_str(_dumps(message))
            async for _ in ws:  # what the page sends is ignored
                pass
        finally:
            self._sockets.discard(ws)
        return ws

    def _publish(self, board: Board) -> None:
        self._board = board
        self._loop.create_task(self._broadcast(self._state_messages()))

    def _state_messages(self) -> list[dict]:
        messages = [{"type": "map", "board": self._board.as_json()}]
        if self._board.vote is not None:
            messages.append(self._votes_message(self._board.vote.id))
        return messages

    def _votes_message(self, vote_id: str) -> dict:
        counts, voters = self.totals(vote_id)
        return {"type": "votes", "vote": vote_id, "counts": counts, "voters": voters}

    async def _broadcast(self, messages: list[dict]) -> None:
        texts = [_dumps(m) for m in messages]

        async def send(ws: web.WebSocketResponse) -> None:
            for text in texts:
                await ws.send_str(text)

        await asyncio.gather(*(send(ws) for ws in list(self._sockets) if not ws.closed), return_exceptions=True)


async def _json_body(request: web.Request) -> object:
    if request.content_type != "application/json":
        raise Refused(415, "not-json", "send JSON with Content-Type: application/json")
    raw = await request.read()
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise Refused(400, "bad-json", "the body is not JSON") from None


async def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)


def _error(status: int, code: str, message: str, headers: dict | None = None) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status, headers=headers)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)
