"""Autosave and recovery: unsaved work is copied to the user's state folder every interval and when
the window loses focus, never over the user's file; after a crash the next start offers it back.

A copy is `ID.cjm` with `ID.json` beside it (the file it belongs to, the map's title, the time) and
`ID.lock`, locked by the process whose window owns the copy for as long as it lives. A copy whose
owner is alive is never offered to another instance, nor deleted by one. All three are removed
after a save or a clean close; a recovered copy stays until its window saves or discards the work.
When the state folder cannot be made, there is no autosave and `off_reason` says why.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from ..editor import DocumentSession
from ..io import CjmError, dumps, load, write_atomic
from ..io.file_locks import Lock, held_elsewhere
from ..model import JourneyMap
from .settings import recovery_dir

UNREADABLE = ".unreadable"  # added to a copy that cannot be read, so it is reported once, not offered again


def lock_of(copy: Path) -> Lock:
    return Lock(copy.with_suffix(".lock"))


# A named tuple: a frozen dataclass would cost every start about 0.5 ms to make (its generated methods)
class Recovery(NamedTuple):
    """An autosaved copy left behind by a window that did not close cleanly."""

    copy: Path
    original: Path | None
    title: str
    saved_at: datetime

    def claim(self) -> Lock | None:
        """The copy's lock, now this process's; None if another instance took the copy meanwhile."""
        lock = lock_of(self.copy)
        return lock if lock.acquire() else None

    def load(self) -> JourneyMap:
        return load(self.copy)

    def discard(self) -> None:
        """Delete the copy, unless another instance has taken it meanwhile."""
        lock = self.claim()
        if lock is not None:
            remove_copy(self.copy)
            lock.release(remove=True)

    def set_aside(self, lock: Lock) -> Path:
        """Rename an unreadable copy (and its note) out of the way, where it stays for someone to look at."""
        aside = self.copy.with_name(self.copy.name + UNREADABLE)
        info = self.copy.with_suffix(".json")
        try:
            info.replace(info.with_name(info.name + UNREADABLE))  # no note: not offered again
            self.copy.replace(aside)
        except OSError:
            aside = self.copy  # cannot be moved: reported where it is
        lock.release(remove=True)
        return aside


def remove_copy(copy: Path) -> None:
    """Remove an autosave copy and the note of what it belongs to."""
    for path in (copy, copy.with_suffix(".json")):
        path.unlink(missing_ok=True)


class Autosaver:
    """Keeps one window's autosave copy up to date; the copy is locked while the window lives."""

    def __init__(self, session: DocumentSession):
        self.session = session
        self._saved_index: int | None = None
        self._changes = 0  # the map's notifications: a workshop's arrivals change it with no undo step
        self._saved_changes = -1
        session.changed.connect(self._count_change)
        self.off_reason = ""
        try:
            self.copy: Path | None = recovery_dir() / f"{uuid.uuid4().hex}.cjm"
        except OSError as error:
            self.copy = None
            self.off_reason = f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")
            return
        self.lock = lock_of(self.copy)

    def save_if_needed(self) -> bool:
        """Write the copy if there are unsaved changes not in it yet; True when written."""
        if self.copy is None:
            return False
        if not self.session.modified:
            self.discard()
            return False
        stack = self.session.undo_stack
        if stack.index() == self._saved_index and self._changes == self._saved_changes and self.copy.exists():
            return False
        if not self.lock.acquire():
            return False  # a copy no lock guards could be taken for a dead window's by another instance
        try:
            write_atomic(self.copy, dumps(self.session.doc))
            info = {"original": str(self.session.path) if self.session.path else None,
                    "title": self.session.doc.meta.title, "saved_at": datetime.now(UTC).isoformat(timespec="seconds")}
            write_atomic(self.copy.with_suffix(".json"), json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except CjmError:
            return False  # a full disk must not interrupt editing; the next attempt may succeed
        self._saved_index, self._saved_changes = stack.index(), self._changes
        return True

    def _count_change(self, _change) -> None:
        self._changes += 1

    def adopt(self, copy: Path, lock: Lock) -> None:
        """Take over a recovered copy (and its lock): it stays until this window saves or discards."""
        self.discard()
        self.copy, self.lock = copy, lock
        self._saved_index, self._saved_changes = self.session.undo_stack.index(), self._changes

    def discard(self) -> None:
        if self.copy is None:
            return
        remove_copy(self.copy)
        self.lock.release(remove=True)
        self._saved_index = None


def pending_recoveries() -> list[Recovery]:
    """Copies left by windows that did not close cleanly (whose process is gone), newest first."""
    try:
        folder = recovery_dir()
    except OSError:
        return []
    found = []
    for info_path in folder.glob("*.json"):
        copy = info_path.with_suffix(".cjm")
        if not copy.exists() or held_elsewhere(copy.with_suffix(".lock")):
            continue
        try:
            info = json.loads(info_path.read_text("utf-8"))
            saved_at = datetime.fromisoformat(info["saved_at"])
            original = Path(info["original"]) if info.get("original") else None
            found.append(Recovery(copy, original, str(info.get("title") or ""), saved_at))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
