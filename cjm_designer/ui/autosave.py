"""Autosave and recovery: unsaved work is copied to the user's state folder every interval and when
the window loses focus, never over the user's file; after a crash the next start offers it back.

A copy is `ID.cjm` with `ID.json` beside it (the file it belongs to, the map's title, the time); both
are removed after a save or a clean close.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..editor import DocumentSession
from ..io import CjmError, dumps, load, write_atomic
from ..model import JourneyMap
from .settings import recovery_dir


@dataclass(frozen=True)
class Recovery:
    """An autosaved copy left behind by a window that did not close cleanly."""

    copy: Path
    original: Path | None
    title: str
    saved_at: datetime

    def load(self) -> JourneyMap:
        return load(self.copy)

    def discard(self) -> None:
        remove_copy(self.copy)


def remove_copy(copy: Path) -> None:
    """Remove an autosave copy and the note of what it belongs to."""
    for path in (copy, copy.with_suffix(".json")):
        path.unlink(missing_ok=True)


class Autosaver:
    """Keeps one window's autosave copy up to date."""

    def __init__(self, session: DocumentSession):
        self.session = session
        self.copy = recovery_dir() / f"{uuid.uuid4().hex}.cjm"
        self._saved_index: int | None = None

    def save_if_needed(self) -> bool:
        """Write the copy if there are unsaved changes not in it yet; True when written."""
        stack = self.session.undo_stack
        if stack.isClean():
            self.discard()
            return False
        if stack.index() == self._saved_index and self.copy.exists():
            return False
        try:
            write_atomic(self.copy, dumps(self.session.doc))
            info = {"original": str(self.session.path) if self.session.path else None,
                    "title": self.session.doc.meta.title, "saved_at": datetime.now(UTC).isoformat(timespec="seconds")}
            write_atomic(self.copy.with_suffix(".json"), json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except CjmError:
            return False  # a full disk must not interrupt editing; the next attempt may succeed
        self._saved_index = stack.index()
        return True

    def discard(self) -> None:
        remove_copy(self.copy)
        self._saved_index = None


def pending_recoveries(exclude: set[Path] = frozenset()) -> list[Recovery]:
    """Copies left by windows that did not close cleanly, newest first (`exclude`: live windows')."""
    found = []
    for info_path in recovery_dir().glob("*.json"):
        copy = info_path.with_suffix(".cjm")
        if copy in exclude or not copy.exists():
            continue
        try:
            info = json.loads(info_path.read_text("utf-8"))
            saved_at = datetime.fromisoformat(info["saved_at"])
            original = Path(info["original"]) if info.get("original") else None
            found.append(Recovery(copy, original, str(info.get("title") or ""), saved_at))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
