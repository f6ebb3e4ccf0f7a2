"""The headless room's owner (`cjm-designer workshop FILE`): each card, comment and ballot received
goes to a writer thread, which alone holds the file's map: it puts in whatever arrived meanwhile and
saves the file atomically once for all of it — fifty phones sending at once cost a few saves, not a
thousand, and the server's loop never waits for the map or the disk."""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..io import SaveError, dumps, write_atomic
from ..io.file_locks import ROOM, Lock, held_elsewhere, lock_owner, open_map_lock
from ..model import Comment, InboxCard, JourneyMap, ModelError
from ..model.document import MAX_INBOX
from .ballots import Ballots
from .board import Board, board_of


class FileBusy(Exception):
    """Another writer has the file: a window, or another headless room. The message ends a line that
    begins with the file's name."""


def take_file(path: Path) -> Lock | None:
    """The lock a window takes on each map it opens (io/file_locks.py), taken for the room while it
    runs: a window opening the file then offers it read-only, naming the room. FileBusy when a window
    or another room has the file; None when there is no state folder to lock in (windows have none
    either)."""
    try:
        lock = Lock(open_map_lock(path), note=ROOM)
    except OSError:
        return None
    if lock.acquire():
        return lock
    if not held_elsewhere(lock.path):  # its owner has just gone, or the lock file cannot be made
        return lock if lock.acquire() else None
    if lock_owner(lock.path)[1] == ROOM:
        raise FileBusy("has a workshop room open already (cjm-designer workshop); stop that one first")
    raise FileBusy("is open in a CJM Designer window; close it or start the room from that window")


class FileRoom:
    """RoomEvents that change a map no window holds, and save it to `path`. What arrives was checked
    by the server against the board, which the headless room never changes but for comment counts."""

    def __init__(self, doc: JourneyMap, path: Path, published: Callable[[Board], None] = lambda board: None):
        self.doc, self.path, self.published = doc, path, published
        self.failed = False
        self._changes: queue.SimpleQueue[Callable[[], bool] | None] = queue.SimpleQueue()
        self._inbox = len(doc.inbox)
        self._inbox_lock = threading.Lock()
        self._ballots: dict[str, Ballots] = {}
        self._writer = threading.Thread(target=self._write, name="workshop-file", daemon=True)
        self._writer.start()

    # -- RoomEvents, on the server's thread -------------------------------------------------------

    def card_received(self, card: InboxCard) -> None:
        with self._inbox_lock:
            if self._inbox >= MAX_INBOX:
                raise ModelError(f"the Inbox is full ({MAX_INBOX} cards)")
            self._inbox += 1
        self._changes.put(partial(self._add_card, card))

    def comment_added(self, card_id: str, comment: Comment) -> None:
        self._changes.put(partial(self._add_comment, card_id, comment))

    def ballot_cast(self, vote_id: str, voter: str, counts: dict[str, int]) -> None:
        self._changes.put(partial(self._cast, vote_id, voter, counts))

    def close(self) -> None:
        """Save what is not saved yet and stop the writer (after the server has stopped)."""
        self._changes.put(None)
        self._writer.join()

    # -- the writer's thread ---------------------------------------------------------------------
    # Each change returns whether the board participants see changed.

    def _add_card(self, card: InboxCard) -> bool:
        self.doc.add_inbox_card(card)
        return False

    def _add_comment(self, card_id: str, comment: Comment) -> bool:
        card = self.doc.card(card_id)
        if any(c.id == comment.id for c in card.comments):
            raise ModelError(f"the comment id {comment.id!r} is already used on the card")
        card.comments.append(comment)
        return True  # the card's comment count

    def _cast(self, vote_id: str, voter: str, counts: dict[str, int]) -> bool:
        ballots = self._ballots.setdefault(vote_id, Ballots())
        ballots.cast(voter, counts)
        vote = self.doc.vote(vote_id)
        vote.counts, vote.voters = ballots.totals(), ballots.voters
        return False

    def _write(self) -> None:
        unsaved = closing = False
        while not closing:
            try:  # while a save fails, it is tried again each second
                changes = [self._changes.get(timeout=1.0 if unsaved else None)]
            except queue.Empty:
                changes = []
            while not self._changes.empty():
                changes.append(self._changes.get())
            closing = None in changes
            board_changed = False
            for change in filter(None, changes):
                try:
                    board_changed |= change()
                except ModelError as error:
                    print(f"{self.path}: not kept: {error}", file=sys.stderr, flush=True)
                unsaved = True
            if board_changed:
                self.published(board_of(self.doc))
            if unsaved:
                unsaved = not self._save()

    def _save(self) -> bool:
        try:
            write_atomic(self.path, dumps(self.doc), keep_backup=True)
        except SaveError as error:
            if not self.failed:  # said once, not each second
                for line in error.lines():
                    print(line, file=sys.stderr, flush=True)
            self.failed = True
            return False
        self.failed = False
        return True
